package org.jiaoyan.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.org.SchoolTerm;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a date range into a rule's periods. Periods are whole (a month is the whole month, a week Monday to Sunday
 * clipped to its term), ordered and disjoint; those that touch the range are returned. Teaching weeks follow the
 * terms' numbering: a week whose school days (Monday–Friday inside the term) are all holidays is not a period.
 */
public final class RulePeriods {

    private RulePeriods() {
    }

    public static List<RulePeriod> between(PeriodKind kind, LocalDate from, LocalDate to, List<SchoolTerm> terms,
                                           @Nullable LocalDate customFrom, @Nullable LocalDate customTo) {
        List<SchoolTerm> sorted = terms.stream().sorted(Comparator.comparing(SchoolTerm::startDate)).toList();
        List<RulePeriod> out = new ArrayList<>();
        switch (kind) {
            case CALENDAR_WEEK -> {
                for (LocalDate m = monday(from); !m.isAfter(to); m = m.plusWeeks(1)) {
                    LocalDate sunday = m.plusDays(6);
                    out.add(new RulePeriod(new DateSpan(m, sunday), md(m) + "—" + md(sunday), m.getMonthValue() + "." + m.getDayOfMonth()));
                }
            }
            case MONTH -> {
                for (YearMonth ym = YearMonth.from(from); !ym.atDay(1).isAfter(to); ym = ym.plusMonths(1)) {
                    out.add(new RulePeriod(new DateSpan(ym.atDay(1), ym.atEndOfMonth()),
                            ym.getYear() + "年" + ym.getMonthValue() + "月", ym.getMonthValue() + "月"));
                }
            }
            case TERM -> {
                for (SchoolTerm t : sorted) {
                    if (overlaps(t.startDate(), t.endDate(), from, to)) {
                        out.add(new RulePeriod(new DateSpan(t.startDate(), t.endDate()), t.label(),
                                t.semester() == 1 ? "第一学期" : "第二学期"));
                    }
                }
            }
            case TEACHING_WEEK -> {
                for (SchoolTerm t : sorted) {
                    if (!overlaps(t.startDate(), t.endDate(), from, to)) {
                        continue;
                    }
                    for (int w = 1; w <= t.weekCount(); w++) {
                        DateSpan span = weekInTerm(t, w);
                        if (overlaps(span.from(), span.to(), from, to) && hasSchoolDay(t, span)) {
                            out.add(new RulePeriod(span, "第" + w + "周（" + md(span.from()) + "—" + md(span.to()) + "）",
                                    "第" + w + "周"));
                        }
                    }
                }
            }
            case FIRST_TEACHING_WEEK_OF_MONTH -> {
                for (YearMonth ym = YearMonth.from(from); !ym.atDay(1).isAfter(to); ym = ym.plusMonths(1)) {
                    var first = firstTeachingWeek(ym, sorted);
                    if (first.isPresent() && overlaps(first.get().from(), first.get().to(), from, to)) {
                        DateSpan span = first.get();
                        out.add(new RulePeriod(span, ym.getMonthValue() + "月第一个教学周（" + md(span.from()) + "—"
                                + md(span.to()) + "）", ym.getMonthValue() + "月首周"));
                    }
                }
            }
            case CUSTOM -> {
                if (customFrom != null && customTo != null && !customTo.isBefore(customFrom)
                        && overlaps(customFrom, customTo, from, to)) {
                    out.add(new RulePeriod(new DateSpan(customFrom, customTo), md(customFrom) + "—" + md(customTo),
                            md(customFrom)));
                }
            }
        }
        return out;
    }

    /** The period that contains the day, if the day is in one. */
    public static java.util.Optional<RulePeriod> containing(PeriodKind kind, LocalDate day, List<SchoolTerm> terms,
                                                            @Nullable LocalDate customFrom, @Nullable LocalDate customTo) {
        return between(kind, day, day, terms, customFrom, customTo).stream().filter(p -> p.span().contains(day)).findFirst();
    }

    private static java.util.Optional<DateSpan> firstTeachingWeek(YearMonth ym, List<SchoolTerm> terms) {
        for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
            for (SchoolTerm t : terms) {
                if (isSchoolDay(t, d)) {
                    Integer w = t.weekOf(d);
                    return java.util.Optional.of(weekInTerm(t, w == null ? 1 : w));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static DateSpan weekInTerm(SchoolTerm t, int week) {
        LocalDate start = t.weekStart(week);
        LocalDate end = start.plusDays(6);
        return new DateSpan(start.isBefore(t.startDate()) ? t.startDate() : start, end.isAfter(t.endDate()) ? t.endDate() : end);
    }

    private static boolean hasSchoolDay(SchoolTerm t, DateSpan span) {
        for (LocalDate d = span.from(); !d.isAfter(span.to()); d = d.plusDays(1)) {
            if (isSchoolDay(t, d)) {
                return true;
            }
        }
        return false;
    }

    static boolean isSchoolDay(SchoolTerm t, LocalDate d) {
        return t.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && t.holidayOn(d) == null;
    }

    private static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        return !aFrom.isAfter(bTo) && !aTo.isBefore(bFrom);
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String md(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
