package org.jiaoyan.metrics;

import java.time.LocalDate;

/** Days from {@code from} to {@code to}, both included: one period of a rule (a week, a month, a term …). */
public record DateSpan(LocalDate from, LocalDate to) {

    public DateSpan {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " – " + to);
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
