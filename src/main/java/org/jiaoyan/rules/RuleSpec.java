package org.jiaoyan.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a rule checks, as one version: the metric, its subjects, the period, the comparison, when to remind (days
 * before a period closes) and when the rule applies at all (valid from / to, open ends allowed).
 */
public record RuleSpec(String metricId, SubjectFilter filter, @Nullable String filterValue, PeriodKind periodKind,
                       @Nullable LocalDate customFrom, @Nullable LocalDate customTo, Comparison comparison,
                       int threshold, @Nullable Integer thresholdHigh, int remindDays,
                       @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {

    /** Whether this spec asks at least as much as {@code base} (a school may tighten a county rule, not loosen it). */
    public boolean atLeastAsStrictAs(RuleSpec base) {
        if (!metricId.equals(base.metricId) || periodKind != base.periodKind || comparison != base.comparison) {
            return false;
        }
        return switch (comparison) {
            case AT_LEAST -> threshold >= base.threshold;
            case AT_MOST -> threshold <= base.threshold;
            case EXACTLY -> threshold == base.threshold;
            case BETWEEN -> threshold >= base.threshold
                    && (thresholdHigh == null ? threshold : thresholdHigh)
                    <= (base.thresholdHigh == null ? base.threshold : base.thresholdHigh);
        };
    }
}
