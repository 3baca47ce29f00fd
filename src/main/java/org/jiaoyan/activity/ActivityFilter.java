package org.jiaoyan.activity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Filters of the activity list; every field optional (institutionId: the 学校 filter of county users). */
public record ActivityFilter(@Nullable Long typeId, @Nullable Long unitId, @Nullable LocalDate from, @Nullable LocalDate to,
                             @Nullable String text, @Nullable Long institutionId) {

    /** All schools the user reads (the 学校 filter empty). */
    public ActivityFilter(@Nullable Long typeId, @Nullable Long unitId, @Nullable LocalDate from, @Nullable LocalDate to,
                          @Nullable String text) {
        this(typeId, unitId, from, to, text, null);
    }
}
