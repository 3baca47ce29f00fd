package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gives a month to items timed only by a word of the term (开学前, 期中, 期末, 寒假前 …). Which months they mean depends
 * on the term: the plan's other months tell (September to January is the autumn term), else its title (秋, 第一学期),
 * else autumn. Every such item is marked {@link Doubt#TIME_WORD} so that a person checks it.
 */
final class TermWords {

    private static final List<Integer> AUTUMN = List.of(8, 9, 10, 11, 12, 1);
    // word → {autumn month, spring month}
    private static final Map<String, int[]> MONTHS = Map.ofEntries(
            Map.entry("开学前", new int[] {9, 2}), Map.entry("开学初", new int[] {9, 2}), Map.entry("开学后", new int[] {9, 3}),
            Map.entry("开学第一周", new int[] {9, 2}), Map.entry("学期初", new int[] {9, 2}), Map.entry("期初", new int[] {9, 2}),
            Map.entry("学期中", new int[] {11, 4}), Map.entry("期中", new int[] {11, 4}), Map.entry("期中考试", new int[] {11, 4}),
            Map.entry("期中考试前", new int[] {11, 4}), Map.entry("期中考试后", new int[] {11, 5}),
            Map.entry("学期末", new int[] {1, 6}), Map.entry("期末", new int[] {1, 6}), Map.entry("期末考试", new int[] {1, 6}),
            Map.entry("期末考试前", new int[] {1, 6}), Map.entry("寒假前", new int[] {1, 1}), Map.entry("放假前", new int[] {1, 6}),
            Map.entry("暑假前", new int[] {6, 6}));

    private TermWords() {
    }

    static List<ParsedItem> apply(String title, List<ParsedItem> items) {
        Boolean autumn = null;
        List<ParsedItem> out = new ArrayList<>(items.size());
        for (ParsedItem item : items) {
            if (item.months() != null || item.weeks() != null || item.repeat() != null || item.timeText().isEmpty()) {
                out.add(item);
                continue;
            }
            String word = TimeExpression.read(item.timeText(), TimeExpression.Unit.NONE).termWord();
            int[] months = word == null ? null : MONTHS.get(word);
            if (months == null) {
                out.add(item);
                continue;
            }
            if (autumn == null) {
                autumn = isAutumn(title, items);
            }
            List<Doubt> doubts = new ArrayList<>(item.doubts());
            doubts.remove(Doubt.NO_TIME);
            doubts.add(Doubt.TIME_WORD);
            out.add(new ParsedItem(item.category(), item.content(), List.of(months[autumn ? 0 : 1]), null, null,
                    item.timeText(), item.owner(), item.line(), doubts));
        }
        return out;
    }

    private static boolean isAutumn(String title, List<ParsedItem> items) {
        int autumn = 0;
        int spring = 0;
        for (ParsedItem item : items) {
            for (int m : item.months() == null ? List.<Integer>of() : item.months()) {
                if (AUTUMN.contains(m)) {
                    autumn++;
                } else {
                    spring++;
                }
            }
        }
        if (autumn != spring) {
            return autumn > spring;
        }
        Boolean byTitle = byTitle(title);
        return byTitle == null || byTitle;
    }

    private static @Nullable Boolean byTitle(String title) {
        if (title.contains("秋") || title.contains("第一学期") || title.contains("上学期")) {
            return true;
        }
        if (title.contains("春") || title.contains("第二学期") || title.contains("下学期")) {
            return false;
        }
        return null;
    }
}
