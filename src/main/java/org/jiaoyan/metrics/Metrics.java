package org.jiaoyan.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Every metric the modules publish, by id; the one door through which rules read evidence. */
@Service
public class Metrics {

    private final Map<String, MetricSource> sourceById = new HashMap<>();
    private final Map<String, MetricDefinition> definitionById = new HashMap<>();

    public Metrics(List<MetricSource> sources) {
        for (MetricSource source : sources) {
            for (MetricDefinition d : source.definitions()) {
                if (sourceById.putIfAbsent(d.id(), source) != null) {
                    throw new IllegalStateException("metric " + d.id() + " is published twice");
                }
                definitionById.put(d.id(), d);
            }
        }
    }

    public List<MetricDefinition> all() {
        return definitionById.values().stream().sorted(Comparator.comparing(MetricDefinition::id)).toList();
    }

    public MetricDefinition definition(String metricId) {
        MetricDefinition d = definitionById.get(metricId);
        if (d == null) {
            throw new IllegalArgumentException("unknown metric " + metricId);
        }
        return d;
    }

    /** Counts per subject; subjects without records count 0 and are present in the answer. */
    public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
        definition(metricId);
        Map<Long, Long> out = new HashMap<>();
        subjectIds.forEach(id -> out.put(id, 0L));
        if (!subjectIds.isEmpty()) {
            sourceById.get(metricId).count(metricId, from, to, subjectIds).forEach((id, n) -> {
                if (out.containsKey(id)) {
                    out.put(id, n);
                }
            });
        }
        return out;
    }
}
