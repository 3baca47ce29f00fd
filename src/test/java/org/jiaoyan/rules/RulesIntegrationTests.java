package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityData;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rules on the demo county: the demo school's rules are on with real green and red cells; a group's activity fulfils
 * that group's week only; edits are versioned; frozen months do not move when a record is deleted later, a logged
 * recomputation does; exemptions; another school's rules are refused; a teacher sees their own row.
 */
@JiaoyanIntegrationTest
class RulesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Rules rules;
    @Autowired Compliance compliance;
    @Autowired Exemptions exemptions;
    @Autowired Activities activities;
    @Autowired OrgDirectory directory;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private long school() {
        return user("jks").institutionId();
    }

    private Rule demoRule(String template) {
        return Access.as(user("jks"), () -> rules.ofInstitution(school())).stream()
                .filter(r -> template.equals(r.templateCode())).findFirst().orElseThrow();
    }

    private long chineseGroup() {
        return directory.groupsLedBy(user("zuzhang").personId()).stream()
                .filter(g -> jdbc.sql("select group_kind from org_unit where id = ?").param(g).query(String.class).single()
                        .equals("TEACHING_RESEARCH")).findFirst().orElseThrow();
    }

    private long researchType() {
        return Access.as(user("jks"), () -> activities.types()).stream().filter(t -> t.name().equals("教研活动")).findFirst()
                .orElseThrow().id();
    }

    private long activity(String title, LocalDateTime at) {
        return Access.as(user("zuzhang"), () -> activities.create(new ActivityData(chineseGroup(), researchType(), title, at,
                at.plusHours(1), "会议室", false, null)));
    }

    /** A Wednesday in a closed teaching week of the current term, n weeks before this one. */
    private static LocalDate weeksAgo(int n) {
        return LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(n).plusDays(2);
    }

    private ComplianceMatrix.Cell cell(long ruleId, long subject, LocalDate day) {
        ComplianceMatrix m = Access.as(user("jks"), () -> compliance.matrix(ruleId, day, day, null));
        return m.rows().stream().filter(r -> r.subject().id() == subject).findFirst().orElseThrow().cells().get(0);
    }

    @Test
    void theDemoSchoolStartsWithItsRulesOnAndAMatrixWithMetAndUnmetCells() {
        List<Rule> list = Access.as(user("jks"), () -> rules.ofInstitution(school()));
        assertThat(list).filteredOn(Rule::enabled).extracting(Rule::templateCode)
                .contains("TR_GROUP_WEEKLY", "PREP_GROUP_WEEKLY", "TEACHER_OBSERVE_MONTHLY", "MENTOR_MUTUAL_WEEKLY");
        Rule weekly = demoRule("TR_GROUP_WEEKLY");
        ComplianceMatrix m = Access.as(user("jks"), () -> compliance.matrix(weekly.id(), LocalDate.now().minusWeeks(8), LocalDate.now(), null));
        assertThat(m.rows()).hasSizeGreaterThan(3);
        assertThat(m.rows().stream().flatMap(r -> r.cells().stream()).filter(c -> c != null).map(ComplianceMatrix.Cell::state))
                .contains(ComplianceState.MET, ComplianceState.NOT_MET);
        // templates whose metric no module publishes are listed with the module they need and cannot be switched on
        assertThat(Access.as(user("jks"), () -> rules.templates(school()))).filteredOn(c -> c.template().code().equals("YOUNG_BLOGS_MONTHLY"))
                .singleElement().satisfies(c -> assertThat(c.available()).isFalse());
    }

    @Test
    void aGroupsActivityFulfilsThatGroupsWeekOnly() {
        Rule weekly = demoRule("TR_GROUP_WEEKLY");
        LocalDate day = weeksAgo(3);
        long other = Access.as(user("jks"), () -> compliance.matrix(weekly.id(), day, day, null)).rows().stream()
                .map(r -> r.subject().id()).filter(id -> id != chineseGroup()).findFirst().orElseThrow();
        long before = cell(weekly.id(), chineseGroup(), day).count();
        long otherBefore = cell(weekly.id(), other, day).count();
        activity("制度测试：单元教学研讨", day.atTime(15, 0));
        assertThat(cell(weekly.id(), chineseGroup(), day).count()).isEqualTo(before + 1);
        assertThat(cell(weekly.id(), chineseGroup(), day).state()).isEqualTo(ComplianceState.MET);
        assertThat(cell(weekly.id(), other, day).count()).isEqualTo(otherBefore);
    }

    @Test
    void aRuleEditIsANewVersionAndEarlierPeriodsKeepTheOldRequirement() {
        long id = Access.as(user("jks"), () -> rules.create(school(), null, "版本测试：每周两次教研", new RuleSpec(
                "activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", PeriodKind.CALENDAR_WEEK, null, null,
                Comparison.AT_LEAST, 1, null, 2, null, null), false));
        LocalDate early = weeksAgo(6);
        activity("版本测试活动", early.atTime(9, 0));
        assertThat(cell(id, chineseGroup(), early).state()).isEqualTo(ComplianceState.MET);
        Rule r = Access.as(user("jks"), () -> rules.get(id));
        LocalDate from = weeksAgo(2).with(DayOfWeek.MONDAY);
        Access.as(user("jks"), () -> {
            rules.update(id, r.version(), r.name(), new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS,
                    "TEACHING_RESEARCH", PeriodKind.CALENDAR_WEEK, null, null, Comparison.AT_LEAST, 5, null, 2, null, null),
                    from, false, "提高要求");
            return null;
        });
        assertThat(Access.as(user("jks"), () -> rules.versions(id))).hasSize(2);
        assertThat(Access.as(user("jks"), () -> rules.at(id, early)).spec().threshold()).isEqualTo(1);
        assertThat(Access.as(user("jks"), () -> rules.at(id, from)).spec().threshold()).isEqualTo(5);
        assertThat(cell(id, chineseGroup(), early).state()).as("judged by the version in force then").isEqualTo(ComplianceState.MET);
        // a stale edit is refused
        assertThatThrownBy(() -> Access.as(user("jks"), () -> {
            rules.update(id, r.version(), "过期的修改", r.spec(), from, false, null);
            return null;
        })).isInstanceOf(org.jiaoyan.shared.StaleEditException.class);
    }

    @Test
    void aFrozenPeriodDoesNotChangeWhenARecordIsDeletedUntilALoggedRecomputation() throws Exception {
        long id = Access.as(user("jks"), () -> rules.create(school(), null, "存档测试", new RuleSpec(
                "activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", PeriodKind.CALENDAR_WEEK, null, null,
                Comparison.AT_LEAST, 1, null, 2, null, null), false));
        Access.as(user("jks"), () -> {
            rules.enable(id, true);
            return null;
        });
        LocalDate day = weeksAgo(5);
        long before = cell(id, chineseGroup(), day).count();
        long act = activity("存档测试活动", day.atTime(10, 0));
        assertThat(exemptions.freezeClosedPeriods(LocalDate.now())).isGreaterThan(0);
        assertThat(cell(id, chineseGroup(), day).count()).isEqualTo(before + 1);
        int version = jdbc.sql("select version from activity where id = ?").param(act).query(Integer.class).single();
        Access.as(user("zuzhang"), () -> {
            activities.delete(act, version);
            return null;
        });
        assertThat(cell(id, chineseGroup(), day).count()).as("the frozen week keeps what it was judged on").isEqualTo(before + 1);
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        assertThatThrownBy(() -> Access.as(user("jks"), () -> exemptions.recompute(id, monday, " ")))
                .isInstanceOf(ValidationException.class);
        int changed = Access.as(user("jks"), () -> exemptions.recompute(id, monday, "活动记录删除后更正"));
        assertThat(cell(id, chineseGroup(), day).count()).isEqualTo(before);
        if (before == 0) {
            assertThat(changed).isEqualTo(1);
        }
        assertThat(Access.as(user("jks"), () -> exemptions.runs(id))).anySatisfy(run -> {
            assertThat(run.kind()).isEqualTo("RECOMPUTE");
            assertThat(run.reason()).isEqualTo("活动记录删除后更正");
            assertThat(run.runBy()).isEqualTo("jks");
        });
        // the same from the rule's page: a reason is required, the run is logged
        mvc.perform(post("/rules/" + id + "/recompute").with(csrf()).with(TestUsers.as(users, "jks"))
                        .param("period", monday.toString()).param("reason", "页面上重新计算"))
                .andExpect(status().is3xxRedirection());
        assertThat(Access.as(user("jks"), () -> exemptions.runs(id))).anySatisfy(run -> assertThat(run.reason()).isEqualTo("页面上重新计算"));
        mvc.perform(post("/rules/" + id + "/recompute").with(csrf()).with(TestUsers.as(users, "teacher"))
                        .param("period", monday.toString()).param("reason", "教师不能重算"))
                .andExpect(status().isForbidden());
        // freezing again does nothing new for the same periods
        assertThat(jdbc.sql("select count(*) from compliance_run where rule_id = ? and period_from = ? and kind = 'FREEZE'")
                .params(id, monday).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void frozenPeriodsStillShowATeacherTheirOwnRowAndALeaderTheirGroup() {
        exemptions.freezeClosedPeriods(LocalDate.now());
        Rule monthly = demoRule("TEACHER_OBSERVE_MONTHLY");
        Rule weekly = demoRule("TR_GROUP_WEEKLY");
        LocalDate lastMonth = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        long teacher = user("teacher").personId();
        ComplianceMatrix frozenMonth = Access.as(user("jks"), () -> compliance.matrix(monthly.id(), lastMonth, lastMonth, null));
        assertThat(frozenMonth.frozen()).containsExactly(true);
        // the teacher's own rows over a frozen month (the API's /me/compliance and the phone page read these)
        var mine = Access.as(user("teacher"), () -> compliance.mineByRule(teacher, lastMonth, lastMonth));
        assertThat(mine.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey().id()).isEqualTo(monthly.id());
            assertThat(e.getValue()).singleElement().satisfies(r -> {
                assertThat(r.subject().id()).isEqualTo(teacher);
                assertThat(r.cells().get(0)).isNotNull();
            });
        });
        // a group leader still sees their group in a frozen week (its leader known although the snapshot keeps a name)
        LocalDate day = weeksAgo(2);
        ComplianceMatrix week = Access.as(user("zuzhang"), () -> compliance.matrix(weekly.id(), day, day, null));
        assertThat(week.frozen()).containsExactly(true);
        assertThat(week.rows()).extracting(r -> r.subject().id()).contains(chineseGroup());
        assertThat(week.rows()).filteredOn(r -> r.subject().id() == chineseGroup())
                .allSatisfy(r -> assertThat(r.subject().leaders()).contains(user("zuzhang").personId()));
    }

    @Test
    void anExemptionShowsAsExemptNeverAsFailing() {
        long id = Access.as(user("jks"), () -> rules.create(school(), null, "豁免测试：每周五次", new RuleSpec(
                "activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", PeriodKind.CALENDAR_WEEK, null, null,
                Comparison.AT_LEAST, 5, null, 2, null, null), false));
        LocalDate day = weeksAgo(4);
        assertThat(cell(id, chineseGroup(), day).state()).isEqualTo(ComplianceState.NOT_MET);
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        assertThatThrownBy(() -> Access.as(user("jks"), () -> exemptions.add(id, chineseGroup(), monday, monday.plusDays(6), "")))
                .isInstanceOf(ValidationException.class);
        Access.as(user("jks"), () -> exemptions.add(id, chineseGroup(), monday, monday.plusDays(6), "期中考试周"));
        assertThat(cell(id, chineseGroup(), day).state()).isEqualTo(ComplianceState.EXEMPT);
        assertThat(Access.as(user("jks"), () -> exemptions.of(id))).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("期中考试周"));
        // a teacher cannot record exemptions
        assertThatThrownBy(() -> Access.as(user("teacher"), () -> exemptions.add(id, null, monday, monday, "我想豁免")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aRuleOnAnUnpublishedMetricCannotBeSwitchedOnAndBadInputIsRejectedAtTheField() {
        long id = Access.as(user("jks"), () -> rules.create(school(), "YOUNG_BLOGS_MONTHLY", "博客测试",
                RuleTemplate.byCode("YOUNG_BLOGS_MONTHLY").orElseThrow().spec(), false));
        assertThatThrownBy(() -> Access.as(user("jks"), () -> {
            rules.enable(id, true);
            return null;
        })).isInstanceOf(ValidationException.class).hasMessage("rule.metric.unpublished");
        assertThatThrownBy(() -> Access.as(user("jks"), () -> rules.create(school(), null, " ", new RuleSpec(
                "activity.group-sessions", SubjectFilter.ALL_TEACHERS, null, PeriodKind.MONTH, null, null,
                Comparison.BETWEEN, 3, 1, 2, null, null), false)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(p -> p.field())
                        .contains("name", "filter", "thresholdHigh"));
    }

    @Test
    void anotherSchoolsRulesAndMatricesAreRefused() throws Exception {
        Rule weekly = demoRule("TR_GROUP_WEEKLY");
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> rules.get(weekly.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> compliance.matrix(weekly.id(), LocalDate.now(), LocalDate.now(), null)))
                .isInstanceOf(NotFoundException.class);
        long township = user("teacher2").personId();
        long townshipSchool = directory.institutionOfPerson(township).orElseThrow();
        assertThatThrownBy(() -> Access.as(user("jks"), () -> rules.create(townshipSchool, null, "越权", weekly.spec(), false)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Access.as(user("jks"), () -> rules.ofInstitution(townshipSchool))).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/rules/" + weekly.id() + "/matrix").with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/rules/" + weekly.id() + "/cell").param("subject", String.valueOf(chineseGroup()))
                .param("period", LocalDate.now().toString()).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(post("/rules/" + weekly.id() + "/enable").param("on", "false").with(csrf()).with(TestUsers.as(users, "teacher2")))
                .andExpect(status().isNotFound());
        assertThat(Access.as(user("jks"), () -> rules.get(weekly.id())).enabled()).isTrue();
    }

    @Test
    void aTeacherSeesTheirOwnRowAndWhatIsStillMissing() throws Exception {
        Rule monthly = demoRule("TEACHER_OBSERVE_MONTHLY");
        ComplianceMatrix mine = Access.as(user("teacher"), () -> compliance.matrix(monthly.id(), LocalDate.now(), LocalDate.now(), null));
        assertThat(mine.rows()).singleElement().satisfies(r -> assertThat(r.subject().id()).isEqualTo(user("teacher").personId()));
        List<Compliance.Outstanding> todo = Access.as(user("teacher"), () -> compliance.outstanding(user("teacher").personId(), LocalDate.now()));
        assertThat(todo).anySatisfy(o -> assertThat(o.rule().id()).isEqualTo(monthly.id()));
        assertThatThrownBy(() -> Access.as(user("teacher"), () -> compliance.outstanding(user("jks").personId(), LocalDate.now())))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/").with(TestUsers.as(users, "teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("我的制度完成情况")));
        mvc.perform(get("/rules/" + monthly.id() + "/matrix").with(TestUsers.as(users, "teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("只显示与你有关的行")));
    }

    @Test
    void thePagesShowTemplatesSentenceMatrixAndKeepInputOnErrors() throws Exception {
        mvc.perform(get("/rules").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("教研组每周教研活动")))
                // the research module publishes research.monthly-material: its template is offered, not "needs a module"
                .andExpect(content().string(containsString("课题组每月第一周上报过程资料")))
                .andExpect(content().string(not(containsString("需要课题研究模块"))));
        Rule weekly = demoRule("TR_GROUP_WEEKLY");
        mvc.perform(get("/rules/" + weekly.id()).with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("每个教研组每个教学周至少 1 次教研活动")));
        mvc.perform(get("/rules/" + weekly.id() + "/matrix").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("state-NOT_MET")))
                .andExpect(content().string(not(containsString("只显示与你有关的行"))));
        mvc.perform(get("/rules/" + weekly.id() + "/matrix.xlsx").with(TestUsers.as(users, "jks"))).andExpect(status().isOk());
        mvc.perform(post("/rules").with(csrf()).with(TestUsers.as(users, "jks")).param("school", String.valueOf(school()))
                        .param("name", "保留输入测试").param("metricId", "observation.by-observer").param("filter", "ALL_TEACHERS")
                        .param("periodKind", "MONTH").param("comparison", "AT_LEAST").param("threshold", "5000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("数量应在 0 到 1000 之间")))
                .andExpect(content().string(containsString("value=\"保留输入测试\"")));
    }
}
