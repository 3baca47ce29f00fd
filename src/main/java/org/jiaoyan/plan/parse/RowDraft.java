package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A schedule row before it becomes items: one time, a category, one or more contents and the owners written for them.
 * Contents and owners come separately when a Word table was flattened (numbered contents, then one owner per line).
 */
final class RowDraft {

    record Entry(int line, String text) {
    }

    String category = "";
    /** The column of a table turned on its side that this row's cell stood in; -1 elsewhere. */
    int column = -1;
    String timeText = "";
    TimeExpression.Reading time = TimeExpression.Reading.NONE;
    final List<Entry> contents = new ArrayList<>();
    final List<String> owners = new ArrayList<>();
    final java.util.Set<Doubt> doubts = java.util.EnumSet.noneOf(Doubt.class);

    RowDraft withTime(String timeText, TimeExpression.Reading time) {
        this.timeText = timeText;
        this.time = time;
        return this;
    }

    /** A line that carries on the content before it (a paragraph broken by the page or by copying). */
    void continueLastContent(String text) {
        Entry last = contents.remove(contents.size() - 1);
        contents.add(new Entry(last.line(), last.text() + text));
    }

    /**
     * The row's items. Owners align with contents by position when there are as many; one owner serves every content;
     * otherwise nobody can tell who does which, so each content gets all of them joined with "、".
     */
    List<ParsedItem> toItems() {
        List<ParsedItem> items = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            Entry entry = contents.get(i);
            String ownerCell = ownerFor(i);
            Owners.Annotated a = Owners.takeFromEnd(Text.content(entry.text()), ownerCell.isEmpty());
            String owner = ownerCell.isEmpty() ? a.owner() : ownerCell;
            for (String part : datedParts(a.content())) {
                item(items, entry, part, owner, a);
            }
        }
        return items;
    }

    /**
     * "11月4日—6日，期中考试；11月10日，召开质量分析会" is two items, each with its date; a content without a second date
     * stays whole, whatever its semicolons.
     */
    private static List<String> datedParts(String content) {
        List<String> parts = ScheduleReader.splitOutsideBrackets(content, '；');
        if (parts.size() < 2) {
            return parts;
        }
        for (String p : parts) {
            if (TimeExpression.leading(p) == null) {
                return List.of(content);
            }
        }
        return parts;
    }

    private void item(List<ParsedItem> items, Entry entry, String text, String owner, Owners.Annotated a) {
        String content = Text.trimTrailingPunctuation(text.strip());
        TimeExpression.Reading itemTime = time;
        String itemTimeText = timeText;
        if (!time.hasMonthsOrWeeks() && time.repeat() == null && a.time() != null) {
            itemTime = a.time();
            itemTimeText = a.timeText();
        }
        TimeExpression.Leading leading = TimeExpression.leading(content);
        if (leading == null) {
            // 9月份完成开题论证: a time glued to the task, for an item without another time or within it
            TimeExpression.Leading glued = TimeExpression.glued(content);
            boolean free = !itemTime.hasMonthsOrWeeks() && itemTime.repeat() == null && itemTime.termWord() == null;
            // under its own time, only a time before a task verb goes (5—6月组织展示; 九月开学典礼 stays a name)
            leading = glued != null && (free || within(glued.time(), itemTime) && TimeExpression.startsTask(glued.rest()))
                    ? glued : null;
        }
        if (leading != null && (!itemTime.hasMonthsOrWeeks() && itemTime.repeat() == null
                || within(leading.time(), itemTime)
                || leading.time().repeat() != null && leading.time().repeat().equals(itemTime.repeat()))) {
            // 9月10日，召开… — under 九月 or with no other time: the date is the item's time, not its words
            content = leading.rest();
            itemTime = leading.time();
            itemTimeText = leading.timeText();
        }
        if (content.isEmpty()) {
            return;
        }
        List<Doubt> itemDoubts = new ArrayList<>(doubts);
        if (!itemTime.hasMonthsOrWeeks() && itemTime.repeat() == null && itemTime.termWord() == null) {
            itemDoubts.add(Doubt.NO_TIME);
        }
        items.add(new ParsedItem(category, content, itemTime.months(), itemTime.weeks(), itemTime.repeat(),
                itemTimeText, owner, entry.line(), itemDoubts));
    }

    /** Whether a date's months lie in the row's months (9月10日 under 九月). */
    private static boolean within(TimeExpression.Reading date, TimeExpression.Reading row) {
        return date.months() != null && row.months() != null && row.months().containsAll(date.months())
                && row.weeks() == null;
    }

    private String ownerFor(int index) {
        List<String> names = new ArrayList<>();
        for (String o : owners) {
            String n = Owners.normalise(o);
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == contents.size()) {
            return names.get(index);
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join("、", names);
    }
}
