package org.jiaoyan.org;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A term (学期) of a school year; teaching weeks count Monday-to-Sunday weeks, week 1 being the week that contains
 * the start date (教学周).
 */
public record SchoolTerm(long id, int schoolYear, int semester, LocalDate startDate, LocalDate endDate,
                         List<Holiday> holidays, int version) {

    /** 2026—2027学年第一学期 */
    public String label() {
        return schoolYear + "—" + (schoolYear + 1) + "学年" + (semester == 1 ? "第一学期" : "第二学期");
    }

    /** 2026-2027 Term 1 */
    public String labelEn() {
        return schoolYear + "-" + (schoolYear + 1) + " Term " + semester;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    /** Teaching week of a day inside the term, null outside it. */
    public @Nullable Integer weekOf(LocalDate day) {
        if (!contains(day)) {
            return null;
        }
        return (int) (ChronoUnit.DAYS.between(monday(startDate), monday(day)) / 7) + 1;
    }

    public int weekCount() {
        return (int) (ChronoUnit.DAYS.between(monday(startDate), monday(endDate)) / 7) + 1;
    }

    /** Monday of the given teaching week. */
    public LocalDate weekStart(int week) {
        return monday(startDate).plusWeeks(week - 1L);
    }

    public @Nullable Holiday holidayOn(LocalDate day) {
        return holidays.stream().filter(h -> !day.isBefore(h.startDate()) && !day.isAfter(h.endDate())).findFirst()
                .orElse(null);
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A holiday inside a term (国庆节 …). */
    public record Holiday(String name, LocalDate startDate, LocalDate endDate) {
    }
}
