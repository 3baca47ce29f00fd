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
}
