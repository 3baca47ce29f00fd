package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.research.ResearchNotices.NoticeData;
import org.jiaoyan.research.ReviewForms.ItemData;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Review of applications and conclusions: blind reviews hide names on the page, in the export, in the API and in the
 * documents' names; conflicts of interest are refused; scores are checked per item; the results average; notices
 * are read in the school or in the county. Uses jks's school's teachers 100–139.
 */
@JiaoyanIntegrationTest
class ReviewIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired ReviewForms forms;
    @Autowired Reviews reviews;
    @Autowired ResearchNotices notices;
    @Autowired OrgDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired org.jiaoyan.org.People people;
    @Autowired MockMvc mvc;

    ResearchFixtures fx;
    CurrentUser jks;
    long school;

    @BeforeEach
    void setUp() {
        fx = new ResearchFixtures(users, projects, stages, jdbc, people);
        jks = fx.user("jks");
        school = jks.institutionId();
    }

    private long form(CurrentUser organiser, long organizerId, String name) {
        return Access.as(organiser, () -> forms.save(null, organizerId, 0, name,
                List.of(new ItemData("选题价值", "40"), new ItemData("研究设计", "60"))));
    }

    private String name(long personId) {
        return directory.personName(personId).orElseThrow();
    }

    private String page(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A county-level project of jks's school in a round of the county 教研室, with its lead and members. */
    private long countyProject(String title, List<Long> people) {
        CurrentUser county = fx.user("county");
        long round = Access.as(county, () -> projects.createRound(county.institutionId(), "县级课题" + title,
                ProjectLevel.COUNTY, LocalDate.now().plusMonths(1)));
        return Access.as(jks, () -> {
            long id = projects.create(new ProjectData(school, round, null, ProjectLevel.COUNTY, false, title,
                    people.get(0), "数学", LocalDate.now(), LocalDate.now().plusYears(1), "县级课题摘要"));
            projects.setMembers(id, people.subList(1, people.size()));
            return id;
        });
    }

    @Test
    void aBlindReviewHidesTheNamesOnThePageInTheExportTheApiAndTheDocumentNames() throws Exception {
        List<Long> people = fx.teachers(100, 3);
        String lead = name(people.get(0));
        long projectId = fx.project("盲评课题：整本书阅读", people);
        fx.document(projectId, lead + "的申报书.txt");
        long reviewer = fx.teachers(110, 1).get(0);
        long formId = form(jks, school, "校级课题申报评审表（盲评）");
        long reviewId = Access.as(jks, () -> reviews.assign(projectId, ProjectStage.APPLICATION, formId, reviewer, true));
        CurrentUser me = ResearchFixtures.person(reviewer, school);

        String list = page(mvc.perform(get("/research/reviews").with(user(me))).andExpect(status().isOk()).andReturn());
        assertThat(list).contains("盲评课题：整本书阅读", "A-" + String.format("%03d", projectId)).doesNotContain(lead);

        String sheet = page(mvc.perform(get("/research/reviews/" + reviewId).with(user(me))).andExpect(status().isOk()).andReturn());
        assertThat(sheet).contains("盲评课题：整本书阅读", "材料1.txt", "选题价值").doesNotContain(lead);

        long attachmentId = jdbc.sql("select id from attachment where owner_type = ? and owner_id = ?")
                .params(ProjectStages.DOCUMENTS, projectId).query(Long.class).single();
        MvcResult file = mvc.perform(get("/research/reviews/" + reviewId + "/documents/" + attachmentId).with(user(me)))
                .andExpect(status().isOk()).andReturn();
        String disposition = URLDecoder.decode(file.getResponse().getHeader("Content-Disposition"), StandardCharsets.UTF_8);
        assertThat(disposition).contains("材料1.txt").doesNotContain(lead);

        byte[] xlsx = mvc.perform(get("/research/reviews.xlsx").with(user(me))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        String cells = cells(xlsx);
        assertThat(cells).contains("盲评课题：整本书阅读").doesNotContain(lead);

        String json = page(mvc.perform(get("/api/v1/research/reviews").with(user(me))).andExpect(status().isOk()).andReturn());
        assertThat(json).contains("盲评课题：整本书阅读", "\"blind\":true").doesNotContain(lead);

        // another person (not the reviewer) cannot open the review or its documents
        CurrentUser other = ResearchFixtures.person(fx.teachers(111, 1).get(0), school);
        mvc.perform(get("/research/reviews/" + reviewId).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get("/research/reviews/" + reviewId + "/documents/" + attachmentId).with(user(other)))
                .andExpect(status().isNotFound());

        // the organiser sees the reviewer's name; a member reading the project's reviews tab does not (blind)
        Access.as(me, () -> {
            reviews.submit(reviewId, 0, Map.of(items(formId).get(0), "30", items(formId).get(1), "50"), "选题有价值", Decision.PASS);
            return null;
        });
        String organiser = page(mvc.perform(get("/projects/" + projectId + "/reviews").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn());
        assertThat(organiser).contains(name(reviewer), "80.0");
        String member = page(mvc.perform(get("/projects/" + projectId + "/reviews")
                .with(user(ResearchFixtures.person(people.get(1), school)))).andExpect(status().isOk()).andReturn());
        assertThat(member).contains("选题有价值").doesNotContain(name(reviewer));
    }

    @Test
    void conflictsOfInterestAreRefusedWithTheirReason() throws Exception {
        // a member never reviews their own project
        List<Long> people = fx.teachers(103, 3);
        long projectId = fx.project("回避测试：校级课题", people);
        long formId = form(jks, school, "校级课题评审表（回避）");
        assertThatThrownBy(() -> Access.as(jks, () -> reviews.assign(projectId, ProjectStage.APPLICATION, formId, people.get(1), false)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("researchreview.conflict.member"));
        String html = page(mvc.perform(post("/projects/" + projectId + "/reviews").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("stage", "APPLICATION").param("formId", String.valueOf(formId))
                        .param("reviewerId", String.valueOf(people.get(1))))
                .andExpect(status().isOk()).andReturn());
        assertThat(html).contains(name(people.get(1)) + " 是本课题的成员，须回避");

        // a county review: nobody of the project's school, somebody of another school is fine
        CurrentUser county = fx.user("county");
        List<Long> cp = fx.teachers(106, 2);
        long countyProject = countyProject("回避测试：县级课题", cp);
        long countyForm = form(county, county.institutionId(), "县级课题评审表（回避）");
        long sameSchool = fx.teachers(112, 1).get(0);
        assertThatThrownBy(() -> Access.as(county, () -> reviews.assign(countyProject, ProjectStage.APPLICATION, countyForm, sameSchool, false)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("researchreview.conflict.school"));
        long teacher2 = fx.user("teacher2").personId();
        long reviewId = Access.as(county, () -> reviews.assign(countyProject, ProjectStage.APPLICATION, countyForm, teacher2, true));
        assertThat(Access.as(county, () -> reviews.candidates(countyProject)))
                .noneMatch(c -> c.personId() == sameSchool).noneMatch(c -> cp.contains(c.personId()))
                .noneMatch(c -> c.schoolName().contains("医院")).anyMatch(c -> c.personId() == teacher2);
        // a jks of the school does not run the county's review
        assertThatThrownBy(() -> Access.as(jks, () -> reviews.assign(countyProject, ProjectStage.APPLICATION, countyForm, teacher2, false)))
                .isInstanceOf(org.jiaoyan.shared.ForbiddenException.class);

        // checked again when scoring: the reviewer became a member in between (a same-school reviewer of a school review)
        long reviewer = fx.teachers(113, 1).get(0);
        long later = Access.as(jks, () -> reviews.assign(projectId, ProjectStage.APPLICATION, formId, reviewer, false));
        Access.as(jks, () -> {
            projects.setMembers(projectId, List.of(people.get(1), people.get(2), reviewer));
            return null;
        });
        CurrentUser me = ResearchFixtures.person(reviewer, school);
        String refused = page(mvc.perform(post("/research/reviews/" + later).with(user(me)).with(csrf())
                        .param("version", "0").param("points[" + items(formId).get(0) + "]", "30")
                        .param("points[" + items(formId).get(1) + "]", "40").param("opinion", "好")
                        .param("recommendation", "PASS"))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("须回避");
        assertThat(reviewId).isPositive();
    }

    @Test
    void pointsAreCheckedAtTheirItemAndTheResultsAverageTheTotals() throws Exception {
        // the designer refuses an item of more than 100 points at that item
        String designer = page(mvc.perform(post("/research/review-forms/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("op", "save").param("name", "评审表（满分检查）")
                        .param("items[0].name", "选题").param("items[0].maxPoints", "40")
                        .param("items[1].name", "设计").param("items[1].maxPoints", "150"))
                .andExpect(status().isOk()).andReturn());
        assertThat(designer).contains("第 2 项：满分须在 1 到 100 之间").contains("value=\"150\"");
        // moving the second row up keeps what was typed, in the new order, without saving
        String moved = page(mvc.perform(post("/research/review-forms/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("op", "up-1").param("name", "评审表（排序）")
                        .param("items[0].name", "选题甲").param("items[0].maxPoints", "40")
                        .param("items[1].name", "设计乙").param("items[1].maxPoints", "60"))
                .andExpect(status().isOk()).andReturn());
        assertThat(moved.indexOf("设计乙")).isPositive().isLessThan(moved.indexOf("选题甲"));

        List<Long> people = fx.teachers(115, 2);
        long projectId = fx.project("评分测试：作业设计研究", people);
        long formId = form(jks, school, "校级课题评审表（评分）");
        List<Long> itemIds = items(formId);
        long r1 = fx.teachers(117, 1).get(0);
        long r2 = fx.teachers(118, 1).get(0);
        long review1 = Access.as(jks, () -> reviews.assign(projectId, ProjectStage.APPLICATION, formId, r1, false));
        long review2 = Access.as(jks, () -> reviews.assign(projectId, ProjectStage.APPLICATION, formId, r2, false));

        String over = page(mvc.perform(post("/research/reviews/" + review1).with(user(ResearchFixtures.person(r1, school))).with(csrf())
                        .param("version", "0").param("points[" + itemIds.get(0) + "]", "45")
                        .param("points[" + itemIds.get(1) + "]", "50.55").param("opinion", "设计完整")
                        .param("recommendation", "PASS"))
                .andExpect(status().isOk()).andReturn());
        assertThat(over).contains("选题价值：得分须在 0 到 40 之间", "研究设计：得分须在 0 到 60 之间", "value=\"45\"");

        mvc.perform(post("/research/reviews/" + review1).with(user(ResearchFixtures.person(r1, school))).with(csrf())
                        .param("version", "0").param("points[" + itemIds.get(0) + "]", "35")
                        .param("points[" + itemIds.get(1) + "]", "50.5").param("opinion", "设计完整")
                        .param("recommendation", "PASS"))
                .andExpect(status().is3xxRedirection());
        Access.as(ResearchFixtures.person(r2, school), () -> {
            reviews.submit(review2, 0, Map.of(itemIds.get(0), "30", itemIds.get(1), "44.5"), "需修改", Decision.PASS_REVISED);
            return null;
        });
        // a second save with the old version is refused
        assertThatThrownBy(() -> Access.as(ResearchFixtures.person(r2, school), () -> {
            reviews.submit(review2, 0, Map.of(itemIds.get(0), "30", itemIds.get(1), "44.5"), "需修改", Decision.PASS);
            return null;
        })).isInstanceOf(StaleEditException.class);

        Reviews.ResultRow row = Access.as(jks, () -> reviews.results(school, ProjectStage.APPLICATION, null)).stream()
                .filter(x -> x.project().id() == projectId).findFirst().orElseThrow();
        assertThat(row.average()).isEqualByComparingTo("80.00"); // (85.5 + 74.5) / 2
        assertThat(row.recommendations()).containsEntry(Decision.PASS, 1).containsEntry(Decision.PASS_REVISED, 1);

        String results = page(mvc.perform(get("/research/review-results").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn());
        assertThat(results).contains("评分测试：作业设计研究", "80.00", name(r1), "85.5", "74.5");
        byte[] xlsx = mvc.perform(get("/research/review-results.xlsx").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(xlsx)).contains("评分测试：作业设计研究", name(people.get(0)), "80");
        // a teacher does not run the school's reviews
        mvc.perform(get("/research/review-results").with(TestUsers.as(users, "teacher"))).andExpect(status().isForbidden());
    }

    @Test
    void aCountyNoticeIsReadInTheCountyAndASchoolNoticeOnlyInItsSchool() throws Exception {
        CurrentUser county = fx.user("county");
        List<Long> countyPeople = fx.teachers(120, 2);
        long countyProject = countyProject("公示测试：县级课题", countyPeople);
        long schoolProject = fx.project("公示测试：校级课题", fx.teachers(122, 2));
        LocalDate today = LocalDate.now();

        assertThatThrownBy(() -> Access.as(county, () -> notices.publish(new NoticeData(county.institutionId(), null,
                ProjectStage.APPLICATION, "县级课题立项公示", null, today, today.minusDays(1), List.of(countyProject)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> "researchreview.notice.untilBeforeFrom".equals(p.messageKey())));
        assertThatThrownBy(() -> Access.as(county, () -> notices.publish(new NoticeData(county.institutionId(), null,
                ProjectStage.APPLICATION, "县级课题立项公示", null, today, today.plusDays(5), List.of(schoolProject)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> "researchreview.notice.foreign".equals(p.messageKey())));
        String empty = page(mvc.perform(post("/research/notices/new").with(TestUsers.as(users, "county")).with(csrf())
                        .param("stage", "APPLICATION").param("title", "县级课题立项公示")
                        .param("publishFrom", today.toString()).param("publishUntil", today.plusDays(5).toString()))
                .andExpect(status().isOk()).andReturn());
        assertThat(empty).contains("请至少勾选一个课题");

        long countyNotice = Access.as(county, () -> notices.publish(new NoticeData(county.institutionId(), null,
                ProjectStage.APPLICATION, "示范县县级课题立项公示", "公示期内如有异议请联系县教研室。", today, today.plusDays(6),
                List.of(countyProject))));
        long schoolNotice = Access.as(jks, () -> notices.publish(new NoticeData(school, null, ProjectStage.APPLICATION,
                "实验小学校级课题立项公示", null, today, today.plusDays(6), List.of(schoolProject))));

        String seen = page(mvc.perform(get("/research/notices/" + countyNotice).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isOk()).andReturn());
        assertThat(seen).contains("示范县县级课题立项公示", "公示测试：县级课题", name(countyPeople.get(0)), "县区级");
        mvc.perform(get("/research/notices/" + schoolNotice).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        String list = page(mvc.perform(get("/research/notices").with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isOk()).andReturn());
        assertThat(list).contains("示范县县级课题立项公示").doesNotContain("实验小学校级课题立项公示");
        String own = page(mvc.perform(get("/research/notices/" + schoolNotice).with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andReturn());
        assertThat(own).contains("公示测试：校级课题");
    }

    private List<Long> items(long formId) {
        return jdbc.sql("select id from research_review_item where form_id = ? order by sort_order").param(formId)
                .query(Long.class).list();
    }

    private static String cells(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        out.add(c.toString());
                    }
                }
            }
        }
        return String.join("|", out);
    }
}
