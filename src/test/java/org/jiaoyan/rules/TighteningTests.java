package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A school may tighten a county rule, never loosen it: every way of asking less is named (with the field it is shown
 * at), every way of asking more passes.
 */
class TighteningTests {

    private static final LocalDate TERM_START = LocalDate.of(2026, 9, 1);
    private static final LocalDate TERM_END = LocalDate.of(2027, 1, 22);

    /** 县规定：每个教研组每个教学周至少 1 次教研活动, this term. */
    private static final RuleSpec WEEKLY_GROUPS = groups(PeriodKind.TEACHING_WEEK, Comparison.AT_LEAST, 1, null, TERM_START, TERM_END);

    private static RuleSpec groups(PeriodKind period, Comparison comparison, int threshold, @Nullable Integer high,
                                   @Nullable LocalDate from, @Nullable LocalDate to) {
        return new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", period, null, null,
                comparison, threshold, high, 2, from, to);
    }

    private static RuleSpec teachers(SubjectFilter filter, @Nullable String value, int threshold) {
        return new RuleSpec("observation.by-observer", filter, value, PeriodKind.MONTH, null, null, Comparison.AT_LEAST,
                threshold, null, 2, null, null);
    }

    private static RuleSpec atMost(int threshold) {
        return groups(PeriodKind.TEACHING_WEEK, Comparison.AT_MOST, threshold, null, null, null);
    }

    @Test
    void aLowerMinimumIsRefusedAtTheThreshold() {
        RuleSpec lower = groups(PeriodKind.TEACHING_WEEK, Comparison.AT_LEAST, 0, null, TERM_START, TERM_END);
        assertThat(lower.loosenings(WEEKLY_GROUPS)).containsExactly(Loosening.THRESHOLD_LOWER);
        assertThat(Loosening.THRESHOLD_LOWER.field()).isEqualTo("threshold");
    }

    @Test
    void aHigherMaximumIsRefused() {
        assertThat(atMost(4).loosenings(atMost(3))).containsExactly(Loosening.THRESHOLD_HIGHER);
        // a range reaching above the county's maximum, and dropping the maximum altogether
        assertThat(groups(PeriodKind.TEACHING_WEEK, Comparison.BETWEEN, 1, 4, null, null).loosenings(atMost(3)))
                .containsExactly(Loosening.RANGE_HIGHER);
        assertThat(groups(PeriodKind.TEACHING_WEEK, Comparison.AT_LEAST, 1, null, null, null).loosenings(atMost(3)))
                .containsExactly(Loosening.UPPER_BOUND_DROPPED);
    }

    @Test
    void aLongerPeriodIsRefused() {
        RuleSpec monthly = groups(PeriodKind.MONTH, Comparison.AT_LEAST, 1, null, TERM_START, TERM_END);
        assertThat(monthly.loosenings(WEEKLY_GROUPS)).containsExactly(Loosening.PERIOD);
        assertThat(Loosening.PERIOD.field()).isEqualTo("periodKind");
    }

    @Test
    void fewerSubjectsAreRefused() {
        RuleSpec everyone = teachers(SubjectFilter.ALL_TEACHERS, null, 2);
        RuleSpec under40 = teachers(SubjectFilter.UNDER_AGE, "40", 2);
        assertThat(under40.loosenings(everyone)).containsExactly(Loosening.SUBJECTS);
        assertThat(teachers(SubjectFilter.UNDER_AGE, "35", 2).loosenings(under40)).containsExactly(Loosening.SUBJECT_VALUE);
        assertThat(teachers(SubjectFilter.TITLE, "T1", 2).loosenings(teachers(SubjectFilter.TITLE, "T1,SENIOR", 2)))
                .containsExactly(Loosening.SUBJECT_VALUE);
        RuleSpec prepGroups = new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS, "LESSON_PREP", PeriodKind.TEACHING_WEEK,
                null, null, Comparison.AT_LEAST, 1, null, 2, TERM_START, TERM_END);
        assertThat(prepGroups.loosenings(WEEKLY_GROUPS)).containsExactly(Loosening.SUBJECT_VALUE);
        // more subjects are stricter: all teachers instead of those under 40, under 45 instead of under 40, more titles
        assertThat(everyone.loosenings(under40)).isEmpty();
        assertThat(teachers(SubjectFilter.UNDER_AGE, "45", 2).loosenings(under40)).isEmpty();
        assertThat(teachers(SubjectFilter.TITLE, "SENIOR, T1", 2).loosenings(teachers(SubjectFilter.TITLE, "T1", 2))).isEmpty();
    }

    @Test
    void aShorterValidityIsRefused() {
        RuleSpec laterStart = groups(PeriodKind.TEACHING_WEEK, Comparison.AT_LEAST, 1, null, TERM_START.plusMonths(1), TERM_END);
        RuleSpec earlierEnd = groups(PeriodKind.TEACHING_WEEK, Comparison.AT_LEAST, 1, null, TERM_START, TERM_END.minusMonths(1));
        assertThat(laterStart.loosenings(WEEKLY_GROUPS)).containsExactly(Loosening.VALID_FROM);
        assertThat(earlierEnd.loosenings(WEEKLY_GROUPS)).containsExactly(Loosening.VALID_TO);
        // an open-ended county rule: the school may not set an end
        RuleSpec open = groups(PeriodKind.TEACHING_WEEK, Comparison.AT_LEAST, 1, null, null, null);
        assertThat(WEEKLY_GROUPS.loosenings(open)).containsExactly(Loosening.VALID_FROM, Loosening.VALID_TO);
        // a longer validity is fine
        assertThat(open.loosenings(WEEKLY_GROUPS)).isEmpty();
    }

    @Test
    void anotherMetricIsRefused() {
        RuleSpec prep = new RuleSpec("activity.collective-prep", SubjectFilter.GROUPS, "TEACHING_RESEARCH", PeriodKind.TEACHING_WEEK,
                null, null, Comparison.AT_LEAST, 1, null, 2, TERM_START, TERM_END);
        assertThat(prep.loosenings(WEEKLY_GROUPS)).containsExactly(Loosening.METRIC);
        assertThat(Loosening.METRIC.field()).isEqualTo("metricId");
    }

    @Test
    void aStricterRequirementIsAccepted() {
        assertThat(groups(PeriodKind.TEACHING_WEEK, Comparison.AT_LEAST, 2, null, TERM_START, TERM_END).loosenings(WEEKLY_GROUPS)).isEmpty();
        assertThat(groups(PeriodKind.TEACHING_WEEK, Comparison.EXACTLY, 2, null, TERM_START, TERM_END).loosenings(WEEKLY_GROUPS)).isEmpty();
        assertThat(atMost(2).loosenings(atMost(3))).isEmpty();
        assertThat(groups(PeriodKind.TEACHING_WEEK, Comparison.BETWEEN, 1, 2, null, null).loosenings(atMost(3))).isEmpty();
        // the same rule again is no loosening; the reminder may differ
        RuleSpec remindEarlier = new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH",
                PeriodKind.TEACHING_WEEK, null, null, Comparison.AT_LEAST, 1, null, 5, TERM_START, TERM_END);
        assertThat(remindEarlier.loosenings(WEEKLY_GROUPS)).isEmpty();
        assertThat(remindEarlier.atLeastAsStrictAs(WEEKLY_GROUPS)).isTrue();
    }

    @Test
    void everyLooseningAtOnceIsNamedAtEachField() {
        RuleSpec loosest = new RuleSpec("activity.collective-prep", SubjectFilter.GROUPS, "LESSON_PREP", PeriodKind.MONTH,
                null, null, Comparison.AT_LEAST, 0, null, 2, TERM_START.plusDays(7), TERM_END.minusDays(7));
        assertThat(loosest.loosenings(WEEKLY_GROUPS)).extracting(Loosening::field)
                .containsExactly("metricId", "periodKind", "threshold", "filterValue", "validFrom", "validTo");
    }
}
