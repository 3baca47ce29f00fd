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

    private final List<EvidenceSource> evidenceSources;
    private final List<PeopleSource> peopleSources;

    public Metrics(List<MetricSource> sources) {
        this(sources, List.of(), List.of());
    }

    public Metrics(List<MetricSource> sources, List<EvidenceSource> evidenceSources) {
        this(sources, evidenceSources, List.of());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public Metrics(List<MetricSource> sources, List<EvidenceSource> evidenceSources, List<PeopleSource> peopleSources) {
        this.evidenceSources = List.copyOf(evidenceSources);
        this.peopleSources = List.copyOf(peopleSources);
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

    /**
     * Counts per subject per period (see {@link MetricSource#countPerPeriod}): every subject asked for is in the
     * answer, with an array of one count per period (0 where there were no records). The periods must be in order and
     * must not overlap; gaps between them are allowed (the first teaching week of each month).
     */
    public Map<Long, long[]> countPerPeriod(String metricId, List<DateSpan> periods, Collection<Long> subjectIds) {
        definition(metricId);
        PeriodBuckets.requireOrderedAndDisjoint(periods);
        Map<Long, long[]> out = new HashMap<>();
        subjectIds.forEach(id -> out.put(id, new long[periods.size()]));
        if (!subjectIds.isEmpty() && !periods.isEmpty()) {
            sourceById.get(metricId).countPerPeriod(metricId, periods, subjectIds).forEach((id, counts) -> {
                long[] row = out.get(id);
                if (row != null) {
                    System.arraycopy(counts, 0, row, 0, Math.min(counts.length, row.length));
                }
            });
        }
        return out;
    }

    /** Whether some module publishes the metric (a rule template on an unpublished metric cannot be switched on). */
    public boolean published(String metricId) {
        return definitionById.containsKey(metricId);
    }

    /** The records behind a count, when the publishing module lists them (empty optional when it does not). */
    public java.util.Optional<List<Evidence>> evidence(String metricId, DateSpan period, long subjectId) {
        definition(metricId);
        return evidenceSources.stream().filter(s -> s.lists(metricId)).findFirst()
                .map(s -> s.evidence(metricId, period, subjectId));
    }

    /**
     * The people of a set (see {@link PeopleSource}) in the institutions on the day; empty when no module answers the
     * set (the module is not part of this installation).
     */
    public java.util.Set<Long> people(String setId, Collection<Long> institutionIds, LocalDate day) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        if (!institutionIds.isEmpty()) {
            peopleSources.stream().filter(s -> s.sets().contains(setId))
                    .forEach(s -> out.addAll(s.people(setId, institutionIds, day)));
        }
        return out;
    }
}
