package org.jiaoyan.profile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jiaoyan.shared.ChineseDates;
import org.springframework.context.MessageSource;

/** Message texts and dates of one locale, for the profile's cells and the portfolio. */
record Words(MessageSource messages, Locale locale) {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** 2026年9月1日, or Sep 1, 2026 in English. */
    String date(LocalDate d) {
        return english() ? EN_DATE.format(d) : ChineseDates.date(d);
    }

    /** 2008年9月 for a date known only to its month, otherwise as {@link #date(LocalDate)}. */
    String date(LocalDate d, boolean monthOnly) {
        if (!monthOnly) {
            return date(d);
        }
        return english() ? d.getYear() + "-" + d.getMonthValue() : ChineseDates.month(d);
    }

    /** 2026—2027学年 (years as text, so that no digit grouping creeps in). */
    String schoolYear(int year) {
        return text("growth.schoolYear", String.valueOf(year), String.valueOf(year + 1));
    }

    /** 2026—2027学年第一学期 */
    String term(int schoolYear, int semester) {
        return text("growth.term", String.valueOf(schoolYear), String.valueOf(schoolYear + 1), semester);
    }
}
