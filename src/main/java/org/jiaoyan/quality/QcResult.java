package org.jiaoyan.quality;

/** Outcome of a quality-control check: 合格, or 需整改 (findings, then the rectification). */
public enum QcResult {
    PASSED, NEEDS_FIX;

    public String messageKey() {
        return "quality.result." + name();
    }
}
