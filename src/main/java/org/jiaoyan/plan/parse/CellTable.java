package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Word table flattened to one cell per line (the header cells 月份 / 工作内容 / 负责人 each on a line, then the cells
 * of each row; a merged cell appears once, a cell of several paragraphs as several lines).
 *
 * <p>Time cells (九月, 9—12, 第3周) are the only cells recognisable on their own, so they cut the stream: the cells between
 * two times belong to the columns after the time of the row before and to the columns before the time of the next row.
 * Numbered lines are contents; the rest is spread over the other columns. When there are fewer cells than columns, a
 * category (项目, usually a merged cell) is missing first, then an owner.
 */
final class CellTable {

    private enum CellKind { TIME, NUMBERED, TEXT }

    private record Cell(PlanLine line, CellKind kind, TimeExpression.Reading time) {

        String text() {
            return line.text();
        }
    }

    private final TableLayout layout;
    private final Consumer<UnrecognisedLine> unrecognised;
    private final List<TableLayout.Kind> before = new ArrayList<>();
    private final List<TableLayout.Kind> after = new ArrayList<>();

    CellTable(TableLayout layout, Consumer<UnrecognisedLine> unrecognised) {
        this.layout = layout;
        this.unrecognised = unrecognised;
        boolean timeSeen = false;
        for (TableLayout.Column c : layout.columns()) {
            if (c.kind() == TableLayout.Kind.TIME) {
                timeSeen = true;
            } else if (c.kind() != TableLayout.Kind.OTHER) {
                (timeSeen ? after : before).add(c.kind());
            }
        }
    }

    /** The rows of the table, in order; the category of a row without one is the one above (a merged 项目 cell). */
    List<RowDraft> rows(List<PlanLine> lines) {
        List<Cell> cells = cells(lines);
        List<List<Cell>> times = new ArrayList<>();
        List<List<Cell>> between = new ArrayList<>();
        between.add(new ArrayList<>());
        for (Cell cell : cells) {
            if (cell.kind == CellKind.TIME) {
                boolean continuesTime = between.get(between.size() - 1).isEmpty() && !times.isEmpty();
                if (continuesTime) {
                    times.get(times.size() - 1).add(cell); // 周次 then 时间: two time cells of one row
                } else {
                    times.add(new ArrayList<>(List.of(cell)));
                    between.add(new ArrayList<>());
                }
            } else {
                between.get(between.size() - 1).add(cell);
            }
        }
        List<RowDraft> rows = new ArrayList<>();
        for (List<Cell> time : times) {
            rows.add(rowAt(time));
        }
        for (int j = 0; j < between.size(); j++) {
            RowDraft previous = j == 0 ? null : rows.get(j - 1);
            RowDraft next = j < rows.size() ? rows.get(j) : null;
            spread(between.get(j), previous, next);
        }
        carryCategories(rows);
        return rows;
    }

    private List<Cell> cells(List<PlanLine> lines) {
        TimeExpression.Unit unit = layout.timeUnit();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int header = repeatedHeaderLength(lines, i);
            if (header > 0) {
                i += header - 1; // the header cells, at the start and again after a page break
                continue;
            }
            TimeExpression.Reading time = TimeExpression.readPure(line.text(), unit);
            boolean isTime = time.pure() && layout.count(TableLayout.Kind.TIME) > 0;
            if (PageFurniture.isFurniture(line.text()) && !(isTime && PageFurniture.isLoneNumber(line.text()))) {
                continue; // a lone "9" in a 月份 column is a month, any other page number is furniture
            }
            if (ScheduleReader.isNote(line.text())) {
                unrecognised.accept(new UnrecognisedLine(line.number(), line.text()));
                continue;
            }
            CellKind kind = isTime ? CellKind.TIME : Numbering.isNumbered(line.text()) ? CellKind.NUMBERED : CellKind.TEXT;
            cells.add(new Cell(line, kind, time));
        }
        return cells;
    }

    private int repeatedHeaderLength(List<PlanLine> lines, int start) {
        List<String> titles = layout.titles();
        int seen = 0;
        for (int i = start; i < lines.size() && seen < titles.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (!lines.get(i).text().equals(titles.get(seen))) {
                return 0;
            }
            seen++;
            if (seen == titles.size()) {
                return i - start + 1;
            }
        }
        return 0;
    }

    private RowDraft rowAt(List<Cell> time) {
        RowDraft row = new RowDraft();
        List<String> texts = new ArrayList<>();
        TimeExpression.Reading reading = time.get(0).time;
        for (int i = 0; i < time.size(); i++) {
            texts.add(time.get(i).text());
            if (i > 0) {
                reading = reading.and(time.get(i).time);
            }
        }
        return row.withTime(String.join(" ", texts), reading);
    }

    /** The cells between two time cells: first the columns after the earlier row's time, then those before the next's. */
    private void spread(List<Cell> cells, RowDraft previous, RowDraft next) {
        List<TableLayout.Kind> columns = new ArrayList<>();
        List<RowDraft> owners = new ArrayList<>();
        if (previous != null) {
            columns.addAll(after);
            after.forEach(k -> owners.add(previous));
        }
        if (next != null) {
            columns.addAll(before);
            before.forEach(k -> owners.add(next));
        }
        if (columns.isEmpty()) {
            cells.forEach(c -> unrecognised.accept(new UnrecognisedLine(c.line.number(), c.text())));
            return;
        }
        int first = firstNumbered(cells);
        if (first < 0) {
            assign(cells, columns, owners);
            return;
        }
        int last = lastNumbered(cells);
        int content = columns.indexOf(TableLayout.Kind.CONTENT);
        if (content < 0) {
            assign(cells, columns, owners);
            return;
        }
        assign(cells.subList(0, first), columns.subList(0, content), owners.subList(0, content));
        RowDraft row = owners.get(content);
        for (Cell c : cells.subList(first, last + 1)) {
            if (c.kind == CellKind.NUMBERED || row.contents.isEmpty()) {
                row.contents.add(new RowDraft.Entry(c.line.number(), c.text()));
            } else {
                row.continueLastContent(c.text()); // an unnumbered line between numbered ones carries on the one above
            }
        }
        assign(cells.subList(last + 1, cells.size()), columns.subList(content + 1, columns.size()),
                owners.subList(content + 1, owners.size()));
    }

    /** One cell per column; with fewer cells a category is missing first, then an owner; extra cells are more owners. */
    private void assign(List<Cell> cells, List<TableLayout.Kind> columns, List<RowDraft> rows) {
        if (cells.isEmpty()) {
            return;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            kept.add(i);
        }
        for (TableLayout.Kind dropped : EnumSet.of(TableLayout.Kind.CATEGORY, TableLayout.Kind.OWNER)) {
            for (int i = kept.size() - 1; i >= 0 && kept.size() > cells.size(); i--) {
                if (columns.get(kept.get(i)) == dropped) {
                    kept.remove(i);
                }
            }
        }
        int ownerColumn = -1;
        for (int k = 0; k < kept.size(); k++) {
            if (columns.get(kept.get(k)) == TableLayout.Kind.OWNER) {
                ownerColumn = k;
            }
        }
        int extra = cells.size() - kept.size();
        int cell = 0;
        for (int k = 0; k < kept.size(); k++) {
            int take = 1 + (k == ownerColumn && extra > 0 ? extra : 0);
            for (int t = 0; t < take && cell < cells.size(); t++) {
                put(cells.get(cell++), columns.get(kept.get(k)), rows.get(kept.get(k)));
            }
        }
        for (; cell < cells.size(); cell++) {
            unrecognised.accept(new UnrecognisedLine(cells.get(cell).line.number(), cells.get(cell).text()));
        }
    }

    private static void put(Cell cell, TableLayout.Kind column, RowDraft row) {
        switch (column) {
            case CATEGORY -> row.category = Text.collapseSpaces(cell.text());
            case CONTENT -> Numbering.splitTableCell(cell.text())
                    .forEach(part -> row.contents.add(new RowDraft.Entry(cell.line.number(), part)));
            case OWNER -> row.owners.add(cell.text());
            default -> { }
        }
    }

    private static void carryCategories(List<RowDraft> rows) {
        String category = "";
        for (RowDraft row : rows) {
            if (row.category.isEmpty()) {
                row.category = category;
            }
            category = row.category;
        }
    }

    private static int firstNumbered(List<Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).kind == CellKind.NUMBERED) {
                return i;
            }
        }
        return -1;
    }

    private static int lastNumbered(List<Cell> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (cells.get(i).kind == CellKind.NUMBERED) {
                return i;
            }
        }
        return -1;
    }
}
