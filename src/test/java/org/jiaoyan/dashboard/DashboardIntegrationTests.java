package org.jiaoyan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.ObservationFixtures;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanTemplate;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 工作台 by role and the county's cross-school view, checked against the demo county's own records. */
@JiaoyanIntegrationTest
class DashboardIntegrationTests {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Plans plans;
    @Autowired OrgUnits units;
    @Autowired Terms terms;
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;
    @Autowired JdbcClient jdbc;

    private Document page(String url, String user) throws Exception {
        String html = mvc.perform(get(url).with(TestUsers.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void principalSeesHowManyPlansWaitForReviewLinkedToTheFilteredList() throws Exception {
        CurrentUser jks = TestUsers.load(users, "jks");
        long office = Access.as(jks, () -> units.unitsOf(jks.institutionId(), UnitType.DEPARTMENT, false).stream()
                .filter(u -> u.name().equals("教科室")).findFirst().orElseThrow().id());
        long term = Access.asSystem(() -> terms.all().get(0).id());
        long id = Access.as(jks, () -> plans.create(new PlanData(office, term, "待审计划" + SEQ.incrementAndGet(),
                PlanTemplate.SCHOOL_RESEARCH_OFFICE, 3)));
        Access.as(jks, () -> {
            plans.submit(id, plans.get(id).version());
            return null;
        });
        CurrentUser principal = TestUsers.load(users, "principal");
        long waiting = Access.as(principal, plans::awaitingReview);
        long submitted = jdbc.sql("select count(*) from plan where status = 'SUBMITTED' and deleted_at is null and institution_id = ?")
                .param(principal.institutionId()).query(Long.class).single();
        assertThat(waiting).isEqualTo(submitted).isPositive();

        Document home = page("/", "principal");
        Element link = home.getElementById("review-link");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo(waiting + " 份计划待审核");
        assertThat(link.attr("href")).isEqualTo("/plans?status=SUBMITTED&school=" + principal.institutionId());
        // the list the link opens shows exactly those plans
        String list = mvc.perform(get(link.attr("href")).with(TestUsers.as(users, "principal")))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(list).select("#plans-table tbody td.cell-title")).hasSize((int) Math.min(waiting, 20));

        // another school's principal-less teacher sees no review card; the teacher of the same school neither
        assertThat(page("/", "teacher").getElementById("dashboard-review")).isNull();
        assertThat(Access.as(TestUsers.load(users, "teacher2"), plans::awaitingReview)).isZero();
    }

    @Test
    void teacherSeesOwnTasksActivitiesAndObservationsButNoSchoolStatistics() throws Exception {
        CurrentUser teacher = TestUsers.load(users, "teacher");
        var fx = new ObservationFixtures(users, observations, forms);
        long form = fx.twoCriterionForm("工作台评价表" + SEQ.incrementAndGet());
        CurrentUser leader = TestUsers.load(users, "zuzhang");
        fx.observe(teacher, leader.personId(), form, "工作台听课" + SEQ.incrementAndGet(), 50, 30, LocalDate.now());
        LocalDate from = LocalDate.now().withDayOfMonth(1);
        LocalDate to = LocalDate.now().with(TemporalAdjusters.lastDayOfMonth());
        long given = jdbc.sql("select count(*) from observation where deleted_at is null and observer_id = ? and observed_on between ? and ?")
                .params(teacher.personId(), from, to).query(Long.class).single();
        long received = jdbc.sql("select count(*) from observation where deleted_at is null and teacher_id = ? and observed_on between ? and ?")
                .params(teacher.personId(), from, to).query(Long.class).single();

        Document home = page("/", "teacher");
        assertThat(home.getElementById("dashboard-stats")).isNull();
        assertThat(home.select(".stat-card")).isEmpty();
        assertThat(home.getElementById("dashboard-tasks")).isNotNull();
        assertThat(home.getElementById("dashboard-activities")).isNotNull();
        assertThat(home.getElementById("observations-given").text()).isEqualTo("我听课 " + given + " 节");
        assertThat(home.getElementById("observations-received").text()).isEqualTo("我被听课 " + received + " 节");
        assertThat(given).isPositive();
        // the principal still sees the school's figures
        assertThat(page("/", "principal").getElementById("dashboard-stats")).isNotNull();
    }

    @Test
    void countyViewCountsEachSchoolsOwnRecords() throws Exception {
        CurrentUser county = TestUsers.load(users, "county");
        CurrentUser teacher = TestUsers.load(users, "teacher");
        CurrentUser teacher2 = TestUsers.load(users, "teacher2");
        Map<Long, long[]> before = countyTable();
        // one more lesson observed in the teacher's school this month: only that school's figure moves
        var fx = new ObservationFixtures(users, observations, forms);
        long form = fx.twoCriterionForm("县级视图评价表" + SEQ.incrementAndGet());
        fx.observe(teacher, TestUsers.load(users, "zuzhang").personId(), form, "县级视图" + SEQ.incrementAndGet(), 40, 30,
                LocalDate.now());
        Map<Long, long[]> after = countyTable();
        assertThat(after.get(teacher.institutionId())[2]).isEqualTo(before.get(teacher.institutionId())[2] + 1);
        assertThat(after.get(teacher2.institutionId())).isEqualTo(before.get(teacher2.institutionId()));
        assertThat(after).doesNotContainKey(county.institutionId());

        LocalDate from = LocalDate.now().withDayOfMonth(1);
        LocalDate to = LocalDate.now().with(TemporalAdjusters.lastDayOfMonth());
        LocalDate pairsFrom = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        long term = Access.asSystem(() -> terms.current(LocalDate.now()).orElseThrow().id());
        for (var e : after.entrySet()) {
            long school = e.getKey();
            long activities = jdbc.sql("select count(*) from activity where deleted_at is null and institution_id = ? and starts_at >= ? and starts_at < ?")
                    .params(school, from.atStartOfDay(), to.plusDays(1).atStartOfDay()).query(Long.class).single();
            long lessons = jdbc.sql("select count(*) from observation where deleted_at is null and institution_id = ? and observed_on between ? and ?")
                    .params(school, from, to).query(Long.class).single();
            long items = jdbc.sql("""
                    select count(*) from plan_item it join plan p on p.id = it.plan_id
                     where it.deleted_at is null and it.state <> 'CANCELLED' and p.deleted_at is null and p.status = 'PUBLISHED'
                       and p.term_id = ? and p.institution_id = ?""").params(term, school).query(Long.class).single();
            long pairs = jdbc.sql("select count(*) from mentor_pair where deleted_at is null and institution_id = ? and school_year = ?")
                    .params(school, org.jiaoyan.mentoring.MentorPairs.currentSchoolYear(LocalDate.now())).query(Long.class).single();
            long onTrack = jdbc.sql("""
                    select count(*) from mentor_pair mp where mp.deleted_at is null and mp.institution_id = ? and mp.school_year = ?
                       and exists (select 1 from observation o where o.deleted_at is null and o.observer_id = mp.mentor_id
                                   and o.teacher_id = mp.apprentice_id and o.observed_on between ? and ?)
                       and exists (select 1 from observation o where o.deleted_at is null and o.observer_id = mp.apprentice_id
                                   and o.teacher_id = mp.mentor_id and o.observed_on between ? and ?)""")
                    .params(school, org.jiaoyan.mentoring.MentorPairs.currentSchoolYear(LocalDate.now()), pairsFrom,
                            LocalDate.now(), pairsFrom, LocalDate.now()).query(Long.class).single();
            long[] shown = e.getValue();
            assertThat(shown[1]).as("items of school " + school).isEqualTo(items);
            assertThat(shown[2]).as("observations of school " + school).isEqualTo(lessons);
            assertThat(shown[3]).as("activities of school " + school).isEqualTo(activities);
            assertThat(shown[4]).as("pairs on track of school " + school).isEqualTo(onTrack);
            assertThat(shown[5]).as("pairs of school " + school).isEqualTo(pairs);
        }
        assertThat(after.values().stream().mapToLong(v -> v[1]).sum()).isPositive();
        // the county's 工作台 shows the same table; a principal may not open it
        assertThat(page("/", "county").getElementById("county-table")).isNotNull();
        mvc.perform(get("/county").with(TestUsers.as(users, "principal"))).andExpect(status().isForbidden());
    }

    /** Per school id: [done, items, observations, activities, pairs on track, pairs] as the county page shows them. */
    private Map<Long, long[]> countyTable() throws Exception {
        Map<Long, long[]> out = new HashMap<>();
        for (Element row : page("/county", "county").select("#county-table tbody tr")) {
            List<Long> progress = numbers(row.selectFirst(".county-progress").text());
            List<Long> pairs = numbers(row.selectFirst(".county-pairs").text());
            out.put(Long.parseLong(row.attr("data-school-id")), new long[] {progress.get(0), progress.get(1),
                    Long.parseLong(row.selectFirst(".county-observations").text()),
                    Long.parseLong(row.selectFirst(".county-activities").text()), pairs.get(0), pairs.get(1)});
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static List<Long> numbers(String text) {
        return java.util.regex.Pattern.compile("\\d+").matcher(text).results().map(m -> Long.parseLong(m.group())).toList();
    }
}
