package org.jiaoyan.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTests {

    /** Counts 2 for subject 7 whatever the period. */
    private static MetricSource source(String id) {
        return new MetricSource() {
            @Override
            public List<MetricDefinition> definitions() {
                return List.of(new MetricDefinition(id, SubjectKind.GROUP, "metric." + id));
            }

            @Override
            public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
                return Map.of(7L, 2L, 99L, 5L);
            }
        };
    }

    @Test
    void everySubjectAskedForIsAnsweredAndOthersAreDropped() {
        Metrics metrics = new Metrics(List.of(source("activity.group-sessions")));
        assertThat(metrics.count("activity.group-sessions", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 7), List.of(7L, 8L)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(7L, 2L, 8L, 0L));
        assertThat(metrics.all()).extracting(MetricDefinition::subject).containsExactly(SubjectKind.GROUP);
    }

    @Test
    void aMetricPublishedTwiceOrUnknownIsAnError() {
        assertThatThrownBy(() -> new Metrics(List.of(source("activity.group-sessions"), source("activity.group-sessions"))))
                .hasMessageContaining("published twice");
        assertThatThrownBy(() -> new Metrics(List.of()).count("nope.x", LocalDate.now(), LocalDate.now(), List.of(1L)))
                .hasMessageContaining("unknown metric");
        assertThatThrownBy(() -> new MetricDefinition("Bad Id", SubjectKind.TEACHER, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeopleSetIsAnsweredByItsModuleAndEmptyWithoutOne() {
        PeopleSource leads = new PeopleSource() {
            @Override
            public java.util.Set<String> sets() {
                return java.util.Set.of("research.personal-leads");
            }

            @Override
            public java.util.Set<Long> people(String setId, Collection<Long> institutionIds, LocalDate day) {
                return institutionIds.contains(9L) ? java.util.Set.of(3L, 4L) : java.util.Set.of();
            }
        };
        Metrics metrics = new Metrics(List.of(), List.of(), List.of(leads));
        assertThat(metrics.people("research.personal-leads", List.of(9L), LocalDate.of(2026, 9, 1))).containsExactlyInAnyOrder(3L, 4L);
        assertThat(metrics.people("research.personal-leads", List.of(), LocalDate.of(2026, 9, 1))).isEmpty();
        assertThat(metrics.people("other.set", List.of(9L), LocalDate.of(2026, 9, 1))).isEmpty();
        assertThat(new Metrics(List.of()).people("research.personal-leads", List.of(9L), LocalDate.of(2026, 9, 1)))
                .as("no research module: nobody, not an error").isEmpty();
    }
}
