package org.jiaoyan.activity;

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

/**
 * What the rules read from activities: sessions a group organised (每周至少一次教研活动), collective-preparation sessions
 * (每周一次集体备课), and sign-ins per teacher, by the activity's start. One grouped query per call, also for many
 * periods at once.
 */
@Component
class ActivityMetrics implements MetricSource {

    static final String GROUP_SESSIONS = "activity.group-sessions";
    static final String COLLECTIVE_PREP = "activity.collective-prep";
    static final String SIGNINS = "activity.signins";
    /** Activities a school held (the county's cross-school view). */
    static final String SCHOOL_ACTIVITIES = "activity.school-activities";

    private final JdbcClient jdbc;

    ActivityMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(new MetricDefinition(GROUP_SESSIONS, SubjectKind.GROUP, "metric.activity.group-sessions"),
                new MetricDefinition(COLLECTIVE_PREP, SubjectKind.GROUP, "metric.activity.collective-prep"),
                new MetricDefinition(SIGNINS, SubjectKind.TEACHER, "metric.activity.signins"),
                new MetricDefinition(SCHOOL_ACTIVITIES, SubjectKind.INSTITUTION, "metric.activity.school-activities"));
    }

    @Override
    public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
        String sql = switch (metricId) {
            case GROUP_SESSIONS -> """
                    select a.organiser_unit_id, count(*) from activity a
                     where a.deleted_at is null and a.organiser_unit_id in (:ids) and a.starts_at >= :from and a.starts_at < :to
                     group by a.organiser_unit_id""";
            case COLLECTIVE_PREP -> """
                    select a.organiser_unit_id, count(*) from activity a join activity_type t on t.id = a.type_id
                     where a.deleted_at is null and t.collective_prep = true and a.organiser_unit_id in (:ids)
                       and a.starts_at >= :from and a.starts_at < :to
                     group by a.organiser_unit_id""";
            case SIGNINS -> """
                    select s.person_id, count(*) from activity_signin s join activity a on a.id = s.activity_id
                     where a.deleted_at is null and s.person_id in (:ids) and a.starts_at >= :from and a.starts_at < :to
                     group by s.person_id""";
            case SCHOOL_ACTIVITIES -> """
                    select a.institution_id, count(*) from activity a
                     where a.deleted_at is null and a.institution_id in (:ids) and a.starts_at >= :from and a.starts_at < :to
                     group by a.institution_id""";
            default -> throw new IllegalArgumentException(metricId);
        };
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql(sql).param("ids", subjectIds).param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** All periods in one grouped query: the rows count() counts, each put in its period by a.starts_at. */
    @Override
    public Map<Long, long[]> countPerPeriod(String metricId, List<DateSpan> periods, Collection<Long> subjectIds) {
        Rows rows = switch (metricId) {
            case GROUP_SESSIONS -> new Rows("a.organiser_unit_id",
                    "from activity a where a.deleted_at is null");
            case COLLECTIVE_PREP -> new Rows("a.organiser_unit_id", """
                    from activity a join activity_type t on t.id = a.type_id
                     where a.deleted_at is null and t.collective_prep = true""");
            case SIGNINS -> new Rows("s.person_id", """
                    from activity_signin s join activity a on a.id = s.activity_id
                     where a.deleted_at is null""");
            case SCHOOL_ACTIVITIES -> new Rows("a.institution_id",
                    "from activity a where a.deleted_at is null");
            default -> throw new IllegalArgumentException(metricId);
        };
        if (subjectIds.isEmpty() || periods.isEmpty()) {
            return new HashMap<>();
        }
        return PeriodBuckets.ofTimestamps("a.starts_at", periods).count(jdbc, rows.subject(), rows.fromWhere(), subjectIds,
                Map.of(), SCHOOL_ACTIVITIES.equals(metricId) ? PeriodBuckets.INSTITUTION_LOOKUP_LIMIT : PeriodBuckets.LOOKUP_LIMIT);
    }

    /** What a metric counts: the subject column and the from clause with its conditions. */
    private record Rows(String subject, String fromWhere) {
    }
}
