package org.jiaoyan.mentoring;

import java.util.List;

/**
 * A pair's year in numbers for the best-pair selection: observations each way, weeks with both directions out of the
 * weeks gone by, the apprentice's lessons observed (open lessons among them), the group activities both signed in to,
 * and the weekly matrices per term.
 */
public record PairSummary(MentorPair pair, long mentorObserved, long apprenticeObserved, long mutualWeeks,
                          long weeksPast, long apprenticeLessonsObserved, long apprenticeOpenLessons, long activitiesTogether,
                          List<WeekMatrix> terms) {

    /** Share of past weeks with mutual observation, in whole percent. */
    public long mutualPercent() {
        return weeksPast == 0 ? 0 : Math.round(100.0 * mutualWeeks / weeksPast);
    }
}
