package org.jiaoyan.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
        return loosenings(base).isEmpty();
    }

    /**
     * Where this spec asks less than {@code base}: the same metric and period; the counts it accepts within those the
     * base accepts (≥ 2 or = 2 under ≥ 1; 1—2 under ≤ 3); at least the base's subjects (all teachers cover teachers
     * under 40, under 45 covers under 40, more titles cover fewer); valid at least as long. The reminder may differ.
     */
    public List<Loosening> loosenings(RuleSpec base) {
        List<Loosening> out = new ArrayList<>();
        if (!metricId.equals(base.metricId)) {
            out.add(Loosening.METRIC);
        }
        if (periodKind != base.periodKind) {
            out.add(Loosening.PERIOD);
        } else if (periodKind == PeriodKind.CUSTOM
                && (!Objects.equals(customFrom, base.customFrom) || !Objects.equals(customTo, base.customTo))) {
            out.add(Loosening.CUSTOM_RANGE);
        }
        if (low() < base.low()) {
            out.add(Loosening.THRESHOLD_LOWER);
        }
        if (high() > base.high()) {
            out.add(switch (comparison) {
                case AT_LEAST -> Loosening.UPPER_BOUND_DROPPED;
                case BETWEEN -> Loosening.RANGE_HIGHER;
                default -> Loosening.THRESHOLD_HIGHER;
            });
        }
        if (!covers(base)) {
            out.add(filter == base.filter ? Loosening.SUBJECT_VALUE : Loosening.SUBJECTS);
        }
        if (validFrom != null && (base.validFrom == null || validFrom.isAfter(base.validFrom))) {
            out.add(Loosening.VALID_FROM);
        }
        if (validTo != null && (base.validTo == null || validTo.isBefore(base.validTo))) {
            out.add(Loosening.VALID_TO);
        }
        return out;
    }

    /** The smallest count this spec accepts. */
    private long low() {
        return comparison == Comparison.AT_MOST ? 0 : threshold;
    }

    /** The largest count this spec accepts (unbounded for "at least"). */
    private long high() {
        return switch (comparison) {
            case AT_LEAST -> Long.MAX_VALUE;
            case AT_MOST, EXACTLY -> threshold;
            case BETWEEN -> thresholdHigh == null ? threshold : thresholdHigh;
        };
    }

    /** Whether this spec's subjects include all of the base's. */
    private boolean covers(RuleSpec base) {
        if (filter != base.filter) {
            return filter == SubjectFilter.ALL_TEACHERS && base.filter.kind() == org.jiaoyan.metrics.SubjectKind.TEACHER;
        }
        return switch (filter) {
            case UNDER_AGE, SERVICE_UNDER -> number(filterValue) >= number(base.filterValue);
            case TITLE, HONOUR, LIST_PEOPLE, LIST_UNITS -> values(filterValue).containsAll(values(base.filterValue));
            case GROUPS -> values(filterValue).equals(values(base.filterValue));
            default -> true;
        };
    }

    private static int number(@Nullable String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A comma (or space) separated value as a set: "T1, T2" → {T1, T2}. */
    static Set<String> values(@Nullable String value) {
        return value == null ? Set.of() : Arrays.stream(value.split("[,，\\s]+")).map(String::strip)
                .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }
}
