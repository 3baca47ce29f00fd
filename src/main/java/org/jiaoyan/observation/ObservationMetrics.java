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
                new MetricDefinition(IN_SCHOOL, SubjectKind.INSTITUTION, "metric.observation.in-school"));
    }

    @Override
    public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
        String column = subjectColumn(metricId);
        Map<Long, Long> out = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
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
        String column = subjectColumn(metricId);
        if (subjectIds.isEmpty() || periods.isEmpty()) {
            return new HashMap<>();
        }
        return PeriodBuckets.ofDates("observed_on", periods).count(jdbc, column,
                "from observation where deleted_at is null", subjectIds, Map.of(),
                IN_SCHOOL.equals(metricId) ? PeriodBuckets.INSTITUTION_LOOKUP_LIMIT : PeriodBuckets.LOOKUP_LIMIT);
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
