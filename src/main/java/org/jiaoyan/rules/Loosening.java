package org.jiaoyan.rules;

/**
 * Where a school's version of a county rule would ask less than the county (a school may tighten a county rule,
 * never loosen it). Each names the editor's field it is shown at; message key rule.tighten.* with the county's
 * requirement as arguments (see {@link RuleWords#countyTerms}).
 */
public enum Loosening {
    /** another metric: 统计内容须与县规定相同 */
    METRIC("metricId"),
    /** another period, e.g. a month instead of a teaching week */
    PERIOD("periodKind"),
    /** the same custom period kind over other dates */
    CUSTOM_RANGE("customFrom"),
    /** a lower minimum (≥ 0 instead of ≥ 1), or a range starting lower */
    THRESHOLD_LOWER("threshold"),
    /** a higher maximum (≤ 5 instead of ≤ 3) */
    THRESHOLD_HIGHER("threshold"),
    /** a range whose upper end is above the county's maximum */
    RANGE_HIGHER("thresholdHigh"),
    /** "at least" where the county also sets a maximum (≤ 3, = 2, 1—2) */
    UPPER_BOUND_DROPPED("comparison"),
    /** fewer subjects: another filter that is not a superset (teachers under 40 instead of all teachers) */
    SUBJECTS("filter"),
    /** the same filter with a narrower value (under 35 instead of under 40, fewer titles) */
    SUBJECT_VALUE("filterValue"),
    /** starts applying later than the county's rule */
    VALID_FROM("validFrom"),
    /** stops applying earlier than the county's rule */
    VALID_TO("validTo");

    private final String field;

    Loosening(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return "rule.tighten." + name();
    }
}
