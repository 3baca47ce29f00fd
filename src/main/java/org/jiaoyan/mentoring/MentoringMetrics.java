package org.jiaoyan.mentoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.metrics.MetricDefinition;
import org.jiaoyan.metrics.MetricSource;
import org.jiaoyan.metrics.SubjectKind;
import org.jiaoyan.observation.ObservationFacts;
import org.jiaoyan.observation.ObservedLesson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * mentoring.mutual-weeks: per pair, the Monday-to-Sunday weeks (teaching weeks) in the period in which the mentor
 * observed the apprentice and the apprentice observed the mentor. One query for the pairs, one for the lessons.
 */
@Component
class MentoringMetrics implements MetricSource {

    static final String MUTUAL_WEEKS = "mentoring.mutual-weeks";

    private final JdbcClient jdbc;
    private final ObservationFacts observations;

    MentoringMetrics(JdbcClient jdbc, ObservationFacts observations) {
        this.jdbc = jdbc;
        this.observations = observations;
    }

    @Override
    public List<MetricDefinition> definitions() {
        return List.of(new MetricDefinition(MUTUAL_WEEKS, SubjectKind.PAIR, "metric.mentoring.mutual-weeks"));
    }

    @Override
    public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
        if (!MUTUAL_WEEKS.equals(metricId)) {
            throw new IllegalArgumentException("unknown metric " + metricId);
        }
        Map<Long, Long> out = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        Map<Long, long[]> pairs = new HashMap<>();
        Set<Long> people = new HashSet<>();
        jdbc.sql("select id, mentor_id, apprentice_id from mentor_pair where id in (:ids) and deleted_at is null")
                .param("ids", subjectIds).query(rs -> {
                    pairs.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    people.add(rs.getLong(2));
                    people.add(rs.getLong(3));
                });
        Map<String, Set<Long>> weeksByDirection = new HashMap<>(); // "observer:teacher" → week numbers
        LocalDate origin = LocalDate.of(2000, 1, 3); // a Monday
        for (ObservedLesson l : observations.among(people, from, to)) {
            LocalDate monday = l.observedOn().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            weeksByDirection.computeIfAbsent(l.observerId() + ":" + l.teacherId(), k -> new HashSet<>())
                    .add(ChronoUnit.WEEKS.between(origin, monday));
        }
        pairs.forEach((id, p) -> {
            Set<Long> both = new HashSet<>(weeksByDirection.getOrDefault(p[0] + ":" + p[1], Set.of()));
            both.retainAll(weeksByDirection.getOrDefault(p[1] + ":" + p[0], Set.of()));
            out.put(id, (long) both.size());
        });
        return out;
    }
}
