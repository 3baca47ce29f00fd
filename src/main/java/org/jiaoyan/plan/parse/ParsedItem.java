package org.jiaoyan.plan.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One schedule item (one activity of the 行事历).
 *
 * @param category the 项目 column or the enclosing sub-heading such as 队伍建设; "" when none
 * @param content  the 工作内容 without its numbering ("1．", "(2)", "一、") and without trailing punctuation
 * @param months   months 1–12 in the order of the term (9—12月 → [9, 10, 11, 12]; 12.29—1.2 → [12, 1]); null when absent
 * @param weeks    teaching weeks (第7—8周 → [7, 8]); null when absent
 * @param repeat   "WEEKLY" for 每周, "MONTHLY" for 每月 when the time is a repetition; else null
 * @param timeText the time as written ("九月", "第7—8周 10.13—10.24", "9—12"); "" when none
 * @param owner    负责人 as written, several joined with "、"; "" when none
 * @param line     1-based line of the input where the item starts
 * @param doubts   what the parser guessed for this item, in the order found; empty when the text said it plainly
 */
public record ParsedItem(String category, String content, @Nullable List<Integer> months, @Nullable List<Integer> weeks,
                         @Nullable String repeat, String timeText, String owner, int line, List<Doubt> doubts) {

    public static final String WEEKLY = "WEEKLY";
    public static final String MONTHLY = "MONTHLY";

    /** How sure the parser is: HIGH, or CHECK when it guessed (see {@link #doubts()}). */
    public enum Confidence { HIGH, CHECK }

    public ParsedItem {
        months = months == null ? null : List.copyOf(months);
        weeks = weeks == null ? null : List.copyOf(weeks);
        doubts = List.copyOf(new java.util.LinkedHashSet<>(doubts));
    }

    public ParsedItem(String category, String content, @Nullable List<Integer> months, @Nullable List<Integer> weeks,
                      @Nullable String repeat, String timeText, String owner, int line) {
        this(category, content, months, weeks, repeat, timeText, owner, line, List.of());
    }

    public Confidence confidence() {
        return doubts.isEmpty() ? Confidence.HIGH : Confidence.CHECK;
    }

    ParsedItem withTime(@Nullable List<Integer> newMonths, @Nullable List<Integer> newWeeks, Doubt doubt) {
        java.util.List<Doubt> more = new java.util.ArrayList<>(doubts);
        more.add(doubt);
        return new ParsedItem(category, content, newMonths, newWeeks, repeat, timeText, owner, line, more);
    }
}
