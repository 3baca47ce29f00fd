package org.jiaoyan.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.dictionary.DictItem;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.junit.jupiter.api.Test;

/** 中高级教师 mentor those under three years of service; older title names count by what they map to. */
class MentorEligibilityTests {

    /** The title dictionary as V4__dictionary_defaults.sql ships it. */
    static final List<DictItem> TITLES = List.of(
            title("T3", "三级教师", 1, "三级|员级|中学三级|小学二级|小学三级|中学三级教师|小学二级教师|小学三级教师"),
            title("T2", "二级教师", 2, "二级|初级|中学二级|小学一级|中学二级教师|小学一级教师"),
            title("T1", "一级教师", 3, "一级|中级|中学一级|小学高级|中学一级教师|小学高级教师"),
            title("SENIOR", "高级教师", 4, "高级|副高级|中学高级|中学高级教师|小学中学高级"),
            title("PROFESSOR", "正高级教师", 5, "正高级|正高"));

    private static DictItem title(String code, String label, int rank, String aliases) {
        return new DictItem(0, "title", code, label, null, rank, List.of(aliases.split("\\|")), 0, true, 0);
    }

    private static final LocalDate YOUNG = LocalDate.of(2024, 8, 25); // 2 full years on 2026-09-01

    @Test
    void firstGradeAndAboveMayMentorIncludingOlderTitleNames() {
        for (String t : List.of("T1", "SENIOR", "PROFESSOR", "一级教师", "小学高级", "中学一级", "中学高级", "中级", "正高级", " 小学 高级 ")) {
            Integer rank = MentorEligibility.rank(t, TITLES);
            assertThat(MentorEligibility.check(rank, YOUNG, 2026, null).eligible()).as(t).isTrue();
        }
        for (String t : List.of("T2", "T3", "二级教师", "小学一级", "中学二级", "小学二级", "初级")) {
            Integer rank = MentorEligibility.rank(t, TITLES);
            assertThat(MentorEligibility.check(rank, YOUNG, 2026, null).problems()).as(t)
                    .extracting(FieldProblem::field).containsExactly("mentorId");
        }
        assertThat(MentorEligibility.check(MentorEligibility.rank(null, TITLES), YOUNG, 2026, null).eligible()).isFalse();
        assertThat(MentorEligibility.rank("特级教师", TITLES)).isNull();
    }

    @Test
    void apprenticeMustHaveLessThanThreeFullYearsOnTheFirstOfSeptember() {
        int rank = 3;
        assertThat(MentorEligibility.check(rank, LocalDate.of(2023, 9, 2), 2026, null).eligible()).isTrue(); // 2 years 364 days
        assertThat(MentorEligibility.check(rank, LocalDate.of(2023, 9, 1), 2026, null).problems())
                .extracting(FieldProblem::messageKey).containsExactly("mentoring.apprentice.tooExperienced");
        assertThat(MentorEligibility.check(rank, LocalDate.of(2026, 8, 20), 2026, null).eligible()).isTrue(); // just started
        assertThat(MentorEligibility.check(rank, null, 2026, null).problems())
                .extracting(FieldProblem::messageKey).containsExactly("mentoring.apprentice.workStartUnknown");
        // the same person is still an apprentice in 2025—2026 but no longer in 2027—2028
        assertThat(MentorEligibility.check(rank, LocalDate.of(2024, 8, 25), 2025, null).eligible()).isTrue();
        assertThat(MentorEligibility.check(rank, LocalDate.of(2024, 8, 25), 2027, null).eligible()).isFalse();
    }

    @Test
    void anIneligiblePairIsOverriddenOnlyWithAReason() {
        var noReason = MentorEligibility.check(2, LocalDate.of(2010, 9, 1), 2026, "  ");
        assertThat(noReason.eligible()).isFalse();
        assertThat(noReason.overridden()).isFalse();
        assertThat(noReason.problems()).extracting(FieldProblem::field).containsExactly("mentorId", "apprenticeId");
        var withReason = MentorEligibility.check(2, LocalDate.of(2010, 9, 1), 2026, "新调入，学校特批");
        assertThat(withReason.overridden()).isTrue();
        assertThat(MentorEligibility.check(4, YOUNG, 2026, "不需要").overridden()).isFalse();
    }
}
