package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the schedule part of one plan (具体工作安排 / 月份安排 / 行事历, or the month lists that follow the prose) into items.
 * Each line is tried, in this order, as: page furniture, a note, a table header, a sub-heading (category), a month
 * heading (九月份：), a table row, a numbered content, an owner line, the continuation of a content.
 */
final class ScheduleReader {

    // 注：以上安排如有变动另行通知, 以上安排如有变动，以周工作通知为准 — remarks under a schedule, not items.
    private static final Pattern NOTE = Pattern.compile(
            "^(?:(?:注|备注|说明|附|要求|具体要求|活动要求)\\s*[：:].*|以上\\S{0,4}(?:安排|计划|工作|内容|活动|时间).*)");
    // （一）队伍建设, (二)课程管理: the category of the items below it.
    private static final Pattern SUB_HEADING = Pattern.compile("^[(（]\\s*[一二三四五六七八九十]{1,3}\\s*[)）]\\s*(.{1,24})$");
    // 九月份工作安排： — words that may follow the month of a month heading.
    private static final Pattern MONTH_HEADING_SUFFIX =
            Pattern.compile("(?:工作安排|活动安排|重点工作|工作重点|主要工作|常规工作|常规|安排|工作)$");

    // 重点做好以下工作, 主要抓好四项工作, 着重做好三件事: the words that announce a month's tasks after its name
    private static final Pattern LEAD_IN = Pattern.compile("\\s*(?:重点|主要|着重|着力|要|应)?(?:做好|抓好|开展|完成|落实|安排)"
            + "[^，。；：]{0,10}?(?:工作|事|事情|活动|任务)?\\s*");
    private static final Pattern ALL_BY = Pattern.compile("[。；;]\\s*以上[^。；]{0,8}?(?:均|都)?由([^。；，]{2,20})负责[。；]?\\s*$");
    private static final Pattern ASIDE = Pattern.compile("^(?:此外|另外|同时|其次|最后)[，,]\\s*");
    // "（开学准备）" after a month heading: what the month is about, not part of its time
    private static final Pattern TRAILING_NOTE = Pattern.compile("(?<=[月周份])\\s*[（(][^）)0-9０-９.．—\\-~～]{1,12}[）)]$");

    private final java.util.Collection<String> knownNames;
    private final List<ParsedItem> items = new ArrayList<>();
    private final List<UnrecognisedLine> unrecognised = new ArrayList<>();
    private @Nullable TableLayout layout;
    private String category = "";
    /** The month heading being read: its time, the contents under it and owner lines after them. */
    private @Nullable RowDraft group;
    private boolean groupNumbered;
    /** The group's items were written on its heading line (九月：A；B；C), so a wrapped line carries on the last of them. */
    private boolean inlineGroup;
    /** The group was taken from the table row above (an activity on the line under a week row). */
    private boolean groupFromRow;
    /** The last line read as (part of) a content, to tell a wrapped line from a short unnumbered item. */
    private String lastContentLine = "";
    /** The last content line before a run of blank lines, restored when the run turns out to be a page break. */
    private String beforeBlank = "";
    /** Reading a paragraph of prose after the items (the plan's closing words), until the next numbered line. */
    private boolean prose;
    private @Nullable RowDraft previousRow;
    /** How many items the previous row made (the last ones in {@link #items}). */
    private int previousRowItems;
    /** The cells of the last full row of the table, to fill a row whose merged cells are missing. */
    private @Nullable List<String> previousCells;

    ScheduleReader(java.util.Collection<String> knownNames) {
        this.knownNames = knownNames;
    }

    List<ParsedItem> items() {
        return items;
    }

    List<UnrecognisedLine> unrecognised() {
        return unrecognised;
    }

    static boolean isNote(String text) {
        return NOTE.matcher(text).matches();
    }

    void read(List<PlanLine> block) {
        List<String> texts = block.stream().map(PlanLine::text).toList();
        for (int i = 0; i < block.size(); i++) {
            PlanLine line = block.get(i);
            if (line.isBlank()) {
                if (!lastContentLine.isEmpty()) {
                    beforeBlank = lastContentLine;
                }
                lastContentLine = ""; // a paragraph wrapped by the page has no blank line inside it
                continue;
            }
            if (PageFurniture.isFurniture(line.text())) {
                if (lastContentLine.isEmpty()) {
                    lastContentLine = beforeBlank; // …but a page break has blanks around its page number
                }
                continue;
            }
            beforeBlank = "";
            MonthColumns sideways = MonthColumns.header(line.raw());
            if (sideways != null) {
                flushGroup(); // 项目 | 九月 | 十月 | … | 负责人: the months are the columns
                List<PlanLine> rest = block.subList(i + 1, block.size());
                sideways.rows(rest).forEach(this::emit);
                i += MonthColumns.rowCount(rest);
                continue;
            }
            GluedTable.Header glued = GluedTable.header(line.text());
            if (glued != null) {
                flushGroup();
                readGlued(glued.layout(), glued.rest(), line.number(), block.subList(i + 1, block.size()));
                return;
            }
            TableLayout cellHeader = TableLayout.fromCellLines(texts, i);
            if (cellHeader != null && (GluedTable.showsGlue(texts, i) || cellHeader.count(TableLayout.Kind.TIME) > 0
                    && GluedTable.readsBetterThanCells(texts, i))) {
                flushGroup();
                int last = skipHeaderCells(texts, i, cellHeader.size());
                readGlued(cellHeader, "", line.number(), block.subList(last + 1, block.size()));
                return;
            }
            TableLayout lineHeader = TableLayout.fromHeaderLine(line.raw());
            if (lineHeader != null && (GluedTable.showsGlue(texts, i + 1) || cellsFollow(block, i + 1))) {
                flushGroup();
                readGlued(lineHeader, "", line.number(), block.subList(i + 1, block.size()));
                return;
            }
            if (cellHeader != null && cellHeader.count(TableLayout.Kind.TIME) > 0) {
                flushGroup();
                readCellTable(cellHeader, block.subList(i, block.size())); // the table skips its header cells
                return;
            }
            if (cellHeader != null) {
                // 工作内容 / 负责人 without a time column: no cell cuts the rows, so contents and owner lines are read
                // like those under a month heading.
                flushGroup();
                layout = cellHeader;
                i = skipHeaderCells(texts, i, cellHeader.size());
                continue;
            }
            readLine(line);
        }
        flushGroup();
    }

    private void readGlued(TableLayout header, String rest, int headerLine, List<PlanLine> lines) {
        GluedTable table = new GluedTable(header, knownNames, unrecognised::add);
        for (RowDraft row : table.rows(rest, headerLine, lines)) {
            emit(row);
        }
    }

    /**
     * After a header on one line, the table's cells each on a line of their own (a web table copied as text): the next
     * lines are single cells, and a time cell stands among them.
     */
    private static boolean cellsFollow(List<PlanLine> block, int from) {
        int seen = 0;
        boolean time = false;
        for (int i = from; i < block.size() && seen < 6; i++) {
            PlanLine l = block.get(i);
            if (l.isBlank()) {
                continue;
            }
            if (RowCells.isPipeRow(l.text()) || l.hasTabs() || l.text().contains("  ")
                    || MonthHeading.of(l.text(), TimeExpression.Unit.NONE) != null && MonthHeading.firstColon(l.text()) >= 0) {
                return false;
            }
            time |= TimeExpression.readPure(l.text(), TimeExpression.Unit.MONTH).pure();
            seen++;
        }
        return seen >= 4 && time;
    }

    /** The index of the last header cell line, blank lines between header cells included. */
    private static int skipHeaderCells(List<String> texts, int start, int cells) {
        int seen = 0;
        int i = start;
        for (; i < texts.size(); i++) {
            if (!texts.get(i).isBlank() && ++seen == cells) {
                break;
            }
        }
        return i;
    }

    /** A Word table flattened one cell per line takes the rest of the schedule. */
    private void readCellTable(TableLayout header, List<PlanLine> lines) {
        CellTable table = new CellTable(header, unrecognised::add);
        for (RowDraft row : table.rows(lines)) {
            emit(row);
        }
    }

    private void readLine(PlanLine line) {
        String text = line.text();
        if (isNote(text)) {
            unrecognised.add(new UnrecognisedLine(line.number(), text));
            return;
        }
        TableLayout header = TableLayout.fromHeaderLine(line.raw());
        if (header != null) {
            flushGroup();
            layout = header; // 周次 时间 工作内容 负责人 / 项目\t工作内容\t月份\t负责人
            previousRow = null;
            previousCells = null;
            return;
        }
        if (subHeading(text) || monthHeading(line) || row(line)) {
            return;
        }
        content(line);
    }

    /** （一）队伍建设 under the schedule heading: the category of the items that follow. */
    private boolean subHeading(String text) {
        var m = SUB_HEADING.matcher(text);
        Numbering.Numbered numbered = Numbering.parse(text);
        boolean chineseNumbered = numbered != null && numbered.style() == Numbering.Style.CHINESE;
        String title = m.matches() ? m.group(1) : chineseNumbered ? Numbering.strip(text) : null;
        if (title == null || title.length() > 24 || title.contains("。") && !title.endsWith("。") || title.contains("，")
                || TimeExpression.readPure(TRAILING_NOTE.matcher(title.strip()).replaceFirst(""), TimeExpression.Unit.NONE).pure()) {
            return false;
        }
        flushGroup();
        category = Text.trimTrailingPunctuation(title.strip());
        return true;
    }

    /**
     * 九月份： / 元月份 / 九月 (a flattened month cell) / 第3周： starts a group; text after the colon is the group's items,
     * several separated by "；" as in 一月份：心肺复苏技能考核（负责人：陈静）；交接班制度质控（负责人：刘芳）.
     */
    private boolean monthHeading(PlanLine line) {
        MonthHeading heading = MonthHeading.of(line.text(), unit());
        if (heading == null) {
            return false;
        }
        flushGroup();
        group = new RowDraft().withTime(heading.timeText(), heading.time());
        group.category = category;
        groupNumbered = false;
        groupFromRow = false;
        inlineGroup = !heading.rest().isEmpty();
        lastContentLine = heading.rest();
        String rest = heading.rest();
        String shared = "";
        var all = ALL_BY.matcher(rest);
        if (all.find() && Owners.looksLikeOwner(all.group(1))) {
            shared = all.group(1); // …；二是组织优质课评比。以上两项工作均由教导处负责。
            rest = rest.substring(0, all.start());
        }
        List<String> parts = splitOutsideBrackets(rest, '；').stream().filter(p -> !p.isBlank()).toList();
        if (parts.size() > 1) {
            parts = Numbering.ownerForAll(parts); // 第1周：开学常规检查；作息时间调整——教导处: the owner of both
        }
        for (String part : parts) {
            for (String item : shortList(Numbering.splitNumberedCell(part.strip()))) { // 九月份：1、制定计划 2、师徒结对
                if (!item.isBlank()) {
                    boolean own = !Owners.takeFromEnd(Text.content(item), true).owner().isEmpty();
                    String text = shared.isEmpty() || own ? item : Text.trimTrailingPunctuation(item) + "（" + shared + "）";
                    group.contents.add(new RowDraft.Entry(line.number(), text));
                }
            }
        }
        return true;
    }

    record MonthHeading(String timeText, TimeExpression.Reading time, String rest) {

        static @Nullable MonthHeading of(String text, TimeExpression.Unit unit) {
            int colon = firstColon(text);
            String head = Text.stripDecoration(colon >= 0 ? text.substring(0, colon) : text);
            int counted = text.indexOf("，一是");
            if (counted > 0 && (colon < 0 || counted < colon)) {
                colon = counted; // 三月份，一是开展…；二是组织…: the comma before 一是 ends the month's name
                head = Text.stripDecoration(text.substring(0, colon));
            }
            String rest = colon >= 0 ? text.substring(colon + 1).strip() : "";
            if (colon >= 0) {
                head = ASIDE.matcher(head).replaceFirst(""); // 此外，每月做好以下常规工作：
                int comma = head.indexOf('，');
                TimeExpression.Leading glued = comma > 0 ? null : TimeExpression.glued(head);
                if (comma > 0 && LEAD_IN.matcher(head.substring(comma + 1)).matches()) {
                    head = head.substring(0, comma); // 九月份，重点做好以下工作：一是…；二是…
                } else if (glued != null && LEAD_IN.matcher(glued.rest()).matches()) {
                    head = glued.timeText(); // 每月做好以下常规工作：
                }
            }
            head = TRAILING_NOTE.matcher(head).replaceFirst(""); // （二）二月份（开学准备）
            // "九、十月份" is a month list; "1．九月" and "一、九月份" are a numbered month; "三、十月份" is October, since
            // 3, 10 is no order a school year runs in.
            String unnumbered = Text.stripDecoration(Numbering.strip(head));
            if (colon < 0 && head.endsWith("考试")) {
                return null; // "1月中旬 期末考试" on its own is the exam itself, an item; "期末考试：…" heads items
            }
            MonthHeading whole = read(head, rest, unit);
            if (whole != null && (unnumbered.equals(head) || inSchoolYearOrder(whole.time().months()))) {
                return whole;
            }
            return unnumbered.equals(head) ? null : read(unnumbered, rest, unit);
        }

        private static @Nullable MonthHeading read(String head, String rest, TimeExpression.Unit unit) {
            String time = MONTH_HEADING_SUFFIX.matcher(head).replaceFirst("").strip();
            TimeExpression.Reading reading = time.isEmpty() ? TimeExpression.Reading.NONE : TimeExpression.readPure(time, unit);
            return reading.pure() ? new MonthHeading(time, reading, rest) : null;
        }

        /** September first: 9, 10, 11, 12, 1 … 8. */
        private static boolean inSchoolYearOrder(@Nullable List<Integer> months) {
            if (months == null) {
                return true;
            }
            int previous = -1;
            for (int m : months) {
                int position = (m + 3) % 12;
                if (position <= previous) {
                    return false;
                }
                previous = position;
            }
            return true;
        }

        static int firstColon(String text) {
            int a = text.indexOf('：');
            int b = text.indexOf(':');
            return a < 0 ? b : b < 0 ? a : Math.min(a, b);
        }
    }

    /** Whether a line opens a schedule where none was announced: 九月份： or a line of a table header. */
    static boolean startsSchedule(List<String> texts, int index) {
        String text = texts.get(index);
        MonthHeading heading = MonthHeading.of(text, TimeExpression.Unit.NONE);
        if (heading != null && heading.time().hasMonthsOrWeeks()) {
            return true;
        }
        return TableLayout.fromHeaderLine(text) != null || TableLayout.fromCellLines(texts, index) != null
                || MonthColumns.header(text) != null;
    }

    /** A row of a table: cells split by TAB, by two or more spaces, or by single spaces in a single-spaced table. */
    private boolean row(PlanLine line) {
        if (RowCells.isPipeRow(line.text()) && PageFurniture.isTableRule(line.text())) {
            return true; // |---|---| under a header
        }
        RowCells cells = RowCells.of(line, layout);
        if (cells.size() < 2) {
            return false;
        }
        boolean filled = false;
        TableLayout l = layout;
        if (l != null && l.style() != TableLayout.Style.SINGLE_SPACED) {
            if (cells.cells().size() == l.size()) {
                previousCells = cells.cells();
            } else {
                RowCells full = cells.filledFrom(previousCells, l);
                if (full != null) {
                    cells = full;
                    filled = true;
                    previousCells = full.cells();
                }
            }
        }
        RowDraft row = cells.toRow(layout, previousRow, line.number());
        if (row == null) {
            return false;
        }
        if (filled) {
            row.doubts.add(Doubt.MERGED_CELL_FILLED);
        }
        if (row.time.onlyPartOfMonth()) {
            RowDraft above = group != null && group.time.hasMonthsOrWeeks() ? group : previousRow;
            if (above != null && above.time.months() != null) {
                row.time = new TimeExpression.Reading(above.time.months(), null, null, true, row.time.termWord());
                row.doubts.add(Doubt.TIME_WORD);
            }
        }
        flushGroupContents();
        if (row.contents.isEmpty()) {
            // A row that only names a time, like a merged 九月 row across the table, heads the rows below it.
            group = new RowDraft().withTime(row.timeText, row.time);
            groupNumbered = false;
            return true;
        }
        if (row.category.isEmpty()) {
            row.category = category;
        } else {
            category = row.category;
        }
        if (!row.timeText.isEmpty() && group != null && group.contents.isEmpty()
                && (group.time.repeat() != null || groupFromRow)) {
            // 每周常规 … then 第1周　教学常规检查: the week rows are no longer the weekly routine; nor is a row's next
            // activity (the group taken from the row above) the next row's
            group = null;
            groupFromRow = false;
        }
        if (row.timeText.isEmpty() && group != null) {
            row.withTime(group.timeText, group.time);
        } else if (row.timeText.isEmpty() && l != null && l.count(TableLayout.Kind.TIME) > 0 && previousRow != null
                && !previousRow.timeText.isEmpty()) {
            row.withTime(previousRow.timeText, previousRow.time); // an empty 时间 cell: merged with the row above
            row.doubts.add(Doubt.MERGED_CELL_FILLED);
        }
        previousRow = row;
        previousRowItems = emit(row);
        return true;
    }

    /** A numbered line, an owner line after contents (flattened table), a continuation, or an unnumbered content. */
    private void content(PlanLine line) {
        String text = line.text();
        boolean numbered = Numbering.isNumbered(text);
        if (continuesPreviousRow(text, numbered)) {
            return;
        }
        RowDraft g = group;
        if (!numbered && g != null && !g.contents.isEmpty() && Owners.looksLikeOwner(text)) {
            g.owners.add(text); // 九月 / 1．… / 2．… / 王丽 / 各教研组长: owners follow the contents, one per line
            return;
        }
        String annotation = Owners.annotationLine(line.raw());
        if (annotation != null && g != null && !g.contents.isEmpty()) {
            // 1、开展期初教学常规检查… / 完成时间：２月下旬    责任人：教务处: the item's time and owner under it
            g.continueLastContent(annotation);
            lastContentLine = "";
            return;
        }
        String labelled = Owners.labelledLine(text);
        if (labelled != null && g != null && !g.contents.isEmpty()) {
            // ❶开学常规检查 / 📌负责：教导处: the owner on the line under its item, and only that item's
            if (g.owners.isEmpty() && g.contents.size() > 1) {
                RowDraft.Entry last = g.contents.remove(g.contents.size() - 1);
                flushGroupContents();
                g = group;
                g.contents.add(last);
            }
            g.owners.add(labelled);
            return;
        }
        if (!numbered && g != null && groupNumbered && g.owners.isEmpty() && looksWrapped(lastContentLine)) {
            g.continueLastContent(text);
            lastContentLine = text;
            return;
        }
        if (!numbered && g != null && inlineGroup && !g.contents.isEmpty() && g.owners.isEmpty()
                && looksWrapped(lastContentLine)) {
            // 十一月：…；开展“推门课”听评 / 课活动；校级小课题开题（钱志刚）: the line goes on, and its ； part the items
            RowDraft.Entry last = g.contents.remove(g.contents.size() - 1);
            for (String part : splitOutsideBrackets(last.text() + text, '；')) {
                if (!part.isBlank()) {
                    g.contents.add(new RowDraft.Entry(last.line(), part.strip()));
                }
            }
            lastContentLine = text;
            return;
        }
        if (!numbered && g != null && !g.contents.isEmpty() && bracketOnly(text)) {
            g.continueLastContent(text); // …学期教科研工作总结。 / （责任人：孙晓华）: the item's annotation on its own line
            lastContentLine = "";
            return;
        }
        prose &= !numbered;
        if (!numbered && g != null && (inlineGroup || groupNumbered) && (prose || lastContentLine.isEmpty() && isProse(text))) {
            // a paragraph after a blank line under numbered or inline items: the plan's closing words, not an item
            unrecognised.add(new UnrecognisedLine(line.number(), text));
            prose = true;
            lastContentLine = "";
            return;
        }
        if (g == null && !numbered && layout == null && !hasOwnAnnotation(text)) {
            unrecognised.add(new UnrecognisedLine(line.number(), text));
            return;
        }
        if (g == null && previousRow != null && previousRow.time.hasMonthsOrWeeks()) {
            // 第1周　教学常规检查 —— 教务处 / 　　制订学期计划 —— 各教研组长: the week row's next activity; in a table,
            // a row whose 时间 cell is merged with the one above
            g = new RowDraft().withTime(previousRow.timeText, previousRow.time);
            g.category = category;
            groupFromRow = true;
            if (layout != null) {
                g.doubts.add(Doubt.MERGED_CELL_FILLED);
            }
            group = g;
        } else if (g == null) {
            g = new RowDraft(); // an item before any month heading: no time
            g.category = category;
            group = g;
        } else if (!g.owners.isEmpty()) {
            flushGroupContents(); // a new content after owners starts the next row of the same month
            g = group;
        }
        g.contents.add(new RowDraft.Entry(line.number(), text));
        groupNumbered |= numbered;
        lastContentLine = text;
    }

    /**
     * A content line broken by the page width of a PDF or web copy: long and not ended like a sentence, or ended by a
     * comma. "1．制定计划" followed by "师徒结对" are two items; a 30-character line without its full stop goes on.
     */
    private static boolean looksWrapped(String previous) {
        String p = previous.strip();
        if (p.isEmpty() || Text.endsSentence(p)) {
            return false;
        }
        return p.length() >= 20 || "，,、：:".indexOf(p.charAt(p.length() - 1)) >= 0;
    }

    /** 晨午检、区域活动检查、教研学习、安全隐患排查: three or more short activities listed with 、 are one item each. */
    private static List<String> shortList(List<String> items) {
        if (items.size() != 1) {
            return items;
        }
        String t = Text.trimTrailingPunctuation(items.get(0).strip());
        String[] parts = t.split("、");
        if (parts.length < 3 || t.contains("（") || t.contains("(")) {
            return items;
        }
        for (String p : parts) {
            if (p.strip().length() < 2 || p.strip().length() > 10) {
                return items;
            }
        }
        return java.util.Arrays.stream(parts).map(String::strip).toList();
    }

    /** A sentence of prose: clauses and a full stop (or a comma where the page wrapped it), as a closing paragraph is. */
    private static boolean isProse(String text) {
        String t = text.strip();
        return t.length() >= 20 && (t.contains("，") || t.contains(",")) && "。！!，,".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** A line that is nothing but an owner or time annotation in brackets: （责任人：孙晓华）. */
    private static boolean bracketOnly(String text) {
        String t = Text.trimTrailingPunctuation(text.strip());
        if (t.isEmpty() || t.charAt(0) != '（' && t.charAt(0) != '(') {
            return false;
        }
        Owners.Annotated a = Owners.takeFromEnd(t, true);
        return a.content().isBlank() && (!a.owner().isEmpty() || a.time() != null);
    }

    private static boolean hasOwnAnnotation(String text) {
        Owners.Annotated a = Owners.takeFromEnd(text, false);
        return !a.owner().isEmpty() || a.time() != null;
    }

    /** Emits the pending contents of the month group and keeps its time for the lines that follow. */
    private void flushGroupContents() {
        RowDraft g = group;
        if (g == null || g.contents.isEmpty()) {
            return;
        }
        emit(g);
        RowDraft next = new RowDraft().withTime(g.timeText, g.time);
        next.category = category;
        group = next;
    }

    private void flushGroup() {
        flushGroupContents();
        group = null;
        groupNumbered = false;
        inlineGroup = false;
        lastContentLine = "";
    }

    private int emit(RowDraft row) {
        List<ParsedItem> made = row.toItems();
        items.addAll(made);
        return made.size();
    }

    /**
     * "4月  母乳喂养知识培训及住院产妇宣教质量检查，" / "同步更新病区宣教资料（赵晓燕）": a table row whose content ends with a
     * comma goes on in the next line that is no row; the row's items are made again with the whole content.
     */
    private boolean continuesPreviousRow(String text, boolean numbered) {
        RowDraft row = previousRow;
        if (numbered || row == null || row.contents.isEmpty() || group != null && !group.contents.isEmpty()) {
            return false;
        }
        String last = row.contents.get(row.contents.size() - 1).text().strip();
        if (last.isEmpty() || "，,、".indexOf(last.charAt(last.length() - 1)) < 0) {
            return false;
        }
        items.subList(items.size() - previousRowItems, items.size()).clear();
        row.continueLastContent(text);
        previousRowItems = emit(row);
        return true;
    }

    private TimeExpression.Unit unit() {
        return layout == null ? TimeExpression.Unit.NONE : layout.timeUnit();
    }

    /** Splits at a separator that is not inside （） or (). */
    static List<String> splitOutsideBrackets(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            } else if ((c == separator || separator == '；' && c == ';') && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
