package org.jiaoyan.metrics;

import java.util.List;

/**
 * Lists the records behind a metric's count for one subject in one period (the drill-down of a matrix cell).
 * Implemented next to a {@link MetricSource}; at most 200 records, newest last.
 */
public interface EvidenceSource {

    boolean lists(String metricId);

    List<Evidence> evidence(String metricId, DateSpan period, long subjectId);
}
