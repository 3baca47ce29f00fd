package org.jiaoyan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;

/** The times people type into an item (the form, the import preview) and what they mean in a term. */
class ScheduleTimeTests {

    /** 2026—2027学年第一学期: Tuesday 1 September to Friday 22 January; week 1 starts Monday 31 August. */
    private static final SchoolTerm FIRST = new SchoolTerm(1, 2026, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 22),
            List.of(), 0);

    private static ScheduleTime parse(String text) {
        return ScheduleTime.parse(text, FIRST);
    }

    @Test
    void monthsAreReadInArabicAndChineseNumeralsWithRangesAndLists() {
        assertThat(parse("9月").months()).containsExactly(9);
        assertThat(parse("九月份").months()).containsExactly(9);
        assertThat(parse("元月").months()).containsExactly(1);
        assertThat(parse("9—12月").months()).containsExactly(9, 10, 11, 12);
        assertThat(parse("9-12").months()).containsExactly(9, 10, 11, 12);
        assertThat(parse("10、12月").months()).containsExactly(10, 12);
        assertThat(parse("１０月").months()).containsExactly(10);
    }

    @Test
    void aRangeOverTheNewYearRunsThroughDecemberInTermOrder() {
        ScheduleTime t = parse("11—1月");
        assertThat(t.months()).containsExactly(11, 12, 1);
        assertThat(t.resolve(FIRST)).isEqualTo(new ScheduleTime.Period(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 22)));
        assertThat(t.label()).isEqualTo("11—1月");
    }

    @Test
    void teachingWeeksResolveToMondayToSundayOfTheTerm() {
        ScheduleTime t = parse("第1—2周");
        assertThat(t.kind()).isEqualTo(TimeKind.WEEKS);
        assertThat(t.weeks()).containsExactly(1, 2);
        // week 1 starts on the Monday before the first day; the period is clipped to the term
        assertThat(t.resolve(FIRST)).isEqualTo(new ScheduleTime.Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 13)));
        assertThat(parse("第一周").weeks()).containsExactly(1);
        assertThat(parse("3周").weeks()).containsExactly(3);
        assertThat(parse("第3周").label()).isEqualTo("第3周");
    }

    @Test
    void datesTakeTheirYearFromTheTerm() {
        ScheduleTime t = parse("12.28—1.3");
        assertThat(t.kind()).isEqualTo(TimeKind.DATES);
        assertThat(t.start()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(t.end()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(parse("2026年9月10日").start()).isEqualTo(LocalDate.of(2026, 9, 10));
        assertThat(parse("9月1日—5日").end()).isEqualTo(LocalDate.of(2026, 9, 5));
        assertThat(parse("9.1—9.5").label()).isEqualTo("9月1日—9月5日");
    }

    @Test
    void weeklyAndMonthlyRunTheWholeTerm() {
        assertThat(parse("每周").kind()).isEqualTo(TimeKind.WEEKLY);
        assertThat(parse("每月").resolve(FIRST)).isEqualTo(new ScheduleTime.Period(FIRST.startDate(), FIRST.endDate()));
    }

    @Test
    void unreadableTextAndTimesOutsideTheTermAreFieldErrors() {
        assertThatThrownBy(() -> parse("下个月")).isInstanceOf(ValidationException.class)
                .hasMessage("plan.time.invalid");
        assertThatThrownBy(() -> parse("13月")).hasMessage("plan.time.invalid");
        assertThatThrownBy(() -> parse("3月")).hasMessage("plan.time.outsideTerm");
        assertThatThrownBy(() -> parse("第30周")).hasMessage("plan.time.outsideTerm");
        assertThatThrownBy(() -> parse("2026.8.1")).hasMessage("plan.time.outsideTerm");
        assertThatThrownBy(() -> parse(" ")).hasMessage("validation.required");
        assertThatThrownBy(() -> parse("9.5—9.1")).hasMessage("plan.time.invalid");
    }

    @Test
    void statusFollowsStateRecordsAndDates() {
        LocalDate start = LocalDate.of(2026, 10, 1);
        LocalDate end = LocalDate.of(2026, 10, 31);
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.NONE, 0, 1, 1, 0, false, start, end, LocalDate.of(2026, 9, 30)))
                .isEqualTo(ItemStatus.NOT_STARTED);
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.NONE, 0, 1, 1, 0, false, start, end, end)).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.NONE, 0, 1, 1, 0, false, start, end, end.plusDays(1)))
                .isEqualTo(ItemStatus.OVERDUE);
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.ACTIVITY, 1, 1, 1, 0, false, start, end, end.plusDays(1)))
                .isEqualTo(ItemStatus.DONE);
        // 人人过关: done only when every participant passed
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.PASS_EACH, 5, 6, 1, 0, false, start, end, end))
                .isEqualTo(ItemStatus.IN_PROGRESS);
        // a weekly item with records runs on until the term ends
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.ACTIVITY, 3, 1, 1, 0, true, start, end, end)).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(PlanItem.status(ItemState.CANCELLED, RecordKind.ACTIVITY, 3, 1, 1, 0, false, start, end, end))
                .isEqualTo(ItemStatus.CANCELLED);
        // 16 备课组 own it: records of 9 groups leave it open, all 16 finish it, whatever the record count says
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.ACTIVITY, 9, 1, 16, 9, false, start, end, end.plusDays(1)))
                .isEqualTo(ItemStatus.OVERDUE);
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.ACTIVITY, 16, 1, 16, 16, false, start, end, end)).isEqualTo(ItemStatus.DONE);
        assertThat(PlanItem.status(ItemState.OPEN, RecordKind.NONE, 0, 1, 16, 16, false, start, end, end)).isEqualTo(ItemStatus.DONE);
        // a manager's close finishes it however many parts are open
        assertThat(PlanItem.status(ItemState.DONE, RecordKind.ACTIVITY, 0, 1, 16, 0, false, start, end, end)).isEqualTo(ItemStatus.DONE);
    }
}
