package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.research.MaterialCalendar.MonthState;
import org.junit.jupiter.api.Test;

/**
 * 每月第一周 as the rules engine cuts it (the teaching week holding the month's first school day), on a term like the
 * demo's: 2026-09-01 (Tuesday) to 2027-01-22 with 国庆节 1–7 October.
 */
class MaterialCalendarTests {

    static final SchoolTerm AUTUMN = new SchoolTerm(1, 2026, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 22),
            List.of(new SchoolTerm.Holiday("国庆节", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7))), 0);
    static final MaterialCalendar CAL = MaterialCalendar.of(List.of(AUTUMN), YearMonth.of(2026, 8), YearMonth.of(2027, 1));

    @Test
    void aMonthStartingOnSundayIsDueAtTheEndOfTheWeekOfItsFirstMonday() {
        YearMonth november = YearMonth.of(2026, 11); // 1 November 2026 is a Sunday
        assertThat(CAL.firstWeek(november)).isEqualTo(new DateSpan(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8)));
        assertThat(CAL.onTime(november, LocalDate.of(2026, 11, 8))).isTrue();
        assertThat(CAL.onTime(november, LocalDate.of(2026, 11, 9))).isFalse();
    }

    @Test
    void aMonthStartingMidweekCountsTheWholeTeachingWeekFromItsMonday() {
        YearMonth december = YearMonth.of(2026, 12); // a Tuesday: the week of Monday 30 November
        assertThat(CAL.firstWeek(december)).isEqualTo(new DateSpan(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)));
        assertThat(CAL.onTime(december, LocalDate.of(2026, 12, 6))).isTrue();
        assertThat(CAL.onTime(december, LocalDate.of(2026, 12, 7))).isFalse();
    }

    @Test
    void holidaysPushTheFirstWeekAndAMonthWithoutSchoolDaysIsFree() {
        // 国庆节: the first school day is Thursday 8 October, in the week of Monday 5 October
        assertThat(CAL.firstWeek(YearMonth.of(2026, 10))).isEqualTo(new DateSpan(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11)));
        // the term's first week starts on its first day
        assertThat(CAL.firstWeek(YearMonth.of(2026, 9))).isEqualTo(new DateSpan(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 6)));
        assertThat(CAL.firstWeek(YearMonth.of(2026, 8))).isNull();
        assertThat(CAL.state(YearMonth.of(2026, 8), null, LocalDate.of(2026, 12, 1))).isEqualTo(MonthState.FREE);
    }

    @Test
    void aMonthIsMissingOnceItsFirstWeekIsOverAndUpcomingBefore() {
        YearMonth november = YearMonth.of(2026, 11);
        assertThat(CAL.state(november, null, LocalDate.of(2026, 11, 8))).isEqualTo(MonthState.UPCOMING);
        assertThat(CAL.state(november, null, LocalDate.of(2026, 11, 9))).isEqualTo(MonthState.MISSING);
        assertThat(CAL.state(november, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 12, 1))).isEqualTo(MonthState.ON_TIME);
        assertThat(CAL.state(november, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 1))).isEqualTo(MonthState.LATE);
    }
}
