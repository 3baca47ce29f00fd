package org.jiaoyan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.notify.Notices;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.PageQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Plan pages and API through HTTP: forms keep input and show errors, other schools get 404, autosave, reminders. */
@JiaoyanIntegrationTest
class PlanPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Plans plans;
    @Autowired PlanItems items;
    @Autowired PlanReminders reminders;
    @Autowired Notices notices;
    @Autowired Terms terms;
    @Autowired OrgUnits units;

    private PlanFixtures fx;

    @org.junit.jupiter.api.BeforeEach
    void fixtures() {
        fx = new PlanFixtures(users, plans, items, terms, units);
    }

    private CurrentUser user(String name) {
        return fx.user(name);
    }

    private SchoolTerm term() {
        return fx.term();
    }

    private int y() {
        return fx.y();
    }

    private long office() {
        return fx.office();
    }

    private long draft(String title) {
        return fx.draft(title);
    }

    private long published(String title) {
        return fx.published(title);
    }

    private PlanItem item(long planId, String content) {
        return fx.item(planId, content);
    }

    @Test
    void newPlanFormKeepsInputAndShowsTheErrorAtTheField() throws Exception {
        mvc.perform(post("/plans/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("unitId", String.valueOf(office())).param("termId", String.valueOf(term().id()))
                        .param("title", " ").param("template", "SCHOOL_RESEARCH_OFFICE").param("remindDays", "99"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "title", "remindDays"))
                .andExpect(content().string(containsString("不能大于 60")))
                .andExpect(content().string(containsString("value=\"SCHOOL_RESEARCH_OFFICE\" id=\"template2\" name=\"template\" checked")));
        mvc.perform(post("/plans/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("unitId", String.valueOf(office())).param("termId", String.valueOf(term().id()))
                        .param("title", "页面新建计划").param("template", "").param("remindDays", "3"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/plans/*"));
    }

    @Test
    void itemFormRejectsAnUnreadableTimeInChineseAndKeepsWhatWasTyped() throws Exception {
        long id = draft("事项表单计划");
        mvc.perform(post("/plans/" + id + "/items/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("category", "队伍建设").param("content", "青年教师基本功比赛").param("time", "下个月吧")
                        .param("ownerText", "教科室").param("recordKind", "ACTIVITY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无法识别的时间")))
                .andExpect(content().string(containsString("青年教师基本功比赛")));
        mvc.perform(post("/plans/" + id + "/items/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("category", "队伍建设").param("content", "青年教师基本功比赛").param("time", "第5—6周")
                        .param("ownerText", "教科室").param("recordKind", "ACTIVITY"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/plans/" + id + "/schedule").with(TestUsers.as(users, "jks")))
                .andExpect(content().string(containsString("青年教师基本功比赛")))
                .andExpect(content().string(containsString("第5—6周")));
        PlanItem added = item(id, "青年教师基本功比赛");
        Access.as(user("jks"), () -> {
            items.update(added.id(), added.version(), new ItemData("队伍建设", "青年教师基本功比赛", "第5—6周", null,
                    "教科室、外聘专家", null, RecordKind.ACTIVITY), null);
            return null;
        });
        mvc.perform(get("/plans/" + id + "/items/" + added.id()).with(TestUsers.as(users, "jks")))
                .andExpect(content().string(containsString("未匹配到本单位的人员或部门：外聘专家")));
    }

    @Test
    void pagesOfAPlanAreHiddenFromAnotherSchoolAndItsTeachersCannotChangeIt() throws Exception {
        long id = published("隔离计划");
        PlanItem it = item(id, "青蓝工程师徒结对");
        for (String path : List.of("/plans/" + id, "/plans/" + id + "/schedule", "/plans/" + id + "/board",
                "/plans/" + id + "/calendar", "/plans/" + id + "/items/" + it.id(), "/api/v1/plans/" + id)) {
            mvc.perform(get(path).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/plans/" + id + "/calendar/events").param("start", term().weekStart(1) + "T00:00:00+08:00")
                .param("end", term().weekStart(7) + "T00:00:00+08:00").with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(post("/plans/" + id + "/items/" + it.id() + "/edit").with(TestUsers.as(users, "teacher")).with(csrf())
                        .param("content", "被改了").param("time", "9月").param("recordKind", "NONE").param("version", String.valueOf(it.version()))
                        .param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/" + id + "/items/" + it.id() + "/done").with(TestUsers.as(users, "teacher2")).with(csrf())
                .param("version", String.valueOf(it.version()))).andExpect(status().isNotFound());
        assertThat(item(id, "青蓝工程师徒结对").content()).isEqualTo("青蓝工程师徒结对");
        mvc.perform(get("/plans/" + id).with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("隔离计划")))
                .andExpect(content().string(not(containsString("contenteditable"))));
    }

    @Test
    void sectionAutosaveReturnsTheNewVersionAndRefusesAStaleOne() throws Exception {
        long id = draft("自动保存计划");
        PlanSection s = Access.as(user("jks"), () -> plans.sections(id)).get(0);
        mvc.perform(post("/plans/" + id + "/sections/" + s.id()).with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", String.valueOf(s.version())).param("title", s.title())
                        .param("body", "<p>新的指导思想<script>alert(1)</script></p>"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(s.version() + 1));
        assertThat(Access.as(user("jks"), () -> plans.sections(id)).get(0).bodyHtml())
                .contains("新的指导思想").doesNotContain("script");
        mvc.perform(post("/plans/" + id + "/sections/" + s.id()).with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", String.valueOf(s.version())).param("title", s.title()).param("body", "<p>旧版本</p>"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("此记录已被他人修改，请刷新后重试"));
        mvc.perform(post("/plans/" + id + "/sections/" + s.id()).with(TestUsers.as(users, "teacher2")).with(csrf())
                .param("version", "1").param("body", "x")).andExpect(status().isNotFound());
    }

    @Test
    void ownerMarksDoneWithAPhotoAndTheEvidenceIsServedOnlyInScope() throws Exception {
        long id = published("佐证计划");
        PlanItem it = item(id, "各教研组、课题组制定学期计划");
        MockMultipartFile photo = new MockMultipartFile("file", "会议照片.png", "image/png", // a PNG's signature: uploads are checked by content
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 1, 2, 3});
        // a stale mark is refused and keeps no photo either
        mvc.perform(multipart("/plans/" + id + "/items/" + it.id() + "/done").file(photo).with(TestUsers.as(users, "zuzhang")).with(csrf())
                        .param("version", String.valueOf(it.version() + 5)).param("note", "旧页面"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "error.staleEdit"));
        assertThat(Access.as(user("jks"), () -> items.evidence(it.id()))).isEmpty();
        mvc.perform(multipart("/plans/" + id + "/items/" + it.id() + "/done").file(photo).with(TestUsers.as(users, "zuzhang")).with(csrf())
                        .param("version", String.valueOf(it.version())).param("note", "已收齐各组计划"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "plan.item.done"));
        PlanItem done = item(id, "各教研组、课题组制定学期计划");
        assertThat(done.status(LocalDate.of(y(), 9, 10))).isEqualTo(ItemStatus.DONE);
        assertThat(done.note()).isEqualTo("已收齐各组计划");
        PlanItems.Evidence e = Access.as(user("jks"), () -> items.evidence(it.id())).get(0);
        assertThat(e.fileName()).isEqualTo("会议照片.png");
        mvc.perform(get("/plans/" + id + "/items/" + it.id() + "/evidence/" + e.id()).with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        mvc.perform(get("/plans/" + id + "/items/" + it.id() + "/evidence/" + e.id()).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isNotFound());
        MockMultipartFile script = new MockMultipartFile("file", "run.exe", "application/octet-stream", new byte[] {1, 2});
        mvc.perform(multipart("/plans/" + id + "/items/" + it.id() + "/evidence").file(script).with(TestUsers.as(users, "zuzhang")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "files.typeNotAllowed"));
        assertThat(Access.as(user("jks"), () -> items.evidence(it.id()))).hasSize(1);
    }

    @Test
    void myTasksListsTheGroupLeadersItemsForTheCurrentTerm() throws Exception {
        fx.publish(fx.draft("任务页计划", Access.asSystem(() -> terms.current().orElseThrow())));
        mvc.perform(get("/tasks").param("show", "all").with(TestUsers.as(users, "zuzhang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("教研组教学研讨活动")))
                .andExpect(content().string(containsString("任务页计划")));
    }

    @Test
    void calendarFeedRepeatsWeeklyItemsAndKeepsOneOffItemsOnce() throws Exception {
        long id = published("日历计划");
        String json = mvc.perform(get("/plans/" + id + "/calendar/events").param("start", term().weekStart(1) + "T00:00:00+08:00")
                        .param("end", term().weekStart(7) + "T00:00:00+08:00").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> titles = com.jayway.jsonpath.JsonPath.read(json, "$[*].title");
        assertThat(titles.stream().filter(t -> t.startsWith("教研组教学研讨活动")).count()).isEqualTo(6);
        assertThat(titles.stream().filter(t -> t.startsWith("制定学校教科室工作计划")).count()).isEqualTo(1);
        List<String> starts = com.jayway.jsonpath.JsonPath.read(json, "$[?(@.title =~ /制定学校教科室工作计划.*/)].start");
        assertThat(starts).containsExactly(term().startDate().toString());

        // the phone's list view gets every multi-day event once, with its last day in the title
        String compact = mvc.perform(get("/plans/" + id + "/calendar/events").param("start", term().weekStart(1) + "T00:00:00+08:00")
                        .param("end", term().weekStart(7) + "T00:00:00+08:00").param("compact", "true").with(TestUsers.as(users, "teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> september = com.jayway.jsonpath.JsonPath.read(compact, "$[?(@.title =~ /制定学校教科室工作计划.*/)].title");
        assertThat(september).containsExactly("制定学校教科室工作计划（教科室）（至9月30日）");
        List<String> ends = com.jayway.jsonpath.JsonPath.read(compact, "$[?(@.title =~ /制定学校教科室工作计划.*/)].end");
        assertThat(ends).containsExactly(term().startDate().plusDays(1).toString());
    }

    @Test
    void apiReturnsItemsWithMonthsAsIntegersAndRequiresAReasonAfterPublishing() throws Exception {
        long id = published("接口计划");
        PlanItem it = item(id, "校级论文评选");
        mvc.perform(get("/api/v1/plans/" + id).with(httpBasic("teacher", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.title").value("接口计划"))
                .andExpect(jsonPath("$.items[?(@.content == '校级论文评选')].months[0]").value(11));
        String change = """
                {"category": "论文与成果", "content": "校级论文评选", "time": "12月", "owner": "教科室", "version": %d}"""
                .formatted(it.version());
        mvc.perform(put("/api/v1/plans/" + id + "/items/" + it.id()).with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("修订原因")));
        String withReason = change.replace("}", ", \"reason\": \"评选推迟\"}");
        mvc.perform(put("/api/v1/plans/" + id + "/items/" + it.id()).with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(withReason))
                .andExpect(status().isOk()).andExpect(jsonPath("$.months[0]").value(12));
        mvc.perform(put("/api/v1/plans/" + id + "/items/" + it.id()).with(httpBasic("jks", TestUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(withReason))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/plans").param("q", "接口计划").with(httpBasic("county", TestUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void remindersReachTheOwnersOnceBeforeTheStartAndOnceWhenOverdue() {
        published("提醒计划");
        LocalDate beforeSeptember = LocalDate.of(y(), 8, 30);
        assertThat(reminders.run(beforeSeptember)).isPositive();
        assertThat(reminders.run(beforeSeptember)).isZero();
        var inbox = Access.as(user("zuzhang"), () -> notices.inbox(false, new PageQuery(1, 100, null, false)));
        assertThat(inbox.items()).extracting(n -> n.title()).contains("即将开始：各教研组、课题组制定学期计划");
        assertThat(Access.as(user("teacher2"), () -> notices.inbox(false, new PageQuery(1, 100, null, false))).items())
                .extracting(n -> n.title()).doesNotContain("即将开始：各教研组、课题组制定学期计划");

        LocalDate afterSeptember = LocalDate.of(y(), 10, 2);
        assertThat(reminders.run(afterSeptember)).isPositive();
        assertThat(reminders.run(afterSeptember)).isZero();
        inbox = Access.as(user("zuzhang"), () -> notices.inbox(false, new PageQuery(1, 100, null, false)));
        assertThat(inbox.items()).extracting(n -> n.title()).contains("已逾期：各教研组、课题组制定学期计划");
        assertThat(inbox.items()).filteredOn(n -> n.title().endsWith("各教研组、课题组制定学期计划"))
                .allMatch(n -> n.link() != null && n.link().startsWith("/plans/"));
    }

    @Test
    void ownersHearOfThePublishedPlanAndOfARevisionOfTheirItemWithItsReason() {
        long id = published("通知计划");
        var inbox = Access.as(user("zuzhang"), () -> notices.inbox(false, new PageQuery(1, 100, null, false)));
        assertThat(inbox.items()).extracting(n -> n.title()).contains("计划已发布：通知计划");
        PlanItem it = item(id, "各教研组、课题组制定学期计划");
        Access.as(user("jks"), () -> {
            items.update(it.id(), it.version(), new ItemData(it.category(), it.content(), "10月", null, it.ownerText(), null,
                    it.recordKind()), "开学推迟，改到十月");
            return null;
        });
        inbox = Access.as(user("zuzhang"), () -> notices.inbox(false, new PageQuery(1, 100, null, false)));
        assertThat(inbox.items()).filteredOn(n -> n.title().equals("计划修订：各教研组、课题组制定学期计划"))
                .extracting(n -> n.body()).contains("开学推迟，改到十月");
        assertThat(Access.as(user("teacher2"), () -> notices.inbox(false, new PageQuery(1, 100, null, false))).items())
                .extracting(n -> n.title()).doesNotContain("计划已发布：通知计划");
    }

    @Test
    void planListExportsToExcelWithTheSameFiltersAndScope() throws Exception {
        published("导出列表计划");
        draft("导出列表草稿");
        byte[] xlsx = mvc.perform(get("/plans/export.xlsx").param("q", "导出列表").with(TestUsers.as(users, "county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("计划标题"); // row 0 is the printed title
            assertThat(sheet.getLastRowNum()).isEqualTo(2); // the county sees the published plan, not the draft
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("导出列表计划");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("已发布");
        }
    }

    @Test
    void countyResearcherFiltersThePublishedPlansBySchool() throws Exception {
        published("县里筛选计划");
        long experimental = user("jks").institutionId();
        long township = user("teacher2").institutionId();
        mvc.perform(get("/plans").param("school", String.valueOf(experimental)).param("q", "县里筛选").with(TestUsers.as(users, "county")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("县里筛选计划")))
                .andExpect(content().string(containsString("全部单位")));
        mvc.perform(get("/plans").param("school", String.valueOf(township)).param("q", "县里筛选").with(TestUsers.as(users, "county")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("县里筛选计划"))));
    }
}
