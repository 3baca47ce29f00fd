package org.jiaoyan.rules;

import org.jspecify.annotations.Nullable;

/** ≥, ≤, =, between (message key rule.comparison.*). */
public enum Comparison {
    AT_LEAST, AT_MOST, EXACTLY, BETWEEN;

    public boolean test(long count, int threshold, @Nullable Integer high) {
        return switch (this) {
            case AT_LEAST -> count >= threshold;
            case AT_MOST -> count <= threshold;
            case EXACTLY -> count == threshold;
            case BETWEEN -> count >= threshold && count <= (high == null ? threshold : high);
        };
    }

    /** Whether more records in the rest of an open period can still change a failing count into a met one. */
    public boolean canStillBeMet(long count, int threshold, @Nullable Integer high) {
        return switch (this) {
            case AT_LEAST -> true;
            case AT_MOST -> count <= threshold;
            case EXACTLY -> count <= threshold;
            case BETWEEN -> count <= (high == null ? threshold : high);
        };
    }

    /** How many more records would meet it (0 when met or when more cannot help). */
    public long missing(long count, int threshold) {
        return this == AT_MOST ? 0 : Math.max(0, threshold - count);
    }
}
