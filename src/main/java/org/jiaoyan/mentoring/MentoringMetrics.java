package org.jiaoyan.mentoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.MetricDefinition;
import org.jiaoyan.metrics.MetricSource;
import org.jiaoyan.metrics.PeriodBuckets;
import org.jiaoyan.metrics.SubjectKind;
import org.jiaoyan.observation.ObservationFacts;
import org.jiaoyan.observation.ObservedLesson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * mentoring.mutual-weeks: per pair, the Monday-to-Sunday weeks (teaching weeks) in the period in which the mentor
 * observed the apprentice and the apprentice observed the mentor. One query for the pairs, one for the lessons, also for
 * many periods at once.
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
        Map<Long, Long> out = new HashMap<>();
        if (to.isBefore(from)) {
            return out;
        }
        countPerPeriod(metricId, List.of(new DateSpan(from, to)), subjectIds).forEach((id, n) -> out.put(id, n[0]));
        return out;
    }

    /**
     * The pairs, then the lessons among their people over the whole range (two queries, whatever the number of
     * periods); each lesson goes to the period containing its day, and a week counts for a period when both
     * observations of that week fell in it.
     */
    @Override
    public Map<Long, long[]> countPerPeriod(String metricId, List<DateSpan> periods, Collection<Long> subjectIds) {
        if (!MUTUAL_WEEKS.equals(metricId)) {
            throw new IllegalArgumentException("unknown metric " + metricId);
        }
        Map<Long, long[]> out = new HashMap<>();
        if (subjectIds.isEmpty() || periods.isEmpty()) {
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
        if (pairs.isEmpty()) {
            return out;
        }
        Map<Direction, Set<Long>> weeks = new HashMap<>(); // who observed whom in which period → week numbers
        LocalDate origin = LocalDate.of(2000, 1, 3); // a Monday
        for (ObservedLesson l : observations.among(people, periods.get(0).from(), periods.get(periods.size() - 1).to())) {
            int period = PeriodBuckets.indexOf(periods, l.observedOn());
            if (period < 0) {
                continue; // in a gap between periods
            }
            LocalDate monday = l.observedOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.computeIfAbsent(new Direction(l.observerId(), l.teacherId(), period), k -> new HashSet<>())
                    .add(ChronoUnit.WEEKS.between(origin, monday));
        }
        pairs.forEach((id, p) -> {
            long[] counts = new long[periods.size()];
            for (int i = 0; i < counts.length; i++) {
                Set<Long> both = new HashSet<>(weeks.getOrDefault(new Direction(p[0], p[1], i), Set.of()));
                both.retainAll(weeks.getOrDefault(new Direction(p[1], p[0], i), Set.of()));
                counts[i] = both.size();
            }
            out.put(id, counts);
        });
        return out;
    }

    private record Direction(long observer, long teacher, int period) {
    }
}
