package org.jiaoyan.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodBucketsTests {

    private static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);

    /** The first week of September and of October: a gap between them. */
    private final List<DateSpan> firstWeeks = List.of(new DateSpan(SEP_1, SEP_1.plusDays(6)),
            new DateSpan(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11)));

    @Test
    void theCaseExpressionBindsEveryBoundAndSplicesNoDate() {
        PeriodBuckets b = PeriodBuckets.ofDates("observed_on", firstWeeks);
        assertThat(b.indexExpression()).isEqualTo("case when observed_on >= :pb0s and observed_on < :pb0e then 0"
                + " when observed_on >= :pb1s and observed_on < :pb1e then 1 end");
        assertThat(b.withinAll()).isEqualTo("observed_on >= :pb0s and observed_on < :pb1e");
        assertThat(b.params()).containsEntry("pb0s", SEP_1).containsEntry("pb0e", LocalDate.of(2026, 9, 8))
                .containsEntry("pb1s", LocalDate.of(2026, 10, 5)).containsEntry("pb1e", LocalDate.of(2026, 10, 12));
        assertThat(b.indexExpression() + b.withinAll()).doesNotContain("2026");
    }

    @Test
    void timestampBoundsAreMidnightsAndTheEndIsTheDayAfterTheLastDay() {
        PeriodBuckets b = PeriodBuckets.ofTimestamps("a.starts_at", firstWeeks);
        assertThat(b.params()).containsEntry("pb0s", SEP_1.atStartOfDay())
                .containsEntry("pb0e", LocalDateTime.of(2026, 9, 8, 0, 0));
    }

    @Test
    void aDayIsInThePeriodThatContainsItAndInNoneInAGap() {
        assertThat(PeriodBuckets.indexOf(firstWeeks, SEP_1)).isZero();
        assertThat(PeriodBuckets.indexOf(firstWeeks, LocalDate.of(2026, 9, 7))).isZero();
        assertThat(PeriodBuckets.indexOf(firstWeeks, LocalDate.of(2026, 9, 8))).isEqualTo(-1);
        assertThat(PeriodBuckets.indexOf(firstWeeks, LocalDate.of(2026, 10, 11))).isEqualTo(1);
        assertThat(PeriodBuckets.indexOf(firstWeeks, LocalDate.of(2026, 8, 31))).isEqualTo(-1);
        assertThat(PeriodBuckets.indexOf(firstWeeks, LocalDate.of(2026, 10, 12))).isEqualTo(-1);
        assertThat(PeriodBuckets.indexOf(List.of(), SEP_1)).isEqualTo(-1);
    }

    @Test
    void overlappingOrUnorderedPeriodsAreRefused() {
        DateSpan september = new DateSpan(SEP_1, LocalDate.of(2026, 9, 30));
        DateSpan lastWeekOfSeptember = new DateSpan(LocalDate.of(2026, 9, 24), LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> PeriodBuckets.ofDates("d", List.of(september, lastWeekOfSeptember)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeriodBuckets.ofDates("d", List.of(firstWeeks.get(1), firstWeeks.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        Metrics metrics = new Metrics(List.of(new MetricSource() {
            @Override
            public List<MetricDefinition> definitions() {
                return List.of(new MetricDefinition("activity.group-sessions", SubjectKind.GROUP, "metric.x"));
            }

            @Override
            public Map<Long, Long> count(String metricId, LocalDate from, LocalDate to, Collection<Long> subjectIds) {
                return Map.of();
            }
        }));
        assertThatThrownBy(() -> metrics.countPerPeriod("activity.group-sessions", List.of(september, september), List.of(1L)))
                .hasMessageContaining("overlap");
    }
}
