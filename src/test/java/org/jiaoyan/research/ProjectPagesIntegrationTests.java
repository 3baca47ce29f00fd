package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.People;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The project pages as people use them: list and export, the form keeping input, documents, submit, decide, scope. */
@JiaoyanIntegrationTest
class ProjectPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired JdbcClient jdbc;
    @Autowired People people;

    private ResearchFixtures fx;
    private CurrentUser jks;

    @BeforeEach
    void fixtures() {
        fx = new ResearchFixtures(users, projects, stages, jdbc, people);
        jks = fx.user("jks");
    }

    private RequestPostProcessor as(String username) {
        return TestUsers.as(users, username);
    }

    private String name(long personId) {
        return jdbc.sql("select name from person where id = ?").param(personId).query(String.class).single();
    }

    @Test
    void theFormKeepsWhatWasTypedAndNamesTheFields() throws Exception {
        mvc.perform(post("/projects/new").with(as("jks")).with(csrf())
                        .param("title", "").param("level", "SCHOOL").param("discipline", "科学探究")
                        .param("startDate", "2026-09-01").param("endDate", "2026-03-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"科学探究\"")))
                .andExpect(content().string(containsString("结束日期不能早于开始日期")))
                .andExpect(content().string(containsString("必填")));
        mvc.perform(post("/projects/new").with(as("jks")).with(csrf())
                        .param("title", "x").param("level", "SCHOOL").param("startDate", "2026-02-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期格式不正确")));
    }

    @Test
    void anApplicationGoesThroughThePagesToApproval() throws Exception {
        List<Long> people = fx.teachers(160, 2);
        String title = "页面流程课题" + people.get(0);
        String location = mvc.perform(post("/projects/new").with(as("jks")).with(csrf())
                        .param("title", title).param("level", "SCHOOL").param("leadId", String.valueOf(people.get(0)))
                        .param("startDate", "2026-09-01").param("endDate", "2027-08-31"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/projects/" + id + "/members").with(as("jks")).with(csrf()).param("memberIds", String.valueOf(people.get(1))))
                .andExpect(status().is3xxRedirection());
        // the member without a task is named on the page and stops the submission
        mvc.perform(get("/projects/" + id).with(as("jks")))
                .andExpect(content().string(containsString("尚无研究任务")))
                .andExpect(content().string(containsString(name(people.get(1)))));
        mvc.perform(multipart("/projects/" + id + "/documents").file(new MockMultipartFile("file", "申报书.txt", "text/plain",
                        "课题申报书正文".getBytes(StandardCharsets.UTF_8))).param("stage", "APPLICATION").with(as("jks")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "research.document.saved"));
        int version = Access.as(jks, () -> projects.get(id).version());
        mvc.perform(post("/projects/" + id + "/submit").with(as("jks")).with(csrf()).param("version", String.valueOf(version)))
                .andExpect(flash().attribute("flashError", "research.members.withoutTask"));
        for (Long p : people) {
            mvc.perform(post("/projects/" + id + "/tasks").with(as("jks")).with(csrf()).param("personId", String.valueOf(p))
                            .param("title", "调查问卷").param("dueDate", "2027-01-15"))
                    .andExpect(flash().attribute("flashSuccess", "research.task.saved"));
        }
        mvc.perform(post("/projects/" + id + "/tasks").with(as("jks")).with(csrf()).param("personId", String.valueOf(people.get(0)))
                        .param("title", "x").param("dueDate", "2027-13-01"))
                .andExpect(flash().attribute("flashError", "validation.date"));
        version = Access.as(jks, () -> projects.get(id).version());
        mvc.perform(post("/projects/" + id + "/submit").with(as("jks")).with(csrf()).param("version", String.valueOf(version)))
                .andExpect(flash().attribute("flashSuccess", "research.stage.submittedOk"));
        version = Access.as(jks, () -> projects.get(id).version());
        mvc.perform(post("/projects/" + id + "/decide").with(as("jks")).with(csrf()).param("version", String.valueOf(version))
                        .param("decision", "PASS").param("projectNo", "YM-" + id).param("approvalLetter", "实小〔2026〕9号"))
                .andExpect(flash().attribute("flashSuccess", "research.decision.saved"));
        mvc.perform(get("/projects/" + id).with(as("jks")))
                .andExpect(content().string(containsString("YM-" + id)))
                .andExpect(content().string(containsString("申报书.txt")))
                .andExpect(content().string(containsString("实小〔2026〕9号")));
        // the document opens for the office, not for another school
        long doc = jdbc.sql("select id from attachment where owner_type = 'research.stage' and owner_id = ?").param(id)
                .query(Long.class).single();
        mvc.perform(get("/projects/" + id + "/files/" + doc).with(as("jks"))).andExpect(status().isOk())
                .andExpect(content().bytes("课题申报书正文".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/projects/" + id + "/files/" + doc).with(as("teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + id).with(as("teacher2"))).andExpect(status().isNotFound());
        mvc.perform(post("/projects/" + id + "/members").with(as("teacher2")).with(csrf()).param("memberIds", "1"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTeacherSeesTheirOwnProjectsAndTheExportFollowsTheList() throws Exception {
        CurrentUser teacher = fx.user("teacher");
        List<Long> people = fx.teachers(165, 1);
        long other = fx.project("别人的课题" + people.get(0), people);
        long mine = Access.as(teacher, () -> projects.create(new ProjectData(teacher.institutionId(), null, null,
                ProjectLevel.PERSONAL, false, "我的个人课题：朗读指导", teacher.personId(), "语文", null, null, null)));
        mvc.perform(get("/projects").with(as("teacher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("我的个人课题：朗读指导")))
                .andExpect(content().string(not(containsString("别人的课题" + people.get(0)))));
        mvc.perform(get("/projects").param("q", "别人的课题" + people.get(0)).with(as("jks")))
                .andExpect(content().string(containsString("别人的课题" + people.get(0))))
                .andExpect(content().string(not(containsString("我的个人课题：朗读指导"))));
        byte[] xlsx = mvc.perform(get("/projects/export.xlsx").param("q", "别人的课题" + people.get(0)).with(as("jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            StringBuilder all = new StringBuilder();
            sheet.forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all).contains("别人的课题" + people.get(0)).contains(name(people.get(0))).contains("申报")
                    .doesNotContain("我的个人课题：朗读指导");
        }
        mvc.perform(get("/projects/" + other).with(as("teacher"))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + mine + "/edit").with(as("teacher"))).andExpect(status().isOk());
        mvc.perform(get("/projects/" + other + "/edit").with(as("teacher"))).andExpect(status().isNotFound());
    }

    @Test
    void theCountyOpensARoundAndTheSchoolsProjectsApplyInIt() throws Exception {
        String name = "第八届县级个人课题（" + System.nanoTime() % 100000 + "）";
        mvc.perform(post("/research/rounds").with(as("county")).with(csrf()).param("name", name).param("level", "PERSONAL")
                        .param("applyUntil", "2027-03-31"))
                .andExpect(flash().attribute("flashSuccess", "research.round.saved"));
        // refused: the list comes back with the form as typed and the reason at the field, nothing created
        mvc.perform(post("/research/rounds").with(as("county")).with(csrf()).param("name", name).param("level", "PERSONAL")
                        .param("applyUntil", "2027-04-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本单位已有名为“" + name + "”的批次")))
                .andExpect(content().string(containsString("value=\"2027-04-30\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*<option value=\"PERSONAL\" selected=\"selected\">.*")));
        String other = "第九届（" + System.nanoTime() % 100000 + "）";
        mvc.perform(post("/research/rounds").with(as("county")).with(csrf()).param("name", other).param("level", "PERSONAL")
                        .param("applyUntil", "2027-02-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期格式不正确")))
                .andExpect(content().string(containsString("value=\"" + other + "\"")));
        mvc.perform(post("/research/rounds").with(as("county")).with(csrf()).param("name", other).param("level", "LEFT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(get("/research/rounds").with(as("county"))).andExpect(content().string(org.hamcrest.Matchers.not(containsString(other))));
        mvc.perform(get("/research/rounds").with(as("county")))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("2027年3月31日")));
        // the school's form offers the county's round; a teacher does not run rounds
        mvc.perform(get("/projects/new").with(as("jks"))).andExpect(content().string(containsString(name)));
        mvc.perform(get("/research/rounds").with(as("teacher"))).andExpect(status().isNotFound());
        mvc.perform(post("/research/rounds").with(as("teacher2")).with(csrf()).param("name", "冒名批次").param("level", "SCHOOL"))
                .andExpect(status().isNotFound());
    }
}
