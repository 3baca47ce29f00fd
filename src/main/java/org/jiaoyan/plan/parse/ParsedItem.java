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
 */
public record ParsedItem(String category, String content, @Nullable List<Integer> months, @Nullable List<Integer> weeks,
                         @Nullable String repeat, String timeText, String owner, int line) {

    public static final String WEEKLY = "WEEKLY";
    public static final String MONTHLY = "MONTHLY";

    public ParsedItem {
        months = months == null ? null : List.copyOf(months);
        weeks = weeks == null ? null : List.copyOf(weeks);
    }
}
