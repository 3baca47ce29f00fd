package org.jiaoyan.quality;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What creates or changes a drill: the scenario and the participants' outcomes (absent staff are left out). */
public record DrillData(long unitId, @Nullable LocalDate heldOn, @Nullable String scenario, @Nullable String note,
                        List<DrillOutcome> outcomes) {

    public DrillData {
        outcomes = List.copyOf(outcomes);
    }
}
