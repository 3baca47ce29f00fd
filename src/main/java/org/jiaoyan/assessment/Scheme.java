package org.jiaoyan.assessment;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 考核细则: a school's scoring scheme for a term and level, in the revision in force. A scheme not yet saved by the
 * school is the shipped default (id 0, revision 0). The total is Σ over categories of weight × min(cap, Σ items), an
 * item being min(cap, points earned) plus accepted appeals.
 */
public record Scheme(long id, long institutionId, long termId, CheckLevel level, int revision, double exemptBelow,
                     @Nullable String note, @Nullable LocalDateTime createdAt, @Nullable String createdBy,
                     List<Category> categories, List<Item> items) {

    public record Category(long id, String name, @Nullable Double cap, double weight) {
    }

    /** An item; {@code categoryIndex} is the category's place in {@link #categories}. */
    public record Item(long id, int categoryIndex, String code, SchemeItemKind kind, String name, @Nullable String metricId,
                       @Nullable Long ruleId, double points, double deduction, @Nullable Double cap) {
    }

    public boolean saved() {
        return id != 0;
    }

    public List<Item> itemsOf(int categoryIndex) {
        return items.stream().filter(i -> i.categoryIndex() == categoryIndex).toList();
    }

    public @Nullable Item item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }
}
