package org.jiaoyan.notify;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Hours in which a person's e-mail waits (the inbox does not): from start (inclusive) to end (exclusive); a start
 * after the end spans midnight (22:00–07:00).
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need a start different from the end");
        }
    }

    public boolean contains(LocalTime t) {
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /** When e-mail may go out: {@code at} itself, or the end of the quiet hours it falls in. */
    public LocalDateTime nextAllowed(LocalDateTime at) {
        if (!contains(at.toLocalTime())) {
            return at;
        }
        LocalDateTime sameDay = at.toLocalDate().atTime(end);
        return sameDay.isAfter(at) ? sameDay : sameDay.plusDays(1);
    }
}
