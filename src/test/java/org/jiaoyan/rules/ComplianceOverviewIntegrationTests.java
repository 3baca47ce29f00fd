package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.account.RoleGrant;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityData;
import org.jiaoyan.observation.LessonType;
import org.jiaoyan.observation.ObservationData;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.rules.ComplianceOverview.Level;
import org.jiaoyan.rules.ComplianceOverview.Overview;
import org.jiaoyan.rules.ComplianceOverview.RuleRow;
import org.jiaoyan.rules.ComplianceOverview.Share;
import org.jiaoyan.rules.ComplianceOverview.TrendPoint;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The school overview (rules × 教研组, share met in a month) and the trend per rule, on records made for the test in a
 * month long before the demo's (three years ago), so that the shares are known exactly: 未到期 and 豁免 cells are left
 * out, a 教研组长 sees only their groups, a teacher and other schools are refused.
 */
@JiaoyanIntegrationTest
class ComplianceOverviewIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Rules rules;
    @Autowired Compliance compliance;
    @Autowired ComplianceOverview overview;
    @Autowired Exemptions exemptions;
    @Autowired Activities activities;
    @Autowired Observations observations;
    @Autowired OrgDirectory orgDirectory;
    @Autowired SubjectDirectory directory;
    @Autowired OrgUnits units;
    @Autowired UserAccounts accounts;

    /** A month with no demo records. */
    private static final YearMonth LONG_AGO = YearMonth.now().minusYears(3);

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private long school() {
        return user("jks").institutionId();
    }

    private long townshipSchool() {
        return orgDirectory.institutionOfPerson(user("teacher2").personId()).orElseThrow();
    }

    private List<Long> teachingGroups() {
        return directory.units(List.of(school()), UnitType.GROUP, GroupKind.TEACHING_RESEARCH).stream()
                .map(SubjectDirectory.Unit::id).toList();
    }

    private long chineseGroup() {
        long zuzhang = user("zuzhang").personId();
        return directory.units(List.of(school()), UnitType.GROUP, GroupKind.TEACHING_RESEARCH).stream()
                .filter(u -> u.leaderId() != null && u.leaderId() == zuzhang).findFirst().orElseThrow().id();
    }

    private long otherGroup() {
        return teachingGroups().stream().filter(id -> id != chineseGroup()).findFirst().orElseThrow();
    }

    private long rule(String name, RuleSpec spec) {
        long id = Access.as(user("jks"), () -> rules.create(school(), null, name, spec, false));
        Access.as(user("jks"), () -> {
            rules.enable(id, true);
            return null;
        });
        return id;
    }

    private static RuleSpec spec(String metric, SubjectFilter filter, String value, PeriodKind period, Comparison c, int n) {
        return new RuleSpec(metric, filter, value, period, null, null, c, n, null, 2, null, null);
    }

    private void activity(long group, String title, LocalDateTime at) {
        long type = Access.as(user("jks"), () -> activities.types()).stream().filter(t -> t.name().equals("教研活动"))
                .findFirst().orElseThrow().id();
        Access.as(user("jks"), () -> activities.create(new ActivityData(group, type, title, at, at.plusHours(1), "会议室", false, null)));
    }

    private void exempt(long ruleId, long subject, LocalDate from, LocalDate to) {
        Access.as(user("jks"), () -> exemptions.add(ruleId, subject, from, to, "考试周"));
    }

    private Overview overviewAs(String username, YearMonth month) {
        return Access.as(user(username), () -> overview.overview(school(), month, LocalDate.now()));
    }

    private static RuleRow row(Overview o, long ruleId) {
        return o.rows().stream().filter(r -> r.rule().id() == ruleId).findFirst().orElseThrow();
    }

    private static Share cell(Overview o, RuleRow r, long groupId) {
        for (int i = 0; i < o.columns().size(); i++) {
            if (o.columns().get(i).id() == groupId) {
                return r.cells().get(i);
            }
        }
        throw new AssertionError("no column " + groupId);
    }

    /** The working people of each 教研组 (members and leader). */
    private Map<Long, Set<Long>> peopleOfGroups() {
        Set<Long> working = new HashSet<>();
        directory.staff(List.of(school())).forEach(s -> working.add(s.id()));
        Map<Long, List<Long>> members = directory.members(teachingGroups());
        Map<Long, Set<Long>> out = new java.util.HashMap<>();
        for (SubjectDirectory.Unit u : directory.units(List.of(school()), UnitType.GROUP, GroupKind.TEACHING_RESEARCH)) {
            Set<Long> people = new HashSet<>(members.getOrDefault(u.id(), List.of()));
            if (u.leaderId() != null) {
                people.add(u.leaderId());
            }
            people.retainAll(working);
            out.put(u.id(), people);
        }
        return out;
    }

    @Test
    void aGroupRuleCountsEachGroupsOwnCellsAndLeavesExemptCellsOut() {
        long id = rule("总览测试：教研组每月活动", spec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH",
                PeriodKind.MONTH, Comparison.AT_LEAST, 1));
        activity(chineseGroup(), "总览测试：单元整体教学研讨", LONG_AGO.atDay(15).atTime(15, 0));
        exempt(id, otherGroup(), LONG_AGO.atDay(1), LONG_AGO.atEndOfMonth());

        Overview o = overviewAs("jks", LONG_AGO);
        assertThat(o.wholeSchool()).isTrue();
        assertThat(o.columns()).extracting(ComplianceOverview.Column::id).containsExactlyElementsOf(teachingGroups());
        RuleRow r = row(o, id);
        assertThat(cell(o, r, chineseGroup())).isEqualTo(new Share(1, 1, 0, 0));
        assertThat(cell(o, r, chineseGroup()).level()).isEqualTo(Level.MET);
        assertThat(cell(o, r, chineseGroup()).percent()).isEqualTo(100);
        assertThat(cell(o, r, otherGroup())).as("exempt: left out, not failing").isEqualTo(new Share(0, 0, 0, 1));
        assertThat(cell(o, r, otherGroup()).level()).isEqualTo(Level.NONE);
        long groups = teachingGroups().size();
        teachingGroups().stream().filter(g -> g != chineseGroup() && g != otherGroup())
                .forEach(g -> assertThat(cell(o, r, g)).isEqualTo(new Share(0, 1, 0, 0)));
        assertThat(r.total()).isEqualTo(new Share(1, groups - 1, 0, 1));
        assertThat(r.total().level()).isEqualTo(Level.PARTIAL);
        assertThat(r.total().percent()).isEqualTo((int) Math.round(100.0 / (groups - 1)));
    }

    @Test
    void aTeacherRuleCountsTheMembersOfEachGroup() {
        long id = rule("总览测试：教师每月听课", spec("observation.by-observer", SubjectFilter.ALL_TEACHERS, null,
                PeriodKind.MONTH, Comparison.AT_LEAST, 1));
        long zuzhang = user("zuzhang").personId();
        Map<Long, Set<Long>> people = peopleOfGroups();
        long observed = people.get(chineseGroup()).stream().filter(p -> p != zuzhang).findFirst().orElseThrow();
        Access.as(user("zuzhang"), () -> observations.create(new ObservationData(observed, LONG_AGO.atDay(10), "三年级2班",
                null, "《总览测试》", LessonType.REGULAR, null, Map.of(), Map.of(), null, null, null, null)));

        Overview o = overviewAs("jks", LONG_AGO);
        RuleRow r = row(o, id);
        people.forEach((group, members) -> {
            long met = members.contains(zuzhang) ? 1 : 0;
            Share s = cell(o, r, group);
            if (members.isEmpty()) {
                assertThat(s).isNull();
            } else {
                assertThat(s).as("group " + group).isEqualTo(new Share(met, members.size(), 0, 0));
            }
        });
        // the school's total counts every teacher once, also those in no group
        int staff = directory.staff(List.of(school())).size();
        assertThat(r.total()).isEqualTo(new Share(1, staff, 0, 0));
    }

    @Test
    void cellsNotYetDueAreLeftOutOfTheShare() {
        long id = rule("总览测试：本月尚未到期", spec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH",
                PeriodKind.MONTH, Comparison.AT_LEAST, 900));
        Overview o = overviewAs("jks", YearMonth.now());
        RuleRow r = row(o, id);
        assertThat(cell(o, r, chineseGroup())).isEqualTo(new Share(0, 0, 1, 0));
        assertThat(cell(o, r, chineseGroup()).level()).isEqualTo(Level.NOT_DUE);
        assertThat(r.total().judged()).isZero();
        assertThat(r.total().notDue()).isEqualTo(teachingGroups().size());
    }

    @Test
    void aRuleOnTheWholeSchoolHasOneWholeSchoolCellThatGroupLeadersDoNotSee() {
        long id = rule("总览测试：全校每月活动", spec("activity.school-activities", SubjectFilter.INSTITUTION, null,
                PeriodKind.MONTH, Comparison.AT_LEAST, 1));
        activity(otherGroup(), "总览测试：全校活动", LONG_AGO.atDay(8).atTime(15, 0));
        Overview o = overviewAs("jks", LONG_AGO);
        RuleRow r = row(o, id);
        assertThat(r.wholeInstitution()).isTrue();
        assertThat(r.cells()).containsOnlyNulls();
        assertThat(r.total()).isEqualTo(new Share(1, 1, 0, 0));
        assertThat(overviewAs("zuzhang", LONG_AGO).rows()).noneMatch(x -> x.rule().id() == id);
    }

    @Test
    void aGroupLeaderSeesOnlyTheGroupsTheyLead() throws Exception {
        long id = rule("总览测试：组长视角", spec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH",
                PeriodKind.MONTH, Comparison.AT_LEAST, 1));
        activity(chineseGroup(), "总览测试：组长视角活动", LONG_AGO.atDay(20).atTime(15, 0));
        Overview o = overviewAs("zuzhang", LONG_AGO);
        assertThat(o.wholeSchool()).isFalse();
        assertThat(o.columns()).extracting(ComplianceOverview.Column::id).containsExactly(chineseGroup());
        RuleRow r = row(o, id);
        assertThat(r.cells()).containsExactly(new Share(1, 1, 0, 0));
        assertThat(r.total()).as("the total counts the groups shown only").isEqualTo(new Share(1, 1, 0, 0));
        mvc.perform(get("/rules/overview").param("month", LONG_AGO.toString()).with(TestUsers.as(users, "zuzhang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只显示你负责的教研组")))
                .andExpect(content().string(containsString("总览测试：组长视角")));
        // not another school's, even by its id
        mvc.perform(get("/rules/overview").param("schoolId", String.valueOf(townshipSchool())).with(TestUsers.as(users, "zuzhang")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTeacherIsRefused() throws Exception {
        assertThatThrownBy(() -> overviewAs("teacher", YearMonth.now())).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/rules/overview").with(TestUsers.as(users, "teacher"))).andExpect(status().isNotFound());
        mvc.perform(get("/rules").with(TestUsers.as(users, "teacher"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"open-overview\""))));
    }

    @Test
    void anotherSchoolsOverviewIsRefused() throws Exception {
        mvc.perform(get("/rules/overview").param("schoolId", String.valueOf(townshipSchool())).with(TestUsers.as(users, "jks")))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> Access.as(user("principal"), () -> overview.overview(townshipSchool(), YearMonth.now(), LocalDate.now())))
                .isInstanceOf(NotFoundException.class);
        // the county's researcher picks a school of the county; one of another county is refused
        mvc.perform(get("/rules/overview").param("schoolId", String.valueOf(school())).with(TestUsers.as(users, "county")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("教研组每周教研活动")));
        mvc.perform(get("/rules/overview").with(TestUsers.as(users, "county"))).andExpect(status().isOk());
        Access.asSystem((Runnable) () -> {
            long region = units.create(new UnitData(UnitType.REGION, null, Sector.EDUCATION, null, null, "邻县", null, null,
                    null, null, 9));
            accounts.create("county-neighbour", TestUsers.DEMO_PASSWORD, null, "邻县教研员",
                    List.of(new RoleGrant(Role.COUNTY_RESEARCHER, region)));
        });
        mvc.perform(get("/rules/overview").param("schoolId", String.valueOf(school())).with(TestUsers.as(users, "county-neighbour")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTrendGivesTheShareMetPerPeriodOfTheTerm() throws Exception {
        long chinese = chineseGroup();
        long other = otherGroup();
        long id = rule("总览测试：趋势", new RuleSpec("activity.group-sessions", SubjectFilter.LIST_UNITS, chinese + "," + other,
                PeriodKind.CALENDAR_WEEK, null, null, Comparison.AT_MOST, 3, null, 2, null, null));
        LocalDate thisMonday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate exemptWeek = thisMonday.minusWeeks(3);
        LocalDate busyWeek = thisMonday.minusWeeks(2);
        exempt(id, other, exemptWeek, exemptWeek.plusDays(6));
        for (int i = 0; i < 4; i++) {
            activity(chinese, "总览测试：趋势周活动" + i, busyWeek.plusDays(1).atTime(9 + i, 0));
        }

        ComplianceOverview.Trend trend = Access.as(user("jks"), () -> overview.trend(id, LocalDate.now()));
        List<TrendPoint> points = trend.points();
        assertThat(points).isNotEmpty();
        TrendPoint busy = points.stream().filter(p -> p.from().equals(busyWeek)).findFirst().orElseThrow();
        assertThat(busy.met()).as("4 activities > at most 3: not met").isEqualTo(1);
        assertThat(busy.judged()).isEqualTo(2);
        assertThat(busy.percent()).isEqualTo(50.0);
        TrendPoint exempted = points.stream().filter(p -> p.from().equals(exemptWeek)).findFirst().orElseThrow();
        assertThat(exempted.judged()).as("the exempt group is left out").isEqualTo(1);
        assertThat(exempted.exempt()).isEqualTo(1);
        TrendPoint now = points.get(points.size() - 1);
        assertThat(now.from()).isEqualTo(thisMonday);
        assertThat(now.current()).isTrue();
        assertThat(now.judged() + now.notDue()).isEqualTo(2);
        assertThat(points.subList(0, points.size() - 1)).allSatisfy(p -> {
            assertThat(p.current()).isFalse();
            assertThat(p.judged() + p.exempt()).isEqualTo(2);
            assertThat(p.percent()).isEqualTo(Math.round(1000.0 * p.met() / p.judged()) / 10.0);
        });
        // the same numbers as the matrix of the term
        ComplianceMatrix m = Access.as(user("jks"), () -> compliance.matrix(id, trend.from(), trend.to(), null));
        assertThat(points).hasSize(m.periods().size());
        for (int i = 0; i < points.size() - 1; i++) {
            assertThat(points.get(i).met()).isEqualTo(m.met(i));
            assertThat(points.get(i).judged()).isEqualTo(m.judged(i));
        }

        mvc.perform(get("/rules/" + id + "/trend.json").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ruleId").value(id))
                .andExpect(jsonPath("$.points[?(@.from == '" + busyWeek + "')].percent").value(50.0))
                .andExpect(jsonPath("$.points[?(@.from == '" + busyWeek + "')].met").value(1))
                .andExpect(jsonPath("$.points[?(@.from == '" + exemptWeek + "')].judged").value(1));
        mvc.perform(get("/rules/" + id + "/trend.json").with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(get("/rules/" + id).with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rule-trend\"")))
                .andExpect(content().string(containsString("/assets/js/rules-trend.js")));
    }

    @Test
    void thePageShowsSharesLinksToTheMatrixAndKeepsABadMonthAtTheField() throws Exception {
        long id = rule("总览测试：页面", spec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH",
                PeriodKind.MONTH, Comparison.AT_LEAST, 1));
        activity(chineseGroup(), "总览测试：页面活动", LONG_AGO.atDay(5).atTime(15, 0));
        mvc.perform(get("/rules/overview").param("month", LONG_AGO.toString()).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("总览测试：页面")))
                .andExpect(content().string(containsString("1/1 · 100%")))
                .andExpect(content().string(containsString("/rules/" + id + "/matrix?from=" + LONG_AGO.atDay(1) + "&amp;to="
                        + LONG_AGO.atEndOfMonth())));
        mvc.perform(get("/rules/overview").param("month", "2026-13").with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("月份应写成 2026-11 这样的格式")));
        mvc.perform(get("/rules").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"open-overview\"")));
    }
}
