package org.jiaoyan.assessment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A new revision of a scheme as typed: categories with their items, in order. */
public record SchemeData(@Nullable Double exemptBelow, @Nullable String note, List<CategoryData> categories) {

    public record CategoryData(@Nullable String name, @Nullable Double cap, @Nullable Double weight, List<ItemData> items) {
    }

    /** An item; code is null for a new item, else the code of the item it revises. */
    public record ItemData(@Nullable String code, @Nullable SchemeItemKind kind, @Nullable String name,
                           @Nullable String metricId, @Nullable Long ruleId, @Nullable Double points,
                           @Nullable Double deduction, @Nullable Double cap) {
    }
}
