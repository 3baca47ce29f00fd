package org.jiaoyan.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** What the quality lists filter by: one department, one month (both optional). */
public record QualityFilter(@Nullable Long unitId, @Nullable YearMonth month) {

    public @Nullable LocalDate from() {
        return month == null ? null : month.atDay(1);
    }

    public @Nullable LocalDate to() {
        return month == null ? null : month.atEndOfMonth();
    }

    /** "2026-11" for the month input, empty when no month is chosen. */
    public String monthValue() {
        return month == null ? "" : month.toString();
    }

    /** Reads "2026-11"; anything else means no month filter. */
    public static @Nullable YearMonth parseMonth(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
