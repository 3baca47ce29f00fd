package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.People;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 申报批次 as their organiser keeps them: edited with the name unique per organiser and stale edits refused, deleted
 * to the recycle bin only while empty, restored; nobody else (the school's office for a county round, another
 * school's teacher) sees or changes them.
 */
@JiaoyanIntegrationTest
class RoundIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired JdbcClient jdbc;
    @Autowired People people;

    private ResearchFixtures fx;
    private CurrentUser county;

    @BeforeEach
    void fixtures() {
        fx = new ResearchFixtures(users, projects, stages, jdbc, people);
        county = fx.user("county");
    }

    private RequestPostProcessor as(String username) {
        return TestUsers.as(users, username);
    }

    private long round(String name) {
        return Access.as(county, () -> projects.createRound(county.institutionId(), name, ProjectLevel.PERSONAL, null));
    }

    private static String unique(String name) {
        return name + "（" + System.nanoTime() % 1_000_000 + "）";
    }

    @Test
    void theOrganiserEditsARoundKeepingItsNameUniqueAndRefusingAStaleEdit() throws Exception {
        String first = unique("第九届县级个人课题");
        String second = unique("第十届县级个人课题");
        long id = round(first);
        round(second);

        mvc.perform(get("/research/rounds").with(as("county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/research/rounds/" + id + "/edit")));
        mvc.perform(get("/research/rounds/" + id + "/edit").with(as("county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + first + "\"")));

        // the other round's name: refused at the field, what was typed kept
        mvc.perform(post("/research/rounds/" + id + "/edit").with(as("county")).with(csrf())
                        .param("name", second).param("level", "COUNTY").param("applyUntil", "2027-04-30").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本单位已有名为“" + second + "”的批次")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("value=\"2027-04-30\"")));
        // an impossible date and an empty name: refused at their fields
        mvc.perform(post("/research/rounds/" + id + "/edit").with(as("county")).with(csrf())
                        .param("name", " ").param("level", "COUNTY").param("applyUntil", "2027-02-30").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期格式不正确")));
        mvc.perform(post("/research/rounds/" + id + "/edit").with(as("county")).with(csrf())
                        .param("name", " ").param("level", "COUNTY").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("必填")));

        String renamed = unique("第九届县级个人课题（延期）");
        mvc.perform(post("/research/rounds/" + id + "/edit").with(as("county")).with(csrf())
                        .param("name", renamed).param("level", "COUNTY").param("applyUntil", "2027-04-30").param("version", "0"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/research/rounds"))
                .andExpect(flash().attribute("flashSuccess", "research.round.updated"));
        mvc.perform(get("/research/rounds").with(as("county")))
                .andExpect(content().string(containsString(renamed)))
                .andExpect(content().string(containsString("2027年4月30日")))
                .andExpect(content().string(not(containsString(">" + first + "<"))));
        Projects.RoundRow saved = Access.as(county, () -> projects.round(id));
        assertThat(saved.level()).isEqualTo(ProjectLevel.COUNTY);
        assertThat(saved.applyUntil()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(saved.version()).isEqualTo(1);

        // a second person still holding version 0 is refused, their text kept and the round unchanged
        mvc.perform(post("/research/rounds/" + id + "/edit").with(as("county")).with(csrf())
                        .param("name", "别人的改名").param("level", "COUNTY").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此记录已被他人修改")))
                .andExpect(content().string(containsString("value=\"别人的改名\"")));
        assertThat(Access.as(county, () -> projects.round(id)).name()).isEqualTo(renamed);
    }

    @Test
    void onlyTheOrganiserSeesEditsOrDeletesItsRound() throws Exception {
        long id = round(unique("县级批次权限"));
        // the school's office applies in county rounds but does not run them; another school's teacher neither
        for (String other : new String[] {"jks", "teacher2"}) {
            mvc.perform(get("/research/rounds/" + id + "/edit").with(as(other))).andExpect(status().isNotFound());
            mvc.perform(post("/research/rounds/" + id + "/edit").with(as(other)).with(csrf())
                    .param("name", "冒名修改").param("level", "SCHOOL").param("version", "0")).andExpect(status().isNotFound());
            mvc.perform(post("/research/rounds/" + id + "/delete").with(as(other)).with(csrf()).param("version", "0"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/research/rounds/" + id + "/restore").with(as(other)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/research/rounds/999999999/edit").with(as("county"))).andExpect(status().isNotFound());
        Projects.RoundRow r = Access.as(county, () -> projects.round(id));
        assertThat(r.name()).startsWith("县级批次权限");
        assertThat(r.version()).isZero();
    }

    @Test
    void aRoundWithProjectsIsNotDeletedAnEmptyOneGoesToTheRecycleBinAndComesBack() throws Exception {
        String busyName = unique("第十一届县级个人课题");
        long busy = round(busyName);
        CurrentUser jks = fx.user("jks");
        long lead = fx.teachers(170, 1).get(0);
        long project = Access.as(jks, () -> projects.create(new ProjectData(jks.institutionId(), busy, null,
                ProjectLevel.PERSONAL, false, "批次删除检查课题" + lead, lead, "语文", null, null, null)));

        MvcResult refused = mvc.perform(post("/research/rounds/" + busy + "/delete").with(as("county")).with(csrf())
                        .param("version", "0"))
                .andExpect(redirectedUrl("/research/rounds"))
                .andExpect(flash().attribute("flashError", "research.round.hasProjects")).andReturn();
        mvc.perform(get("/research/rounds").with(as("county")).flashAttrs(refused.getFlashMap()))
                .andExpect(content().string(containsString("批次“" + busyName + "”中还有 1 个课题，不能删除")));
        assertThat(Access.as(county, () -> projects.round(busy)).projects()).isEqualTo(1);
        assertThat(project).isPositive();

        String emptyName = unique("第十二届县级个人课题");
        long empty = round(emptyName);
        // a stale delete is refused
        mvc.perform(post("/research/rounds/" + empty + "/delete").with(as("county")).with(csrf()).param("version", "3"))
                .andExpect(flash().attribute("flashError", "error.staleEdit"));
        MvcResult deleted = mvc.perform(post("/research/rounds/" + empty + "/delete").with(as("county")).with(csrf())
                        .param("version", "0"))
                .andExpect(flash().attribute("flashSuccess", "research.round.deleted")).andReturn();
        // gone from the list and from the school's project form, shown under 已删除的批次 with 还原
        mvc.perform(get("/research/rounds").with(as("county")).flashAttrs(deleted.getFlashMap()))
                .andExpect(content().string(containsString("批次已移入回收站")))
                .andExpect(content().string(containsString("已删除的批次")))
                .andExpect(content().string(containsString("/research/rounds/" + empty + "/restore")))
                .andExpect(content().string(not(containsString("/research/rounds/" + empty + "/edit"))));
        mvc.perform(get("/projects/new").with(as("jks"))).andExpect(content().string(not(containsString(emptyName))))
                .andExpect(content().string(containsString(busyName)));
        assertThat(jdbc.sql("select deleted_by from research_round where id = ?").param(empty).query(String.class).single())
                .isEqualTo("county");

        // a new round took the name meanwhile: restoring is refused with the reason; after renaming it, restored
        long taker = round(emptyName);
        mvc.perform(post("/research/rounds/" + empty + "/restore").with(as("county")).with(csrf()))
                .andExpect(flash().attribute("flashError", "research.round.restoreTaken"));
        Access.as(county, () -> {
            projects.updateRound(taker, 0, emptyName + "（新）", ProjectLevel.PERSONAL, null);
            return null;
        });
        mvc.perform(post("/research/rounds/" + empty + "/restore").with(as("county")).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "research.round.restored"));
        mvc.perform(get("/projects/new").with(as("jks"))).andExpect(content().string(containsString(emptyName)));
        assertThat(Access.as(county, () -> projects.deletedRounds(county.institutionId())))
                .extracting(Projects.RoundRow::id).doesNotContain(empty);
    }
}
