package org.jiaoyan.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.observation.LessonType;
import org.jiaoyan.observation.ObservedLesson;
import org.jiaoyan.org.SchoolTerm;
import org.junit.jupiter.api.Test;

/** The weekly view: both directions per teaching week, gaps only in weeks gone by. */
class WeekMatrixTests {

    // term starts Tuesday 1 Sep 2026: week 1 is 31 Aug – 6 Sep
    private final SchoolTerm term = new SchoolTerm(1, 2026, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 30), List.of(), 0);
    private final MentorPair pair = new MentorPair(7, 1, "实验小学", 2026, 10, "王师傅", "T1", 20, "李徒弟", null, null, null, 0);

    private static ObservedLesson lesson(long observer, long teacher, String day) {
        return new ObservedLesson(observer, teacher, LocalDate.parse(day), LessonType.REGULAR);
    }

    @Test
    void eachWeekShowsBothDirectionsAndPastWeeksWithoutBothAreGaps() {
        List<ObservedLesson> lessons = List.of(
                lesson(10, 20, "2026-09-02"), lesson(20, 10, "2026-09-04"),   // week 1: both
                lesson(10, 20, "2026-09-08"), lesson(10, 20, "2026-09-09"),   // week 2: mentor only, twice
                lesson(20, 10, "2026-09-18"),                                 // week 3: apprentice only
                lesson(10, 99, "2026-09-22"), lesson(99, 10, "2026-09-23"),   // week 4: someone else, not the pair
                lesson(20, 10, "2026-10-13"),                                 // week 7: current week, one direction
                lesson(10, 20, "2026-08-30"));                                // before the term
        WeekMatrix m = WeekMatrix.of(term, List.of(pair), lessons, LocalDate.of(2026, 10, 14));
        assertThat(m.weeks()).hasSize(9);
        var cells = m.rows().get(0).cells();
        assertThat(cells.get(0).state()).isEqualTo(WeekMatrix.State.BOTH);
        assertThat(cells.get(1).state()).isEqualTo(WeekMatrix.State.MENTOR_ONLY);
        assertThat(cells.get(1).mentorObserved()).isEqualTo(2);
        assertThat(cells.get(2).state()).isEqualTo(WeekMatrix.State.APPRENTICE_ONLY);
        assertThat(cells.get(3).state()).isEqualTo(WeekMatrix.State.NONE);
        assertThat(cells.get(6).state()).isEqualTo(WeekMatrix.State.UPCOMING);
        assertThat(cells.get(6).apprenticeObserved()).isEqualTo(1);
        assertThat(cells.get(8).state()).isEqualTo(WeekMatrix.State.UPCOMING);
        assertThat(m.rows().get(0).mutualWeeks()).isEqualTo(1);
        assertThat(m.rows().get(0).gaps()).isEqualTo(5); // weeks 2–6
    }
}
