package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.People;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.research.ProjectWork.Upload;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 过程管理 of a project: the monthly material's first-week deadline and its metric, papers per term, the office's
 * inspections with late follow-ups, the weekly plan's stale edits, and who may do what (members read, the lead and
 * the office write, only the office inspects, another school's teacher gets 404 everywhere). People 20–39 of jks's
 * school.
 */
@JiaoyanIntegrationTest
class ProjectWorkIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired ProjectWork work;
    @Autowired Metrics metrics;
    @Autowired Terms terms;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired People people;

    ResearchFixtures fx() {
        return new ResearchFixtures(users, projects, stages, jdbc, people);
    }

    static Upload text(String name) {
        return new Upload(name, new ByteArrayInputStream(("过程资料：" + name).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void materialFiledByTheEndOfTheFirstTeachingWeekIsOnTimeAndCountsForTheGroupRule() throws Exception {
        ResearchFixtures fx = fx();
        CurrentUser jks = fx.user("jks");
        long id = fx.approved("过程资料按时上报研究", fx.teachers(20, 3));
        Project p = Access.as(jks, () -> projects.get(id));
        assertThat(p.groupId()).isNotNull();
        YearMonth month = YearMonth.now().minusMonths(1);
        MaterialCalendar cal = MaterialCalendar.of(terms.all(), month, month);
        DateSpan first = cal.firstWeek(month);
        org.junit.jupiter.api.Assumptions.assumeTrue(first != null, "last month had no school day");

        long onTime = Access.as(jks, () -> work.fileMaterial(id, month.atDay(1), "上月研究过程资料", "课堂观察记录",
                first.to(), List.of(text("观察记录.txt"), text("教案.txt"))));
        long late = Access.as(jks, () -> work.fileMaterial(id, month.atDay(1), "补交的资料", null,
                first.to().plusDays(1), List.of(text("补交.txt"))));

        List<ProjectWork.Material> filed = Access.as(jks, () -> work.materials(id));
        assertThat(filed).extracting(ProjectWork.Material::title, ProjectWork.Material::onTime)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("上月研究过程资料", true),
                        org.assertj.core.groups.Tuple.tuple("补交的资料", false));
        assertThat(filed.get(0).files()).extracting(f -> f.fileName()).containsExactly("观察记录.txt", "教案.txt");
        // both files in the archive box under 研究过程材料
        assertThat(jdbc.sql("select count(*) from research_box_item where project_id = ? and category_code = 'PROCESS'"
                + " and source_type = 'MATERIAL' and deleted_at is null").param(id).query(Long.class).single()).isEqualTo(3);

        // the rule PROJECT_MATERIAL_FIRST_WEEK counts the filing in the first week, not the late one
        long group = p.groupId();
        assertThat(metrics.count("research.monthly-material", first.from(), first.to(), List.of(group))).containsEntry(group, 1L);
        assertThat(metrics.countPerPeriod("research.monthly-material",
                List.of(first, new DateSpan(first.to().plusDays(1), first.to().plusDays(7))), List.of(group)).get(group))
                .containsExactly(1L, 1L);
        assertThat(metrics.evidence("research.monthly-material", first, group)).hasValueSatisfying(list -> assertThat(list)
                .singleElement().satisfies(e -> {
                    assertThat(e.title()).contains("上月研究过程资料");
                    assertThat(e.link()).isEqualTo("/projects/" + id + "/work");
                }));

        // the page: the month shows 按时上报, the late filing is marked, files download after the project check
        long attachment = filed.get(0).files().get(0).id();
        mvc.perform(get("/projects/" + id + "/work").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("上月研究过程资料")))
                .andExpect(content().string(containsString("按时上报")))
                .andExpect(content().string(containsString("迟报")));
        byte[] body = mvc.perform(get("/projects/" + id + "/work/files/" + attachment).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("过程资料：观察记录.txt");
        mvc.perform(get("/projects/" + id + "/work/files/" + attachment).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isNotFound());

        // deleting takes the filing out of the count and its files out of the box
        Access.as(jks, () -> {
            work.deleteMaterial(id, onTime);
            return null;
        });
        assertThat(metrics.count("research.monthly-material", first.from(), first.to(), List.of(group))).containsEntry(group, 0L);
        assertThat(jdbc.sql("select count(*) from research_box_item where project_id = ? and source_id = ? and deleted_at is null")
                .params(id, onTime).query(Long.class).single()).isZero();
        assertThat(late).isPositive();
    }

    @Test
    void onlyTheOfficeGivesAFilingDateAndAFileIsRequired() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(23, 2);
        long id = fx.approved("补录日期权限研究", people);
        CurrentUser lead = ResearchFixtures.person(people.get(0), fx.user("jks").institutionId());
        YearMonth month = YearMonth.now();
        assertThatThrownBy(() -> Access.as(lead, () -> work.fileMaterial(id, month.atDay(1), "资料", null,
                LocalDate.now().minusDays(3), List.of(text("a.txt")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.messageKey()).isEqualTo("researchwork.material.filedOnOffice")));
        assertThatThrownBy(() -> Access.as(lead, () -> work.fileMaterial(id, month.atDay(1), "资料", null, null, List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.messageKey()).isEqualTo("researchwork.material.noFile")));
        // through the page: the refusal is shown and what was typed stays
        mvc.perform(multipart("/projects/" + id + "/work/materials").with(user(lead)).with(csrf())
                        .param("month", month.toString()).param("title", "本月课堂观察汇总"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择至少一个文件")))
                .andExpect(content().string(containsString("value=\"本月课堂观察汇总\"")));
        // the lead files today
        long mine = Access.as(lead, () -> work.fileMaterial(id, month.atDay(1), "本月资料", null, null, List.of(text("b.txt"))));
        assertThat(Access.as(lead, () -> work.materials(id))).extracting(ProjectWork.Material::id, ProjectWork.Material::filedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(mine, LocalDate.now()));
    }

    @Test
    void aStaleWeeklyPlanEditIsRefusedWithAMessageAndTheTypedTextKept() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(25, 2);
        long id = fx.approved("周计划并发编辑研究", people);
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        mvc.perform(post("/projects/" + id + "/work/weeks").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("weekStart", monday.toString()).param("content", "阅读文献，确定观察量表")
                        .param("personId", people.get(1).toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/projects/" + id + "/work#weeks"));
        // two people opened version 0; the first saves, the second is refused
        mvc.perform(post("/projects/" + id + "/work/weeks").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("weekStart", monday.toString()).param("content", "第一次修改").param("version", "0").param("done", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/projects/" + id + "/work/weeks").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("weekStart", monday.toString()).param("content", "第二个人的修改").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此记录已被他人修改，请刷新后重试")))
                .andExpect(content().string(containsString("第二个人的修改")));
        assertThat(Access.as(fx.user("jks"), () -> work.week(id, monday))).hasValueSatisfying(w -> {
            assertThat(w.content()).isEqualTo("第一次修改");
            assertThat(w.done()).isTrue();
            assertThat(w.version()).isEqualTo(1);
        });
        // a day that is not a Monday, and empty content, are refused at their fields
        mvc.perform(post("/projects/" + id + "/work/weeks").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("weekStart", monday.plusDays(1).toString()).param("content", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择一周的周一")))
                .andExpect(content().string(containsString("必填")));
    }

    @Test
    void membersReadTheLeadAndOfficeWriteOnlyTheOfficeInspectsAndAnotherSchoolGets404() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(27, 3);
        long id = fx.approved("权限边界研究", people);
        long school = fx.user("jks").institutionId();
        var member = user(ResearchFixtures.person(people.get(1), school));
        var lead = user(ResearchFixtures.person(people.get(0), school));

        mvc.perform(get("/projects/" + id + "/work").with(member)).andExpect(status().isOk())
                .andExpect(content().string(containsString("周研究计划")))
                .andExpect(content().string(not(containsString("id=\"week-form\""))))
                .andExpect(content().string(containsString("id=\"paper-form\"")))
                .andExpect(content().string(not(containsString("id=\"inspection-form\""))));
        mvc.perform(post("/projects/" + id + "/work/weeks").with(member).with(csrf())
                .param("weekStart", "2026-09-07").param("content", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/projects/" + id + "/work/studies").with(member).with(csrf())
                .param("studiedOn", LocalDate.now().toString()).param("topic", "x")).andExpect(status().isForbidden());
        // the lead writes but does not inspect; the office inspects
        mvc.perform(get("/projects/" + id + "/work").with(lead)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"week-form\"")))
                .andExpect(content().string(not(containsString("id=\"inspection-form\""))));
        mvc.perform(post("/projects/" + id + "/work/inspections").with(lead).with(csrf())
                .param("inspectedOn", LocalDate.now().toString()).param("findings", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/projects/" + id + "/work/studies").with(lead).with(csrf())
                        .param("studiedOn", LocalDate.now().toString()).param("topic", "《课堂观察》第三章")
                        .param("attendees", "全体成员"))
                .andExpect(status().is3xxRedirection());
        long study = Access.as(fx.user("jks"), () -> work.studies(id)).get(0).id();

        // another school's teacher: 404 on every URL with these ids
        var other = TestUsers.as(users, "teacher2");
        mvc.perform(get("/projects/" + id + "/work").with(other)).andExpect(status().isNotFound());
        mvc.perform(post("/projects/" + id + "/work/weeks").with(other).with(csrf())
                .param("weekStart", "2026-09-07").param("content", "x")).andExpect(status().isNotFound());
        mvc.perform(multipart("/projects/" + id + "/work/materials").file(new MockMultipartFile("files", "a.txt", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8))).with(other).with(csrf()).param("month", "2026-10").param("title", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/projects/" + id + "/work/studies/" + study + "/delete").with(other).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/projects/" + id + "/work/inspections").with(other).with(csrf())
                .param("inspectedOn", LocalDate.now().toString()).param("findings", "x")).andExpect(status().isNotFound());
        mvc.perform(multipart("/projects/" + id + "/work/papers").with(other).with(csrf()).param("title", "x"))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> Access.as(fx.user("teacher2"), () -> work.studies(id))).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(fx.user("jks"), () -> work.studies(id))).hasSize(1);
    }

    @Test
    void aMemberFilesTheirOwnPaperForATermAndItCountsInThatTerm() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(30, 3);
        long id = fx.approved("成员论文研究", people);
        long school = fx.user("jks").institutionId();
        CurrentUser member = ResearchFixtures.person(people.get(1), school);
        SchoolTerm term = terms.current().orElseThrow();
        LocalDate written = LocalDate.now().isAfter(term.endDate()) || LocalDate.now().isBefore(term.startDate())
                ? term.startDate() : LocalDate.now();

        // outside the term: refused at the date
        assertThatThrownBy(() -> Access.as(member, () -> work.addPaper(id, null, term.id(), "小学语文课堂观察的实践",
                term.startDate().minusDays(1), "《教育研究》", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.field()).isEqualTo("writtenOn")));
        // someone else's paper: refused for a member
        assertThatThrownBy(() -> Access.as(member, () -> work.addPaper(id, people.get(2), term.id(), "别人的论文", written, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(pr -> assertThat(pr.messageKey()).isEqualTo("researchwork.paper.ownOnly")));
        mvc.perform(multipart("/projects/" + id + "/work/papers")
                        .file(new MockMultipartFile("file", "论文.txt", "text/plain", "论文正文".getBytes(StandardCharsets.UTF_8)))
                        .with(user(member)).with(csrf()).param("termId", String.valueOf(term.id()))
                        .param("title", "小学语文课堂观察的实践").param("writtenOn", written.toString()).param("publishedIn", "县论文评比一等奖"))
                .andExpect(status().is3xxRedirection());
        // the lead files for another member
        Access.as(fx.user("jks"), () -> work.addPaper(id, people.get(2), term.id(), "课堂观察量表的设计", written, null, null));

        List<ProjectWork.Paper> papers = Access.as(member, () -> work.papers(id));
        assertThat(papers).extracting(ProjectWork.Paper::title).containsExactlyInAnyOrder("小学语文课堂观察的实践", "课堂观察量表的设计");
        assertThat(papers).allSatisfy(x -> assertThat(x.termLabel()).isEqualTo(term.label()));
        assertThat(papers).filteredOn(x -> x.personId() == people.get(1)).singleElement()
                .satisfies(x -> assertThat(x.file()).isNotNull());
        assertThat(jdbc.sql("select count(*) from research_box_item where project_id = ? and category_code = 'TEACHER' and deleted_at is null")
                .param(id).query(Long.class).single()).isEqualTo(1);

        // the rule PROJECT_PAPER_TERM: one paper each in the term, none in the term before
        DateSpan span = new DateSpan(term.startDate(), term.endDate());
        assertThat(metrics.count("research.member-papers", span.from(), span.to(), people))
                .containsEntry(people.get(1), 1L).containsEntry(people.get(2), 1L).containsEntry(people.get(0), 0L);
        assertThat(metrics.count("research.member-papers", span.from().minusYears(1), span.from().minusDays(1), people).values()).containsOnly(0L);
        // tasks by due date (the fixture gives each member one due in a month)
        LocalDate due = LocalDate.now().plusMonths(1);
        assertThat(metrics.count("research.member-tasks", due, due, people)).containsEntry(people.get(0), 1L)
                .containsEntry(people.get(2), 1L);
        mvc.perform(get("/projects/" + id + "/work").with(user(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("县论文评比一等奖")));
    }

    @Test
    void anInspectionFollowUpPastItsDueDateAndUnresolvedShowsAsLate() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(33, 2);
        long id = fx.approved("阶段检查整改研究", people);
        CurrentUser jks = fx.user("jks");
        LocalDate today = LocalDate.now();
        long inspection = Access.as(jks, () -> work.inspect(id, today.minusDays(10), "研究记录不完整",
                "补齐九月份的课堂观察记录", today.minusDays(1)));
        assertThatThrownBy(() -> Access.as(jks, () -> work.inspect(id, today, "x", "整改", null)))
                .isInstanceOf(ValidationException.class);
        ProjectWork.Inspection x = Access.as(jks, () -> work.inspections(id)).get(0);
        assertThat(x.late(today)).isTrue();
        assertThat(x.late(today.minusDays(1))).isFalse();
        mvc.perform(get("/projects/" + id + "/work").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("补齐九月份的课堂观察记录")))
                .andExpect(content().string(containsString("整改逾期")));
        // resolving: a stale version is refused, the current one records it
        mvc.perform(post("/projects/" + id + "/work/inspections/" + inspection + "/resolve").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", "7").param("resolvedOn", today.toString()).param("resolution", "已补齐"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("此记录已被他人修改")));
        mvc.perform(post("/projects/" + id + "/work/inspections/" + inspection + "/resolve").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", "0").param("resolvedOn", today.toString()).param("resolution", "已补齐观察记录"))
                .andExpect(status().is3xxRedirection());
        ProjectWork.Inspection resolved = Access.as(jks, () -> work.inspections(id)).get(0);
        assertThat(resolved.late(today)).isFalse();
        mvc.perform(get("/projects/" + id + "/work").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已整改")))
                .andExpect(content().string(not(containsString("整改逾期"))));
        assertThatThrownBy(() -> Access.as(fx.user("teacher2"), () -> work.inspections(id))).isInstanceOf(NotFoundException.class);
        CurrentUser lead = ResearchFixtures.person(people.get(0), jks.institutionId());
        assertThatThrownBy(() -> Access.as(lead, () -> {
            work.deleteInspection(id, inspection);
            return null;
        })).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aLineOfTheWeeklyPlanIsDeletedByTheLeadAndTheWeekShowsAsNotPlanned() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(36, 3);
        long id = fx.approved("周计划删除研究", people);
        long school = fx.user("jks").institutionId();
        var lead = user(ResearchFixtures.person(people.get(0), school));
        var member = user(ResearchFixtures.person(people.get(1), school));
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        mvc.perform(post("/projects/" + id + "/work/weeks").with(lead).with(csrf())
                        .param("weekStart", monday.toString()).param("content", "整理学生阅读任务单，分析完成情况"))
                .andExpect(status().is3xxRedirection());
        long plan = Access.as(fx.user("jks"), () -> work.week(id, monday)).orElseThrow().id();
        String deleteUrl = "/projects/" + id + "/work/weeks/" + plan + "/delete";

        // the line offers 删除 with a confirm naming the week
        mvc.perform(get("/projects/" + id + "/work").with(lead)).andExpect(status().isOk())
                .andExpect(content().string(containsString("整理学生阅读任务单，分析完成情况")))
                .andExpect(content().string(containsString("action=\"" + deleteUrl + "\"")))
                .andExpect(content().string(containsString("确定删除 " + org.jiaoyan.shared.ChineseDates.date(monday) + " 这一周的研究计划吗？")));
        // a member reads but does not delete; another school's teacher gets 404; another project's id as well
        mvc.perform(get("/projects/" + id + "/work").with(member))
                .andExpect(content().string(not(containsString(deleteUrl))));
        mvc.perform(post(deleteUrl).with(member).with(csrf()).param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(post(deleteUrl).with(TestUsers.as(users, "teacher2")).with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
        long otherProject = fx.approved("周计划删除研究（另一课题）", fx.teachers(37, 2));
        mvc.perform(post("/projects/" + otherProject + "/work/weeks/" + plan + "/delete").with(TestUsers.as(users, "jks"))
                .with(csrf()).param("version", "0")).andExpect(status().isNotFound());
        // a stale version is refused with the reason
        mvc.perform(post(deleteUrl).with(lead).with(csrf()).param("version", "5"))
                .andExpect(flash().attribute("flashError", "error.staleEdit"));

        mvc.perform(post(deleteUrl).with(lead).with(csrf()).param("version", "0"))
                .andExpect(redirectedUrl("/projects/" + id + "/work#weeks"))
                .andExpect(flash().attribute("flashSuccess", "researchwork.week.deleted"));
        mvc.perform(get("/projects/" + id + "/work").with(lead)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("整理学生阅读任务单，分析完成情况"))))
                .andExpect(content().string(containsString("未安排")));
        assertThat(Access.as(fx.user("jks"), () -> work.week(id, monday))).isEmpty();
        assertThat(jdbc.sql("select deleted_at is not null from research_week_plan where id = ?").param(plan)
                .query(Boolean.class).single()).as("kept in the table, marked deleted").isTrue();
        mvc.perform(post(deleteUrl).with(lead).with(csrf()).param("version", "1")).andExpect(status().isNotFound());

        // planning the week again works as for a new week
        mvc.perform(post("/projects/" + id + "/work/weeks").with(lead).with(csrf())
                        .param("weekStart", monday.toString()).param("content", "重新安排：课例研讨"))
                .andExpect(status().is3xxRedirection());
        assertThat(Access.as(fx.user("jks"), () -> work.week(id, monday))).hasValueSatisfying(w -> {
            assertThat(w.content()).isEqualTo("重新安排：课例研讨");
            assertThat(w.done()).isFalse();
        });
    }

    @Test
    void theNewActivityLinkPreselectsTheProjectsGroup() throws Exception {
        ResearchFixtures fx = fx();
        List<Long> people = fx.teachers(38, 2);
        long id = fx.approved("课题组活动入口研究", people);
        long group = Access.as(fx.user("jks"), () -> projects.get(id)).groupId();
        var lead = user(ResearchFixtures.person(people.get(0), fx.user("jks").institutionId()));
        String link = "/activities/new?unitId=" + group;
        mvc.perform(get("/projects/" + id + "/work").with(lead)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + link + "\"")));
        // the lead leads the 课题组 and the office manages the school: either finds it chosen in the form
        mvc.perform(get(link).with(lead)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + group + "\" selected=\"selected\"")));
        mvc.perform(get(link).with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + group + "\" selected=\"selected\"")));
        // another school's office may not organise for it: the parameter is ignored and the group not offered
        mvc.perform(get(link).with(TestUsers.as(users, "teacher2"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("value=\"" + group + "\""))));
    }
}
