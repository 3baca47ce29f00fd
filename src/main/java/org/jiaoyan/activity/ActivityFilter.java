package org.jiaoyan.activity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Filters of the activity list; every field optional. */
public record ActivityFilter(@Nullable Long typeId, @Nullable Long unitId, @Nullable LocalDate from, @Nullable LocalDate to,
                             @Nullable String text) {
}
