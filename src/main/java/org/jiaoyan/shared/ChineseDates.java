package org.jiaoyan.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Dates the way Chinese offices write them (2026年9月1日) and the age / years-of-service arithmetic rules rely on. */
public final class ChineseDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

    private ChineseDates() {
    }

    public static String date(@Nullable LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    public static String dateTime(@Nullable LocalDateTime t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    public static String month(@Nullable LocalDate d) {
        return d == null ? "" : MONTH.format(d);
    }

    /** Full years between from and on (周岁 / 教龄); null when from is unknown. */
    public static @Nullable Integer fullYears(@Nullable LocalDate from, LocalDate on) {
        if (from == null || from.isAfter(on)) {
            return null;
        }
        return Period.between(from, on).getYears();
    }
}
