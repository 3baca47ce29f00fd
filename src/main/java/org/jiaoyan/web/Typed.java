package org.jiaoyan.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Form values as typed (request parameters bound as text), turned into what the services take: a malformed date is
 * refused at its field instead of being taken as "no date".
 */
public final class Typed {

    private Typed() {
    }

    /** A number; blank or not a number → null (the service says the field is required or not found). */
    public static @Nullable Long parseLong(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A non-number is passed on as NaN so that the service refuses it at the field. */
    public static @Nullable Double parseDouble(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A day (2026-09-01); blank → null; anything else is refused at the field rather than taken as "no date". */
    public static @Nullable LocalDate date(String field, @Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "validation.date");
        }
    }

    /** An enum constant by name (any case, spaces trimmed); blank or unknown → null (a filter meaning "any"). */
    public static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
