package org.jiaoyan.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jiaoyan.shared.ChineseDates;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting used by templates as ${@fmt.date(d)}: 2026年9月1日 in Chinese, Sep 1, 2026 in English. */
@Component("fmt")
public class Fmt {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", java.util.Locale.ENGLISH);

    public String date(@Nullable LocalDate d) {
        if (d == null) {
            return "";
        }
        return english() ? EN_DATE.format(d) : ChineseDates.date(d);
    }

    /** A date known only to its month (出生年月 1985.03) as 1985年3月, otherwise as {@link #date(LocalDate)}. */
    public String date(@Nullable LocalDate d, boolean monthOnly) {
        return monthOnly ? month(d) : date(d);
    }

    public String dateTime(@Nullable LocalDateTime t) {
        if (t == null) {
            return "";
        }
        return english() ? EN_DATE_TIME.format(t) : ChineseDates.dateTime(t);
    }

    public String month(@Nullable LocalDate d) {
        return d == null ? "" : english() ? d.getYear() + "-" + d.getMonthValue() : ChineseDates.month(d);
    }

    /** ISO form for date inputs. */
    public String iso(@Nullable LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
