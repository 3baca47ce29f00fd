package org.jiaoyan.observation;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Evidence;
import org.jiaoyan.metrics.EvidenceSource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The observations behind an observation metric's count, named as the observation pages name them: for the observer
 * 《课题》 执教：王丽, for the observed teacher 《课题》 听课：李明, for a school both; by date. Same conditions as
 * {@link ObservationMetrics}; no data scope (the caller has checked the cell) and no scores.
 */
@Component
@Transactional(readOnly = true)
class ObservationEvidence implements EvidenceSource {

    static final int MAX = 200;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ObservationEvidence(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public boolean lists(String metricId) {
        return switch (metricId) {
            case ObservationMetrics.BY_OBSERVER, ObservationMetrics.OF_TEACHER, ObservationMetrics.IN_SCHOOL,
                 ObservationMetrics.OPEN_LESSONS -> true;
            default -> false;
        };
    }

    @Override
    public List<Evidence> evidence(String metricId, DateSpan period, long subjectId) {
        if (ObservationMetrics.OPEN_LESSONS.equals(metricId)) {
            return openLessons(period, subjectId);
        }
        String column = switch (metricId) {
            case ObservationMetrics.BY_OBSERVER -> "o.observer_id";
            case ObservationMetrics.OF_TEACHER -> "o.teacher_id";
            case ObservationMetrics.IN_SCHOOL -> "o.institution_id";
            default -> throw new IllegalArgumentException("unknown metric " + metricId);
        };
        var locale = LocaleContextHolder.getLocale();
        return jdbc.sql("""
                        select o.id, o.observed_on, o.topic, t.name as teacher, b.name as observer
                          from observation o join person t on t.id = o.teacher_id join person b on b.id = o.observer_id
                         where o.deleted_at is null and %s = :subject and o.observed_on between :from and :to
                         order by o.observed_on, o.id limit %d""".formatted(column, MAX))
                .param("subject", subjectId).param("from", period.from()).param("to", period.to())
                .query((rs, i) -> {
                    // the topic in 《》 once, as Observation.label writes it after the teacher's name
                    String topic = Observation.label("", rs.getString("topic"));
                    String title = switch (metricId) {
                        case ObservationMetrics.BY_OBSERVER -> messages.getMessage("observation.evidence.taught",
                                new Object[] {topic, rs.getString("teacher")}, locale);
                        case ObservationMetrics.OF_TEACHER -> messages.getMessage("observation.evidence.observed",
                                new Object[] {topic, rs.getString("observer")}, locale);
                        default -> messages.getMessage("observation.evidence.inSchool",
                                new Object[] {topic, rs.getString("teacher"), rs.getString("observer")}, locale);
                    };
                    return new Evidence(rs.getObject("observed_on", LocalDate.class), title, "/observations/" + rs.getLong("id"));
                })
                .list();
    }

    /** One line per open lesson (day and topic), linked to its first observation, with the lesson type. */
    private List<Evidence> openLessons(DateSpan period, long subjectId) {
        var locale = LocaleContextHolder.getLocale();
        return jdbc.sql("""
                        select min(o.id) as id, o.observed_on, o.topic, min(o.lesson_type) as lesson_type, count(*) as observers
                          from observation o
                         where o.deleted_at is null and o.lesson_type in (:open) and o.teacher_id = :subject
                           and o.observed_on between :from and :to
                         group by o.observed_on, o.topic order by o.observed_on, min(o.id) limit %d""".formatted(MAX))
                .param("open", ObservationMetrics.openTypes()).param("subject", subjectId)
                .param("from", period.from()).param("to", period.to())
                .query((rs, i) -> new Evidence(rs.getObject("observed_on", LocalDate.class),
                        messages.getMessage("observation.evidence.openLesson", new Object[] {
                                Observation.label("", rs.getString("topic")),
                                messages.getMessage(LessonType.valueOf(rs.getString("lesson_type")).messageKey(), null, locale),
                                rs.getLong("observers")}, locale),
                        "/observations/" + rs.getLong("id")))
                .list();
    }
}
