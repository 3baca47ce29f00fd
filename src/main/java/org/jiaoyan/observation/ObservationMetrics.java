package org.jiaoyan.observation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.MetricDefinition;
import org.jiaoyan.metrics.MetricSource;
import org.jiaoyan.metrics.PeriodBuckets;
import org.jiaoyan.metrics.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Evidence for the rules: observations a teacher made (听课节数) and observations of a teacher's lessons. */
@Component
class ObservationMetrics implements MetricSource {

    static final String BY_OBSERVER = "observation.by-observer";
    static final String OF_TEACHER = "observation.of-teacher";
    /**
     * Open lessons a teacher taught (公开课、示范课、研讨课…): one per day and topic, however many colleagues observed it
     * (for the term assessment's 执教公开课).
     */
    static final String OPEN_LESSONS = "observation.open-lessons";
    /** Lessons observed in a school (the county's cross-school view). */
    static final String IN_SCHOOL = "observation.in-school";

    private final JdbcClient jdbc;

    ObservationMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(new MetricDefinition(BY_OBSERVER, SubjectKind.TEACHER, "metric.observation.by-observer"),
                new MetricDefinition(OF_TEACHER, SubjectKind.TEACHER, "metric.observation.of-teacher"),
                new MetricDefinition(IN_SCHOOL, SubjectKind.INSTITUTION, "metric.observation.in-school"),
                new MetricDefinition(OPEN_LESSONS, SubjectKind.TEACHER, "metric.observation.open-lessons"));
    }

    @Override
    public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
        Map<Long, Long> out = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        if (OPEN_LESSONS.equals(metricId)) {
            jdbc.sql("select teacher_id, count(*) from (select distinct teacher_id, observed_on, topic " + OPEN_ROWS
                            + " and teacher_id in (:ids) and observed_on between :from and :to) l group by teacher_id")
                    .param("ids", subjectIds).param("from", from).param("to", to).param("open", openTypes())
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                    });
            return out;
        }
        String column = subjectColumn(metricId);
        jdbc.sql("select " + column + ", count(*) from observation where deleted_at is null and " + column
                        + " in (:ids) and observed_on between :from and :to group by " + column)
                .param("ids", subjectIds).param("from", from).param("to", to)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** All periods in one grouped query: each observation's period index computed from observed_on. */
    @Override
    public Map<Long, long[]> countPerPeriod(String metricId, List<DateSpan> periods, Collection<Long> subjectIds) {
        if (subjectIds.isEmpty() || periods.isEmpty()) {
            return new HashMap<>();
        }
        if (OPEN_LESSONS.equals(metricId)) {
            return PeriodBuckets.ofDates("observed_on", periods).count(jdbc, "teacher_id",
                    "from (select distinct teacher_id, observed_on, topic " + OPEN_ROWS + ") l where 1 = 1", subjectIds,
                    Map.of("open", openTypes()));
        }
        String column = subjectColumn(metricId);
        return PeriodBuckets.ofDates("observed_on", periods).count(jdbc, column,
                "from observation where deleted_at is null", subjectIds, Map.of(),
                IN_SCHOOL.equals(metricId) ? PeriodBuckets.INSTITUTION_LOOKUP_LIMIT : PeriodBuckets.LOOKUP_LIMIT);
    }

    /** The observations of open lessons (from clause and conditions; the caller binds :open). */
    static final String OPEN_ROWS = "from observation where deleted_at is null and lesson_type in (:open)";

    static List<String> openTypes() {
        return java.util.Arrays.stream(LessonType.values()).filter(LessonType::open).map(LessonType::name).toList();
    }

    private static String subjectColumn(String metricId) {
        return switch (metricId) {
            case BY_OBSERVER -> "observer_id";
            case OF_TEACHER -> "teacher_id";
            case IN_SCHOOL -> "institution_id";
            default -> throw new IllegalArgumentException("unknown metric " + metricId);
        };
    }
}
