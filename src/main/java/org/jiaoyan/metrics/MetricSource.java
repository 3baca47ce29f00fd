package org.jiaoyan.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Implemented by a module that produces evidence (activities, observations, mentoring …). Counts come from one grouped
 * query per call; they run as the system (the rules engine evaluates a whole school), so no data scope applies here.
 */
public interface MetricSource {

    List<MetricDefinition> definitions();

    /**
     * How many records of the metric each subject has between from and to (both days included). Only the subjects
     * asked for are answered; a subject without records may be missing from the map (count 0).
     */
    Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds);

    /**
     * Counts per subject for each of the periods (disjoint, in order, gaps allowed): the answer's array for a subject
     * has one count per period, at the period's index, each equal to what {@link #count} answers for that period.
     * Sources answer it in one grouped query for all periods (a compliance matrix is one call; {@link PeriodBuckets}
     * builds the SQL); this default asks {@link #count} once per period.
     */
    default Map<Long, long[]> countPerPeriod(String metricId, List<DateSpan> periods, Collection<Long> subjectIds) {
        Map<Long, long[]> out = new java.util.HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            DateSpan p = periods.get(i);
            int index = i;
            count(metricId, p.from(), p.to(), subjectIds)
                    .forEach((id, n) -> out.computeIfAbsent(id, k -> new long[periods.size()])[index] = n);
        }
        return out;
    }
}
