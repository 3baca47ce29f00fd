package org.jiaoyan.mentoring;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A mentor–apprentice pair (师徒结对) of a school year. */
public record MentorPair(long id, long institutionId, String institutionName, int schoolYear, long mentorId,
                         String mentorName, @Nullable String mentorTitle, long apprenticeId, String apprenticeName,
                         @Nullable LocalDate apprenticeWorkStart, @Nullable String overrideReason, @Nullable String note,
                         int version) {

    /** 2026—2027学年 */
    public String yearLabel() {
        return schoolYear + "—" + (schoolYear + 1) + "学年";
    }
}
