package org.jiaoyan.plan.export;

import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.TimeKind;

/** How an export writes the rows of {@link org.jiaoyan.plan.Schedule}. */
final class ScheduleRows {

    private ScheduleRows() {
    }

    /**
     * Whether the item needs its own time beside the content because the group heading does not say it all: a
     * teaching week, dates, several months, or the frequency of a routine item.
     */
    static boolean ownTime(PlanItem it) {
        return it.time().kind() != TimeKind.MONTHS || it.time().months().size() != 1;
    }
}
