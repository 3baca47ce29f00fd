package org.jiaoyan.research;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.rules.PeriodKind;
import org.jiaoyan.rules.RulePeriod;
import org.jiaoyan.rules.RulePeriods;
import org.jspecify.annotations.Nullable;

/**
 * 每月第一周: when a month's process material is due. The first week is the rules engine's own period
 * ({@link PeriodKind#FIRST_TEACHING_WEEK_OF_MONTH}: the teaching week holding the month's first school day), so the
 * board and the rule PROJECT_MATERIAL_FIRST_WEEK agree. A month without a school day (summer) has no first week and
 * nothing is due.
 */
public final class MaterialCalendar {

    private final Map<YearMonth, DateSpan> firstWeeks = new LinkedHashMap<>();

    private MaterialCalendar(List<SchoolTerm> terms, YearMonth from, YearMonth to) {
        for (YearMonth ym = from; !ym.isAfter(to); ym = ym.plusMonths(1)) {
            // the range is the month itself: the rules engine then answers that month's first week only
            List<RulePeriod> periods = RulePeriods.between(PeriodKind.FIRST_TEACHING_WEEK_OF_MONTH, ym.atDay(1),
                    ym.atEndOfMonth(), terms, null, null);
            if (!periods.isEmpty()) {
                firstWeeks.put(ym, periods.get(0).span());
            }
        }
    }

    public static MaterialCalendar of(List<SchoolTerm> terms, YearMonth from, YearMonth to) {
        return new MaterialCalendar(terms, from, to);
    }

    /** The month's first teaching week, null when the month has no school day. */
    public @Nullable DateSpan firstWeek(YearMonth month) {
        return firstWeeks.get(month);
    }

    /** Whether material for the month filed on the day is on time: by the end of the month's first teaching week. */
    public boolean onTime(YearMonth month, LocalDate filedOn) {
        DateSpan first = firstWeek(month);
        return first == null ? !filedOn.isAfter(month.atEndOfMonth()) : !filedOn.isAfter(first.to());
    }

    /** What a month's cell shows, from the earliest filing (null: none) and today. */
    public MonthState state(YearMonth month, @Nullable LocalDate firstFiled, LocalDate today) {
        DateSpan first = firstWeek(month);
        if (firstFiled != null) {
            return onTime(month, firstFiled) ? MonthState.ON_TIME : MonthState.LATE;
        }
        if (first == null) {
            return MonthState.FREE;
        }
        return today.isAfter(first.to()) ? MonthState.MISSING : MonthState.UPCOMING;
    }

    /** The months from one to another, both included. */
    public static List<YearMonth> months(YearMonth from, YearMonth to) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth ym = from; !ym.isAfter(to); ym = ym.plusMonths(1)) {
            out.add(ym);
        }
        return out;
    }

    /** The school year (September to August) holding the day: its first month. */
    public static YearMonth schoolYearStart(LocalDate day) {
        return YearMonth.of(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1, 9);
    }

    /** A month's state of process material (message key researchwork.state.*). */
    public enum MonthState {
        /** filed by the end of the first teaching week */
        ON_TIME,
        /** filed after it */
        LATE,
        /** the first week is over and nothing is filed */
        MISSING,
        /** the first week is not over yet */
        UPCOMING,
        /** no school day in the month (holidays): nothing due */
        FREE,
        /** outside the project's dates */
        NONE;

        public String messageKey() {
            return "researchwork.state." + name();
        }
    }
}
