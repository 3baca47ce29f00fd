package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one table row written on one line, and how they map to the table's columns.
 *
 * @param singleSpaced whether the cells were cut at single spaces, where a content with a space in it also splits, so an
 *                     owner is only taken from the end when it looks like one
 */
record RowCells(List<String> cells, boolean singleSpaced) {

    private static final Pattern WIDE_GAP = Pattern.compile("\\s{2,}");
    private static final Pattern TIME_GLUED_TO_NAME = Pattern.compile(
            "([0-9]{1,2}(?:[—–\\-~～至][0-9]{1,2})*月份?)([\\p{IsHan}&&[^月日号份上中下初底末旬]][\\p{IsHan}、]*)");

    /**
     * A Word row (cells joined by TAB, empty cells kept), a text row with two or more spaces between cells, or a row of a
     * single-spaced table such as "第7—8周 10.13—10.24 骨干教师示范课 教导处".
     */
    static RowCells of(PlanLine line, @Nullable TableLayout layout) {
        if (isPipeRow(line.text())) {
            List<String> cells = new ArrayList<>();
            for (String cell : pipeCells(line.text())) {
                cells.add(Text.collapseSpaces(cell));
            }
            return new RowCells(cells, false);
        }
        if (line.hasTabs()) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.raw().split("\t", -1)) {
                cells.add(Text.collapseSpaces(cell));
            }
            return new RowCells(cells, false);
        }
        String text = line.text();
        if (WIDE_GAP.matcher(text).find()) {
            return new RowCells(List.of(WIDE_GAP.split(text)), false);
        }
        String[] words = text.split(" ");
        boolean singleSpacedTable = layout != null && layout.style() == TableLayout.Style.SINGLE_SPACED;
        boolean startsWithTime = layout == null && words.length > 1
                && TimeExpression.readPure(words[0], TimeExpression.Unit.NONE).pure();
        if (singleSpacedTable || startsWithTime) {
            List<String> cells = new ArrayList<>();
            for (String word : words) {
                Matcher glued = TIME_GLUED_TO_NAME.matcher(word);
                if (glued.matches()) {
                    cells.add(glued.group(1)); // 9—11月欧阳晓红: a PDF row where the gap between two cells was lost
                    cells.add(glued.group(2));
                } else {
                    cells.add(word);
                }
            }
            return new RowCells(cells, true);
        }
        return new RowCells(List.of(text), false);
    }

    int size() {
        return nonEmpty().size();
    }

    /** A row of a table drawn with bars: | 第1周 | 9.1 | 开学常规检查 | 教导处 | (the outer bars may be left out). */
    static boolean isPipeRow(String text) {
        int bars = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '|' || c == '｜') {
                bars++;
            }
        }
        return bars >= 2;
    }

    /** The cells between the bars; the empty cells before the first and after the last bar are dropped. */
    static List<String> pipeCells(String text) {
        List<String> cells = new ArrayList<>(List.of(text.strip().split("[|｜]", -1)));
        if (!cells.isEmpty() && cells.get(0).isBlank()) {
            cells.remove(0);
        }
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /**
     * A row with fewer cells than the header, after a cell merged down in the original table (a 周次 or 月份 cell
     * spanning rows): the cells shifted left, so they fill the right-hand columns and the missing left ones come from
     * the row above. Null when the row is not such a row (its first cell is a time where the table starts with one: a
     * cell is missing at the end instead).
     */
    @Nullable RowCells filledFrom(@Nullable List<String> above, TableLayout layout) {
        int missing = layout.size() - cells.size();
        if (above == null || missing <= 0 || above.size() != layout.size() || cells.isEmpty()) {
            return null;
        }
        TableLayout.Kind firstKind = layout.columns().get(0).kind();
        boolean firstIsTime = TimeExpression.readPure(cells.get(0), layout.timeUnit()).pure();
        if (firstKind == TableLayout.Kind.TIME && firstIsTime) {
            return null;
        }
        List<String> full = new ArrayList<>(above.subList(0, missing));
        full.addAll(cells);
        return new RowCells(full, singleSpaced);
    }

    private List<String> nonEmpty() {
        return cells.stream().filter(c -> !c.isEmpty()).toList();
    }

    /**
     * The row, or null when the line is no row. A row with a time and no content heads the rows below it (a merged
     * 九月 row). {@code previous} gives the time of a TAB row whose time cell is empty: a vertically merged month cell.
     */
    @Nullable RowDraft toRow(@Nullable TableLayout layout, @Nullable RowDraft previous, int lineNumber) {
        if (layout != null && cells.size() == layout.size() && (!singleSpaced || Owners.looksLikeOwner(last(cells)))) {
            return byColumns(layout, previous, lineNumber);
        }
        return byKinds(layout, lineNumber);
    }

    /** As many cells as the header has columns: each cell is its column. */
    private @Nullable RowDraft byColumns(TableLayout layout, @Nullable RowDraft previous, int lineNumber) {
        RowDraft row = new RowDraft();
        List<String> timeTexts = new ArrayList<>();
        TimeExpression.Reading time = null;
        String content = "";
        String owner = "";
        for (int i = 0; i < cells.size(); i++) {
            TableLayout.Column column = layout.columns().get(i);
            String cell = cells.get(i);
            switch (column.kind()) {
                case TIME -> {
                    if (!cell.isEmpty()) {
                        timeTexts.add(cell);
                        TimeExpression.Reading r = TimeExpression.read(cell, column.unit());
                        time = time == null ? r : time.and(r);
                    }
                }
                case CATEGORY -> row.category = cell;
                case CONTENT -> content = cell;
                case OWNER -> owner = cell;
                default -> { }
            }
        }
        if (time != null) {
            row.withTime(String.join(" ", timeTexts), time);
        } else if (previous != null && (layout.style() == TableLayout.Style.TAB || layout.style() == TableLayout.Style.PIPE)) {
            row.withTime(previous.timeText, previous.time);
        }
        return fill(row, content, owner, lineNumber);
    }

    /** Another count of cells: time cells are recognised by their form, an owner at the end, a category at the start. */
    private @Nullable RowDraft byKinds(@Nullable TableLayout layout, int lineNumber) {
        TimeExpression.Unit unit = layout == null ? TimeExpression.Unit.NONE : layout.timeUnit();
        List<String> timeTexts = new ArrayList<>();
        TimeExpression.Reading time = null;
        List<String> others = new ArrayList<>();
        for (String cell : nonEmpty()) {
            TimeExpression.Reading r = TimeExpression.readPure(cell, unit);
            if (r.pure()) {
                timeTexts.add(cell);
                time = time == null ? r : time.and(r);
            } else {
                others.add(cell);
            }
        }
        boolean ownerAtEnd = others.size() >= 2 && Owners.looksLikeOwner(last(others));
        if (layout == null && time == null && !ownerAtEnd) {
            return null; // a sentence with a wide gap in it, not a row
        }
        RowDraft row = new RowDraft();
        if (time != null) {
            row.withTime(String.join(" ", timeTexts), time);
        }
        if (others.size() >= 2 && others.stream().allMatch(Numbering::isNumbered)) {
            // 9月   1.制定计划（各教研组长）  2.青年教师入格课（教科室）: numbered items side by side, each with its owner
            others.forEach(o -> row.contents.add(new RowDraft.Entry(lineNumber, o)));
            return row;
        }
        String owner = "";
        boolean wantsOwner = layout == null || layout.count(TableLayout.Kind.OWNER) > 0;
        if (wantsOwner && others.size() >= 2 && (ownerAtEnd || layout != null && !singleSpaced)) {
            owner = others.remove(others.size() - 1);
        }
        boolean wantsCategory = layout == null ? others.size() >= 2 : layout.count(TableLayout.Kind.CATEGORY) > 0;
        if (wantsCategory && others.size() >= 2) {
            row.category = others.remove(0);
        }
        return fill(row, String.join(" ", others), owner, lineNumber);
    }

    /** Contents of a Word cell of numbered paragraphs ("1．A 2．B") become one item each, with owners aligned if possible. */
    private static @Nullable RowDraft fill(RowDraft row, String content, String owner, int lineNumber) {
        if (content.isBlank()) {
            return row.timeText.isEmpty() ? null : row;
        }
        boolean paragraphs = Numbering.splitNumberedCell(content).size() > 1;
        for (String part : Numbering.splitTableCell(content)) {
            row.contents.add(new RowDraft.Entry(lineNumber, part));
        }
        List<String> owners = Owners.split(owner);
        // numbered paragraphs beside as many owner paragraphs pair up; "A；B" beside "教科室、李明" is both of theirs
        if (paragraphs && row.contents.size() > 1 && owners.size() == row.contents.size()) {
            row.owners.addAll(owners);
        } else if (!owner.isBlank()) {
            row.owners.add(owner);
        }
        return row;
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }
}
