package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.org.SchoolTerm;
import org.junit.jupiter.api.Test;

class RulePeriodsTests {

    // 2026-09-01 is a Tuesday; 国庆 10.1–10.7 fills the week of Monday 10.5 except nothing else; term ends 2027-01-22 (Fri)
    private static final SchoolTerm TERM = new SchoolTerm(1, 2026, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 22),
            List.of(new SchoolTerm.Holiday("国庆节", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 9))), 0);
    private static final List<SchoolTerm> TERMS = List.of(TERM);

    private static List<RulePeriod> periods(PeriodKind kind, String from, String to) {
        return RulePeriods.between(kind, LocalDate.parse(from), LocalDate.parse(to), TERMS, null, null);
    }

    @Test
    void teachingWeekOneStartsOnTheTermsFirstDayAndTheLastEndsOnItsLastDay() {
        List<RulePeriod> weeks = periods(PeriodKind.TEACHING_WEEK, "2026-08-01", "2027-02-28");
        assertThat(weeks.get(0).span()).isEqualTo(new DateSpan(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 6)));
        assertThat(weeks.get(0).shortLabel()).isEqualTo("第1周");
        RulePeriod last = weeks.get(weeks.size() - 1);
        assertThat(last.span()).isEqualTo(new DateSpan(LocalDate.of(2027, 1, 18), LocalDate.of(2027, 1, 22)));
        assertThat(last.shortLabel()).isEqualTo("第21周");
    }

    @Test
    void aTeachingWeekAcrossAMonthEndIsOnePeriod() {
        List<RulePeriod> weeks = periods(PeriodKind.TEACHING_WEEK, "2026-09-28", "2026-09-30");
        assertThat(weeks).hasSize(1);
        assertThat(weeks.get(0).span()).isEqualTo(new DateSpan(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 4)));
        assertThat(weeks.get(0).shortLabel()).isEqualTo("第5周");
    }

    @Test
    void aWeekWhoseSchoolDaysAreAllHolidaysIsSkippedAndTheNumberingGoesOn() {
        List<RulePeriod> weeks = periods(PeriodKind.TEACHING_WEEK, "2026-09-28", "2026-10-18");
        assertThat(weeks).extracting(RulePeriod::shortLabel).containsExactly("第5周", "第7周");
    }

    @Test
    void theFirstTeachingWeekOfAMonthHoldsItsFirstSchoolDay() {
        List<RulePeriod> firsts = periods(PeriodKind.FIRST_TEACHING_WEEK_OF_MONTH, "2026-09-01", "2026-12-31");
        assertThat(firsts).extracting(RulePeriod::span).containsExactly(
                new DateSpan(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 6)),    // Tuesday 9.1, the term's first day
                new DateSpan(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 18)), // 10.1–10.9 are holidays
                new DateSpan(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8)),  // 11.1 is a Sunday
                new DateSpan(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6))); // Tuesday 12.1 is in the week of 11.30
        assertThat(firsts.get(1).label()).startsWith("10月第一个教学周");
    }

    @Test
    void monthsAreWholeAndTheTermIsOnePeriod() {
        assertThat(periods(PeriodKind.MONTH, "2026-09-15", "2026-11-02")).extracting(RulePeriod::span).containsExactly(
                new DateSpan(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)),
                new DateSpan(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                new DateSpan(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertThat(periods(PeriodKind.TERM, "2026-12-01", "2026-12-01")).extracting(RulePeriod::label)
                .containsExactly("2026—2027学年第一学期");
        assertThat(periods(PeriodKind.TERM, "2027-03-01", "2027-03-31")).isEmpty();
    }

    @Test
    void calendarWeeksRunMondayToSundayOutsideTermsToo() {
        List<RulePeriod> weeks = periods(PeriodKind.CALENDAR_WEEK, "2026-08-30", "2026-09-01");
        assertThat(weeks).extracting(RulePeriod::span).containsExactly(
                new DateSpan(LocalDate.of(2026, 8, 24), LocalDate.of(2026, 8, 30)),
                new DateSpan(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 6)));
    }

    @Test
    void aCustomRangeIsOnePeriodWhenItTouchesTheRange() {
        assertThat(RulePeriods.between(PeriodKind.CUSTOM, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), TERMS,
                LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 20))).extracting(RulePeriod::span)
                .containsExactly(new DateSpan(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 20)));
        assertThat(RulePeriods.between(PeriodKind.CUSTOM, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), TERMS,
                LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 20))).isEmpty();
    }
}
