package org.jiaoyan.quality;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** 应急演练: a scenario drilled by a department on a day, with each participant's pass or fail (人人过关). */
public record Drill(long id, long institutionId, long unitId, String unitName, LocalDate heldOn, String scenario,
                    @Nullable String note, int passedCount, int failedCount, List<DrillResult> results, int version)
        implements QualityRecord {

    public int participantCount() {
        return passedCount + failedCount;
    }
}
