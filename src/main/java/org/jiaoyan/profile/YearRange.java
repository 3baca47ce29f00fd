package org.jiaoyan.profile;

import java.time.LocalDate;
import org.jiaoyan.mentoring.MentorPairs;

/**
 * School years (学年) from..to, both included: 2026 is 2026—2027学年, which runs from August 2026 to July 2027 (the
 * rule mentoring counts its years by).
 */
public record YearRange(int fromYear, int toYear) {

    public YearRange {
        if (fromYear > toYear) {
            throw new IllegalArgumentException("fromYear after toYear");
        }
    }

    public static int schoolYearOf(LocalDate day) {
        return MentorPairs.currentSchoolYear(day);
    }

    /** First day of the range: 1 August of the first year. */
    public LocalDate from() {
        return LocalDate.of(fromYear, 8, 1);
    }

    /** Last day of the range: 31 July after the last year. */
    public LocalDate to() {
        return LocalDate.of(toYear + 1, 7, 31);
    }
}
