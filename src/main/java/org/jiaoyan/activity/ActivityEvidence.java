package org.jiaoyan.activity;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Evidence;
import org.jiaoyan.metrics.EvidenceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activities behind an activity metric's count (the drill-down of a compliance cell): a group's sessions or
 * collective preparations, the activities a teacher signed into, a school's activities — each with its title and page,
 * by start time. Same conditions as {@link ActivityMetrics}; no data scope (the caller has checked the cell).
 */
@Component
@Transactional(readOnly = true)
class ActivityEvidence implements EvidenceSource {

    static final int MAX = 200;

    private static final Set<String> LISTED = Set.of(ActivityMetrics.GROUP_SESSIONS, ActivityMetrics.COLLECTIVE_PREP,
            ActivityMetrics.SIGNINS, ActivityMetrics.SCHOOL_ACTIVITIES);

    private final JdbcClient jdbc;

    ActivityEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean lists(String metricId) {
        return LISTED.contains(metricId);
    }

    @Override
    public List<Evidence> evidence(String metricId, DateSpan period, long subjectId) {
        String where = switch (metricId) {
            case ActivityMetrics.GROUP_SESSIONS -> "a.organiser_unit_id = :subject";
            case ActivityMetrics.COLLECTIVE_PREP -> """
                    a.organiser_unit_id = :subject
                    and exists (select 1 from activity_type t where t.id = a.type_id and t.collective_prep = true)""";
            case ActivityMetrics.SIGNINS ->
                    "exists (select 1 from activity_signin s where s.activity_id = a.id and s.person_id = :subject)";
            case ActivityMetrics.SCHOOL_ACTIVITIES -> "a.institution_id = :subject";
            default -> throw new IllegalArgumentException("unknown metric " + metricId);
        };
        return jdbc.sql("select a.id, a.title, a.starts_at from activity a where a.deleted_at is null and " + where
                        + " and a.starts_at >= :from and a.starts_at < :to order by a.starts_at, a.id limit " + MAX)
                .param("subject", subjectId).param("from", period.from().atStartOfDay())
                .param("to", period.to().plusDays(1).atStartOfDay())
                .query((rs, i) -> new Evidence(rs.getObject(3, LocalDateTime.class).toLocalDate(), rs.getString(2),
                        "/activities/" + rs.getLong(1)))
                .list();
    }
}
