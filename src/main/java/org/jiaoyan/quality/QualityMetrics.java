package org.jiaoyan.quality;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.MetricDefinition;
import org.jiaoyan.metrics.PeriodBuckets;
import org.jiaoyan.metrics.MetricSource;
import org.jiaoyan.metrics.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the rules read from a department's quality records: checks done per department (每周质控一到两项), training
 * sessions held per department (每月一次) and presented per person (轮流授课), drills passed per person (人人过关: each
 * staff member at least one passed drill in the term). Deleted records do not count. One grouped query per call.
 */
@Component
class QualityMetrics implements MetricSource {

    static final String QC_CHECKS = "quality.qc-checks";
    static final String TRAINING_SESSIONS = "quality.training-sessions";
    static final String TRAINING_PRESENTED = "quality.training-presented";
    static final String DRILL_PASSED = "quality.drill-passed";

    private final JdbcClient jdbc;

    QualityMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(new MetricDefinition(QC_CHECKS, SubjectKind.GROUP, "metric.quality.qc-checks"),
                new MetricDefinition(TRAINING_SESSIONS, SubjectKind.GROUP, "metric.quality.training-sessions"),
                new MetricDefinition(TRAINING_PRESENTED, SubjectKind.TEACHER, "metric.quality.training-presented"),
                new MetricDefinition(DRILL_PASSED, SubjectKind.TEACHER, "metric.quality.drill-passed"));
    }

    @Override
    public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
        String sql = switch (metricId) {
            case QC_CHECKS -> """
                    select q.unit_id, count(*) from quality_check q
                     where q.deleted_at is null and q.unit_id in (:ids) and q.checked_on >= :from and q.checked_on <= :to
                     group by q.unit_id""";
            case TRAINING_SESSIONS -> """
                    select t.unit_id, count(*) from quality_training t
                     where t.deleted_at is null and t.unit_id in (:ids) and t.held_on >= :from and t.held_on <= :to
                     group by t.unit_id""";
            case TRAINING_PRESENTED -> """
                    select t.presenter_id, count(*) from quality_training t
                     where t.deleted_at is null and t.presenter_id in (:ids) and t.held_on >= :from and t.held_on <= :to
                     group by t.presenter_id""";
            // drills in which the person passed: a fail followed by a pass in a later drill counts that later drill
            case DRILL_PASSED -> """
                    select r.person_id, count(*) from quality_drill_result r join quality_drill d on d.id = r.drill_id
                     where d.deleted_at is null and r.passed = true and r.person_id in (:ids)
                       and d.held_on >= :from and d.held_on <= :to
                     group by r.person_id""";
            default -> throw new IllegalArgumentException("unknown metric " + metricId);
        };
        Map<Long, Long> out = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        jdbc.sql(sql).param("ids", subjectIds).param("from", from).param("to", to).query(rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
        });
        return out;
    }

    /** One grouped query for all periods (a compliance matrix), on the same rows as {@link #count}. */
    @Override
    public Map<Long, long[]> countPerPeriod(String metricId, List<DateSpan> periods, Collection<Long> subjectIds) {
        if (subjectIds.isEmpty() || periods.isEmpty()) {
            return new HashMap<>();
        }
        Collection<Long> ids = subjectIds;
        return switch (metricId) {
            case QC_CHECKS -> PeriodBuckets.ofDates("q.checked_on", periods).count(jdbc, "q.unit_id",
                    "from quality_check q where q.deleted_at is null", ids, Map.of());
            case TRAINING_SESSIONS -> PeriodBuckets.ofDates("t.held_on", periods).count(jdbc, "t.unit_id",
                    "from quality_training t where t.deleted_at is null", ids, Map.of());
            case TRAINING_PRESENTED -> PeriodBuckets.ofDates("t.held_on", periods).count(jdbc, "t.presenter_id",
                    "from quality_training t where t.deleted_at is null", ids, Map.of());
            case DRILL_PASSED -> PeriodBuckets.ofDates("d.held_on", periods).count(jdbc, "r.person_id",
                    "from quality_drill_result r join quality_drill d on d.id = r.drill_id"
                            + " where d.deleted_at is null and r.passed = true", ids, Map.of());
            default -> throw new IllegalArgumentException("unknown metric " + metricId);
        };
    }
}
