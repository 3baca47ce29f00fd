package org.jiaoyan.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.StatementCounter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Counts per period through the one door, for every published metric (activities, observations, mentoring): records
 * on the edges of periods and in the gaps between them, deleted records, subjects without records, the same answer as
 * one {@code count} per period, and one query per call whatever the number of periods. Each test makes its own school,
 * groups, teachers and pairs, so the demo data and other tests cannot change the expected numbers.
 */
@JiaoyanIntegrationTest
@Import(StatementCounter.Configuration.class)
class MetricPeriodsIntegrationTests {

    private static final LocalDate SEP_7 = LocalDate.of(2026, 9, 7); // a Monday
    /** Two weeks with a week's gap between them (14–20 September). */
    private static final List<DateSpan> TWO_WEEKS = List.of(new DateSpan(SEP_7, SEP_7.plusDays(6)),
            new DateSpan(SEP_7.plusDays(14), SEP_7.plusDays(20)));

    @Autowired Metrics metrics;
    @Autowired JdbcClient jdbc;

    private long school;
    private long group;
    private long quietGroup;
    private long observer;
    private long observed;
    private long quietTeacher;
    private long mentor;
    private long apprentice;
    private long pair;
    private long quietPair;
    private long research;
    private long collectivePrep;

    @BeforeEach
    void freshSchool() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        school = insert("insert into org_unit (type, name) values ('INSTITUTION', ?)", "期间统计测试学校" + tag);
        jdbc.sql("update org_unit set institution_id = id where id = ?").param(school).update();
        group = insert("insert into org_unit (type, group_kind, name, parent_id, institution_id) values ('GROUP', 'TEACHING_RESEARCH', ?, ?, ?)",
                "数学教研组" + tag, school, school);
        quietGroup = insert("insert into org_unit (type, group_kind, name, parent_id, institution_id) values ('GROUP', 'TEACHING_RESEARCH', ?, ?, ?)",
                "科学教研组" + tag, school, school);
        observer = person("听课教师" + tag);
        observed = person("授课教师" + tag);
        quietTeacher = person("无记录教师" + tag);
        mentor = person("师傅" + tag);
        apprentice = person("徒弟" + tag);
        pair = insert("insert into mentor_pair (institution_id, school_year, mentor_id, apprentice_id) values (?, 2026, ?, ?)",
                school, mentor, apprentice);
        quietPair = insert("insert into mentor_pair (institution_id, school_year, mentor_id, apprentice_id) values (?, 2026, ?, ?)",
                school, observer, observed);
        research = jdbc.sql("select id from activity_type where code = 'RESEARCH' and institution_id is null").query(Long.class).single();
        collectivePrep = jdbc.sql("select id from activity_type where code = 'COLLECTIVE_PREP' and institution_id is null")
                .query(Long.class).single();
    }

    @Test
    void activitiesCountOnTheFirstAndLastDayOfAPeriodUpTo2359AndNotInAGapOrWhenDeleted() {
        activity(group, research, SEP_7.atStartOfDay(), null);                       // first instant of week 1
        long lateSunday = activity(group, research, SEP_7.plusDays(6).atTime(23, 59), null); // last day, 23:59
        activity(group, collectivePrep, SEP_7.plusDays(3).atTime(15, 30), null);
        long inGap = activity(group, research, SEP_7.plusDays(7).atTime(10, 0), null); // Monday of the gap week
        activity(group, research, SEP_7.minusDays(1).atTime(23, 59), null);           // the Sunday before
        activity(group, research, SEP_7.plusDays(14).atTime(8, 0), null);
        long lastSecond = activity(group, research, SEP_7.plusDays(20).atTime(LocalTime.of(23, 59, 59)), null);
        activity(group, research, SEP_7.plusDays(21).atStartOfDay(), null);           // the Monday after
        long deleted = activity(group, research, SEP_7.plusDays(15).atTime(10, 0), SEP_7.plusDays(16).atStartOfDay());
        for (long a : List.of(lateSunday, inGap, deleted, lastSecond)) {
            jdbc.sql("insert into activity_signin (activity_id, person_id, signed_at, method) values (?, ?, ?, 'MANUAL')")
                    .params(a, observer, SEP_7.atStartOfDay()).update();
        }

        assertPerPeriod("activity.group-sessions", List.of(group, quietGroup), Map.of(group, new long[] {3, 2}, quietGroup, new long[] {0, 0}));
        assertPerPeriod("activity.collective-prep", List.of(group, quietGroup), Map.of(group, new long[] {1, 0}, quietGroup, new long[] {0, 0}));
        assertPerPeriod("activity.signins", List.of(observer, quietTeacher), Map.of(observer, new long[] {1, 1}, quietTeacher, new long[] {0, 0}));
        assertPerPeriod("activity.school-activities", List.of(school), Map.of(school, new long[] {3, 2}));
    }

    @Test
    void observationsCountOnTheFirstAndLastDayOfAPeriodAndNotInAGapOrWhenDeleted() {
        for (LocalDate day : List.of(SEP_7, SEP_7.plusDays(6), SEP_7.plusDays(7), SEP_7.minusDays(1), SEP_7.plusDays(20),
                SEP_7.plusDays(21))) {
            observation(observer, observed, day, null);
        }
        observation(observer, observed, SEP_7.plusDays(15), SEP_7.plusDays(16).atStartOfDay()); // deleted
        observation(observed, observer, SEP_7.plusDays(14), null);

        assertPerPeriod("observation.by-observer", List.of(observer, observed, quietTeacher),
                Map.of(observer, new long[] {2, 1}, observed, new long[] {0, 1}, quietTeacher, new long[] {0, 0}));
        assertPerPeriod("observation.of-teacher", List.of(observer, observed, quietTeacher),
                Map.of(observer, new long[] {0, 1}, observed, new long[] {2, 1}, quietTeacher, new long[] {0, 0}));
        assertPerPeriod("observation.in-school", List.of(school), Map.of(school, new long[] {2, 2}));
    }

    @Test
    void aMutualWeekCountsForThePeriodThatHoldsBothLessonsAndAWeekSplitBetweenPeriodsForNeither() {
        observation(mentor, apprentice, SEP_7.plusDays(1), null);   // week 1: Tuesday
        observation(apprentice, mentor, SEP_7.plusDays(6), null);   // week 1: Sunday, the last day of the period
        observation(mentor, apprentice, SEP_7.plusDays(8), null);   // the gap week, both ways
        observation(apprentice, mentor, SEP_7.plusDays(9), null);
        observation(mentor, apprentice, SEP_7.plusDays(14), null);  // week 3: the apprentice's first lesson deleted
        observation(apprentice, mentor, SEP_7.plusDays(16), SEP_7.plusDays(17).atStartOfDay());
        observation(apprentice, mentor, SEP_7.plusDays(20), null);
        observation(mentor, apprentice, LocalDate.of(2026, 9, 29), null); // week of 28 September: Tuesday in September,
        observation(apprentice, mentor, LocalDate.of(2026, 10, 1), null); // Thursday in October

        assertPerPeriod("mentoring.mutual-weeks", List.of(pair, quietPair), Map.of(pair, new long[] {1, 1}, quietPair, new long[] {0, 0}));
        List<DateSpan> months = List.of(new DateSpan(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
                new DateSpan(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertThat(metrics.countPerPeriod("mentoring.mutual-weeks", months, List.of(pair)).get(pair)).containsExactly(3, 0);
        assertThat(metrics.count("mentoring.mutual-weeks", LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 4), List.of(pair)))
                .containsEntry(pair, 1L);
        assertSameAsOneCountPerPeriod("mentoring.mutual-weeks", months, List.of(pair, quietPair));
    }

    @Test
    void everyMetricAnswersPerPeriodWhatCountAnswersForEachPeriodInWeeksMonthsAndFirstWeeksOfMonths() {
        LocalDate start = LocalDate.now().minusMonths(8).withDayOfMonth(1);
        LocalDate end = LocalDate.now().plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
        scatterRecords(start, end, new Random(20260901));
        List<List<DateSpan>> layouts = List.of(weeks(start, end), months(start, end), firstWeeksOfMonths(start, end));
        for (MetricDefinition metric : metrics.all()) {
            List<Long> subjects = subjectsOf(metric.subject());
            for (List<DateSpan> periods : layouts) {
                assertSameAsOneCountPerPeriod(metric.id(), periods, subjects);
            }
        }
    }

    @Test
    void aCallIsOneQueryWhateverTheNumberOfPeriods() {
        LocalDate start = SEP_7.minusWeeks(20);
        LocalDate end = SEP_7.plusWeeks(33).minusDays(1);
        scatterRecords(start, end, new Random(7));
        List<DateSpan> weeks = weeks(start, end);
        assertThat(weeks).hasSize(53);
        for (MetricDefinition metric : metrics.all()) {
            List<Long> subjects = subjectsOf(metric.subject());
            // mentoring reads the pairs, then the lessons of the whole range: two queries, also whatever the periods
            int expected = metric.id().equals("mentoring.mutual-weeks") ? 2 : 1;
            for (List<DateSpan> periods : List.of(weeks.subList(0, 1), weeks.subList(0, 10), weeks)) {
                StatementCounter.Counted<Map<Long, long[]>> counted =
                        StatementCounter.count(() -> metrics.countPerPeriod(metric.id(), periods, subjects));
                assertThat(counted.statements()).as("%s over %d periods", metric.id(), periods.size()).isEqualTo(expected);
                assertThat(counted.result()).hasSize(subjects.size());
            }
        }
    }

    @Test
    void aCountyWideSubjectListReadsTheRangeOnceAndAnswersTheSameAsAFewSubjects() {
        LocalDate start = SEP_7.minusWeeks(10);
        LocalDate end = SEP_7.plusWeeks(10).minusDays(1);
        scatterRecords(start, end, new Random(11));
        List<DateSpan> weeks = weeks(start, end);
        for (MetricDefinition metric : metrics.all()) {
            List<Long> few = subjectsOf(metric.subject());
            // more subjects than PeriodBuckets looks up one by one: the rest are ids without records
            List<Long> many = new ArrayList<>(few);
            for (long i = 0; many.size() <= PeriodBuckets.LOOKUP_LIMIT + 50; i++) {
                many.add(9_000_000_000L + i);
            }
            Map<Long, long[]> small = metrics.countPerPeriod(metric.id(), weeks, few);
            StatementCounter.Counted<Map<Long, long[]>> large =
                    StatementCounter.count(() -> metrics.countPerPeriod(metric.id(), weeks, many));
            assertThat(large.statements()).as(metric.id()).isEqualTo(metric.id().equals("mentoring.mutual-weeks") ? 2 : 1);
            assertThat(large.result().keySet()).containsExactlyInAnyOrderElementsOf(many);
            for (long id : few) {
                assertThat(large.result().get(id)).as("%s of %d", metric.id(), id).containsExactly(small.get(id));
            }
            assertThat(large.result().get(9_000_000_000L)).containsOnly(0L);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The expected counts, and the same as one count() per period. */
    private void assertPerPeriod(String metricId, List<Long> subjects, Map<Long, long[]> expected) {
        Map<Long, long[]> answer = metrics.countPerPeriod(metricId, TWO_WEEKS, subjects);
        assertThat(answer.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
        expected.forEach((id, counts) -> assertThat(answer.get(id)).as("%s of %d", metricId, id).containsExactly(counts));
        assertSameAsOneCountPerPeriod(metricId, TWO_WEEKS, subjects);
    }

    private void assertSameAsOneCountPerPeriod(String metricId, List<DateSpan> periods, List<Long> subjects) {
        Map<Long, long[]> answer = metrics.countPerPeriod(metricId, periods, subjects);
        assertThat(answer.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
        for (int i = 0; i < periods.size(); i++) {
            DateSpan p = periods.get(i);
            Map<Long, Long> one = metrics.count(metricId, p.from(), p.to(), subjects);
            for (long id : subjects) {
                assertThat(answer.get(id)[i]).as("%s of %d in %s – %s", metricId, id, p.from(), p.to()).isEqualTo(one.get(id));
            }
        }
    }

    /** Activities (some at 00:00 and 23:59:59, some deleted) with sign-ins, observations and pair lessons. */
    private void scatterRecords(LocalDate start, LocalDate end, Random random) {
        int days = (int) (end.toEpochDay() - start.toEpochDay() + 1);
        List<Long> teachers = List.of(observer, observed, mentor, apprentice);
        LocalTime[] times = {LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), LocalTime.of(23, 59), LocalTime.of(15, 30), LocalTime.NOON};
        for (int i = 0; i < 120; i++) {
            LocalDateTime at = start.plusDays(random.nextInt(days)).atTime(times[random.nextInt(times.length)]);
            @Nullable LocalDateTime deletedAt = random.nextInt(8) == 0 ? at : null;
            long a = activity(random.nextBoolean() ? group : quietGroup, random.nextInt(3) == 0 ? collectivePrep : research, at, deletedAt);
            for (long t : teachers) {
                if (random.nextBoolean()) {
                    jdbc.sql("insert into activity_signin (activity_id, person_id, signed_at, method) values (?, ?, ?, 'QR')")
                            .params(a, t, at).update();
                }
            }
        }
        for (int i = 0; i < 200; i++) {
            long who = teachers.get(random.nextInt(teachers.size()));
            long whom = teachers.get(random.nextInt(teachers.size()));
            if (who != whom) {
                LocalDate day = start.plusDays(random.nextInt(days));
                observation(who, whom, day, random.nextInt(8) == 0 ? day.atTime(18, 0) : null);
            }
        }
    }

    private List<Long> subjectsOf(SubjectKind kind) {
        String sql = switch (kind) {
            case TEACHER -> "select id from person";
            case GROUP, INSTITUTION -> "select id from org_unit";
            case PAIR -> "select id from mentor_pair";
            case PROJECT -> throw new IllegalStateException("no project metric yet: add its subjects here");
        };
        return jdbc.sql(sql).query(Long.class).list();
    }

    /** Monday-to-Sunday weeks, the first one starting on the first Monday on or after start. */
    private static List<DateSpan> weeks(LocalDate start, LocalDate end) {
        List<DateSpan> out = new ArrayList<>();
        for (LocalDate monday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)); !monday.plusDays(6).isAfter(end);
                monday = monday.plusWeeks(1)) {
            out.add(new DateSpan(monday, monday.plusDays(6)));
        }
        return out;
    }

    private static List<DateSpan> months(LocalDate start, LocalDate end) {
        List<DateSpan> out = new ArrayList<>();
        for (LocalDate first = start.withDayOfMonth(1); !first.isAfter(end); first = first.plusMonths(1)) {
            out.add(new DateSpan(first, first.with(TemporalAdjusters.lastDayOfMonth())));
        }
        return out;
    }

    /** The first Monday-to-Sunday week of each month (各课题组每个月的第一个周上报): gaps between them. */
    private static List<DateSpan> firstWeeksOfMonths(LocalDate start, LocalDate end) {
        List<DateSpan> out = new ArrayList<>();
        for (LocalDate first = start.withDayOfMonth(1); !first.isAfter(end); first = first.plusMonths(1)) {
            LocalDate monday = first.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
            out.add(new DateSpan(monday, monday.plusDays(6)));
        }
        return out;
    }

    private long activity(long unit, long type, LocalDateTime startsAt, @Nullable LocalDateTime deletedAt) {
        return insert("""
                insert into activity (institution_id, organiser_unit_id, type_id, title, starts_at, ends_at, deleted_at)
                values (?, ?, ?, '期间统计测试活动', ?, ?, ?)""", school, unit, type, startsAt, startsAt.plusMinutes(1), deletedAt);
    }

    private void observation(long who, long whom, LocalDate day, @Nullable LocalDateTime deletedAt) {
        insert("""
                insert into observation (institution_id, observer_id, teacher_id, observed_on, topic, lesson_type, deleted_at)
                values (?, ?, ?, ?, '《期间统计》', 'REGULAR', ?)""", school, who, whom, day, deletedAt);
    }

    private long person(String name) {
        return insert("insert into person (institution_id, name) values (?, ?)", school, name);
    }

    private long insert(String sql, @Nullable Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(Arrays.asList(params)).update(key, "id");
        return key.getKeyAs(Long.class);
    }
}
