package org.jiaoyan.mentoring;

import java.util.List;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Evidence;
import org.jiaoyan.metrics.EvidenceSource;
import org.jiaoyan.observation.Observation;
import org.jiaoyan.observation.ObservationFacts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lessons behind a pair's mutual weeks (the drill-down of a compliance cell): every lesson the mentor observed of
 * the apprentice and the apprentice of the mentor in the period, by date, named 王丽 听 张明《秋天的雨》.
 */
@Component
@Transactional(readOnly = true)
class MentoringEvidence implements EvidenceSource {

    static final int MAX = 200;

    private final JdbcClient jdbc;
    private final ObservationFacts observations;
    private final MessageSource messages;

    MentoringEvidence(JdbcClient jdbc, ObservationFacts observations, MessageSource messages) {
        this.jdbc = jdbc;
        this.observations = observations;
        this.messages = messages;
    }

    @Override
    public boolean lists(String metricId) {
        return MentoringMetrics.MUTUAL_WEEKS.equals(metricId);
    }

    @Override
    public List<Evidence> evidence(String metricId, DateSpan period, long subjectId) {
        if (!lists(metricId)) {
            throw new IllegalArgumentException("unknown metric " + metricId);
        }
        var pair = jdbc.sql("select mentor_id, apprentice_id from mentor_pair where id = ? and deleted_at is null")
                .param(subjectId).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        if (pair.isEmpty()) {
            return List.of();
        }
        var locale = LocaleContextHolder.getLocale();
        return observations.between(pair.get()[0], pair.get()[1], period.from(), period.to(), MAX).stream()
                .map(l -> new Evidence(l.observedOn(), messages.getMessage("mentoring.evidence.lesson",
                        new Object[] {l.observerName(), Observation.label(l.teacherName(), l.topic())}, locale),
                        "/observations/" + l.id()))
                .toList();
    }
}
