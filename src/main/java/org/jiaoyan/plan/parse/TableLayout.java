package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a schedule table, read from its header: 月份/工作内容/负责人, 项目/工作内容/月份/负责人,
 * 周次/时间/工作内容/负责人. The header is either one line (cells split by TAB or spaces) or one cell per line.
 */
record TableLayout(List<Column> columns, Style style) {

    enum Kind { CATEGORY, CONTENT, TIME, OWNER, OTHER }

    /** How the header was written, which says how its rows are written. */
    enum Style { TAB, SPACED, SINGLE_SPACED, CELL_PER_LINE, PIPE }

    /** @param unit what a bare number in this column means (9—12 in a 月份 column are months) */
    record Column(String title, Kind kind, TimeExpression.Unit unit) {
    }

    private static final Map<String, Kind> HEADER_WORDS = headerWords();
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WIDE_GAP = Pattern.compile("\\S\\s{2,}\\S");

    private static Map<String, Kind> headerWords() {
        Map<String, Kind> words = new HashMap<>();
        for (String w : List.of("月份", "月", "时间", "日期", "周次", "周", "周别", "教学周", "起止时间", "完成时间",
                "时间安排", "具体时间", "活动时间", "起止日期", "周 次", "月 份")) {
            words.put(w, Kind.TIME);
        }
        for (String w : List.of("项目", "类别", "工作项目", "板块", "项目类别", "工作类别", "类型", "分类", "工作板块")) {
            words.put(w, Kind.CATEGORY);
        }
        for (String w : List.of("工作内容", "内容", "活动内容", "具体内容", "主要工作", "工作安排", "具体工作", "主要内容",
                "活动", "工作事项", "事项", "工作要点", "活动名称", "活动主题", "主题", "工作任务", "主要活动")) {
            words.put(w, Kind.CONTENT);
        }
        for (String w : List.of("负责人", "责任人", "负责部门", "责任部门", "负责处室", "主讲", "主讲人", "执行人", "负责",
                "承办", "牵头", "牵头部门", "负责人员", "主持人", "组织者", "主要负责人", "负责科室", "承办部门")) {
            words.put(w, Kind.OWNER);
        }
        for (String w : List.of("序号", "备注", "参加人员", "参加对象", "参与人员", "地点", "形式", "活动形式", "完成情况",
                "检查结果", "对象", "说明", "活动地点")) {
            words.put(w, Kind.OTHER);
        }
        return Map.copyOf(words);
    }

    static boolean isHeaderWord(String cell) {
        return HEADER_WORDS.containsKey(cell.strip()); // exact: glued headers are cut at these words
    }

    private static final Pattern OWNER_WORDS = Pattern.compile("^(?:授课|主讲|负责|责任|执行|主持|牵头)[^，。,]{0,5}$"
            + "|^[^，。,]{1,4}[/／、](?:负责人|责任人)$");
    private static final Pattern CONTENT_WORDS = Pattern.compile("^[^，。,]{1,4}(?:内容|主题|项目名称|事项)$");
    private static final Pattern TIME_WORDS = Pattern.compile("^[^，。,]{0,4}(?:时间|日期|月份|周次|时限|时段)$");
    private static final Pattern OTHER_WORDS = Pattern.compile(
            "^[^，。,]{0,4}(?:形式|方式|对象|人员|地点|备注|要求|标准|情况|结果|序号|编号|课时|学时|目标|成果|标志|片区|学科|"
                    + "学段|年级|班级|执教|主讲|承办|承办学校|地址|场地|经费|材料|佐证|验收)$");

    /**
     * What a header cell names: the known words first (工作内容, 负责人 …), then by their endings what a department calls
     * its own columns (培训内容, 授课/负责人, 培训时间, 考核方式); null when the cell is no header word.
     */
    static @Nullable Kind kindOf(String cell) {
        Kind known = HEADER_WORDS.get(cell);
        if (known != null) {
            return known;
        }
        if (cell.length() > 8) {
            return null;
        }
        if (OWNER_WORDS.matcher(cell).find()) {
            return Kind.OWNER;
        }
        if (TIME_WORDS.matcher(cell).find()) {
            return Kind.TIME;
        }
        if (CONTENT_WORDS.matcher(cell).find()) {
            return Kind.CONTENT;
        }
        return OTHER_WORDS.matcher(cell).find() ? Kind.OTHER : null;
    }

    /** A header line such as "周次 时间 工作内容 负责人", or null when the line is not one. */
    static @Nullable TableLayout fromHeaderLine(String raw) {
        String line = raw.strip();
        if (RowCells.isPipeRow(line)) {
            List<String> cells = RowCells.pipeCells(line).stream().map(String::strip).toList();
            return cells.isEmpty() || !isHeaderWord(cells.get(0)) ? null : of(cells, Style.PIPE);
        }
        Matcher gap = SPACES.matcher(line);
        if (!gap.find() || !isHeaderWord(line.substring(0, gap.start()))) {
            return null; // most lines are decided by their first word, without splitting them
        }
        Style style = line.indexOf('\t') >= 0 ? Style.TAB : WIDE_GAP.matcher(line).find() ? Style.SPACED : Style.SINGLE_SPACED;
        return of(List.of(SPACES.split(line)), style);
    }

    /** A header written one cell per line (blank lines between cells allowed) from {@code start} on, or null. */
    static @Nullable TableLayout fromCellLines(List<String> lines, int start) {
        List<String> cells = new ArrayList<>();
        for (int i = start; i < lines.size() && (isHeaderWord(lines.get(i)) || lines.get(i).isBlank() && i > start); i++) {
            if (!lines.get(i).isBlank()) {
                cells.add(lines.get(i).strip());
            }
        }
        return of(cells, Style.CELL_PER_LINE);
    }

    /** A table header names a content column and a time or owner column, and only header words. */
    static @Nullable TableLayout of(List<String> cells, Style style) {
        if (cells.size() < 2) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        for (String cell : cells) {
            Kind kind = kindOf(cell);
            if (kind == null) {
                return null;
            }
            columns.add(new Column(cell, kind, unitOf(cell, kind)));
        }
        long categories = columns.stream().filter(c -> c.kind() == Kind.CATEGORY).count();
        if (categories == 1 && columns.stream().noneMatch(c -> c.kind() == Kind.CONTENT)) {
            // 负责人 / 月份 / 工作项目: with no 工作内容 beside it, the 项目 column is what is to be done
            columns.replaceAll(c -> c.kind() == Kind.CATEGORY ? new Column(c.title(), Kind.CONTENT, c.unit()) : c);
        }
        if (columns.stream().noneMatch(c -> c.kind() == Kind.CONTENT)) {
            // 日期 / 片区 / 学科 / 活动形式 / 负责教研员: a visit schedule names its activity by its form
            columns.replaceAll(c -> c.title().equals("活动形式") || c.title().equals("形式") || c.title().equals("活动类型")
                    ? new Column(c.title(), Kind.CONTENT, c.unit()) : c);
        }
        TableLayout layout = new TableLayout(List.copyOf(columns), style);
        boolean hasContent = layout.count(Kind.CONTENT) == 1;
        return hasContent && (layout.count(Kind.TIME) > 0 || layout.count(Kind.OWNER) > 0) ? layout : null;
    }

    private static TimeExpression.Unit unitOf(String title, Kind kind) {
        if (kind != Kind.TIME) {
            return TimeExpression.Unit.NONE;
        }
        return title.contains("周") ? TimeExpression.Unit.WEEK : title.contains("月") ? TimeExpression.Unit.MONTH
                : TimeExpression.Unit.NONE;
    }

    int count(Kind kind) {
        int n = 0;
        for (Column c : columns) {
            if (c.kind == kind) {
                n++;
            }
        }
        return n;
    }

    int size() {
        return columns.size();
    }

    /** What a bare number means in this table's time cells: the first time column with a unit decides. */
    TimeExpression.Unit timeUnit() {
        for (Column c : columns) {
            if (c.kind == Kind.TIME && c.unit != TimeExpression.Unit.NONE) {
                return c.unit;
            }
        }
        return TimeExpression.Unit.NONE;
    }

    List<String> titles() {
        List<String> titles = new ArrayList<>();
        for (Column c : columns) {
            titles.add(c.title);
        }
        return titles;
    }
}
