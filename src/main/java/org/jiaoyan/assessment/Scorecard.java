package org.jiaoyan.assessment;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One teacher's or group's scorecard for a term: every category and item with its points and the lines behind them
 * (a record, a rule period, a 月查 round, an entry, an accepted appeal), linked to the evidence.
 */
public record Scorecard(long institutionId, long termId, CheckLevel level, long subjectId, String name, Scheme scheme,
                        ScoreBoard.Entry entry, List<CategoryCard> categories, LocalDate asOf, boolean published,
                        boolean locked, boolean changedSincePublished) {

    public record CategoryCard(Scheme.Category category, double points, boolean capped, List<ItemCard> items) {
    }

    /** An item: points after its cap and appeals; raw = before the cap (and pro rata). */
    public record ItemCard(Scheme.Item item, double points, double raw, boolean capped, @Nullable String note,
                           List<Line> lines) {
    }

    /** A line: its day (if any), what it is, its points, where the evidence is. */
    public record Line(@Nullable LocalDate on, String text, @Nullable Double points, @Nullable String link) {
    }
}
