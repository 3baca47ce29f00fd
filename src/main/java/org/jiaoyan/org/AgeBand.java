package org.jiaoyan.org;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Age filters the offices use (青年教师 = under 40); bounds are birth dates relative to a day. */
public enum AgeBand {
    UNDER_30(null, 30), UNDER_40(null, 40), FROM_30_TO_39(30, 40), FROM_40_TO_49(40, 50), FROM_50(50, null);

    private final @Nullable Integer minAge;
    private final @Nullable Integer maxAgeExclusive;

    AgeBand(@Nullable Integer minAge, @Nullable Integer maxAgeExclusive) {
        this.minAge = minAge;
        this.maxAgeExclusive = maxAgeExclusive;
    }

    /** Born on or before this day to be at least minAge on the given day. */
    public @Nullable LocalDate bornOnOrBefore(LocalDate on) {
        return minAge == null ? null : on.minusYears(minAge);
    }

    /** Born after this day to be younger than maxAgeExclusive. */
    public @Nullable LocalDate bornAfter(LocalDate on) {
        return maxAgeExclusive == null ? null : on.minusYears(maxAgeExclusive);
    }
}
