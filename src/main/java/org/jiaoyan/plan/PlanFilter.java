package org.jiaoyan.plan;

import org.jspecify.annotations.Nullable;

/** Filters of the plan list; every field optional. */
public record PlanFilter(@Nullable Long termId, @Nullable Long institutionId, @Nullable PlanStatus status,
                         @Nullable String text) {

    public static PlanFilter none() {
        return new PlanFilter(null, null, null, null);
    }
}
