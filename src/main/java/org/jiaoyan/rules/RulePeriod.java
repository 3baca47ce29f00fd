package org.jiaoyan.rules;

import org.jiaoyan.metrics.DateSpan;

/** One period of a rule: its days and how the office names it (第3周, 2026年10月, 10月第一个教学周 …). */
public record RulePeriod(DateSpan span, String label, String shortLabel) {
}
