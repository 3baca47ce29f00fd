package org.jiaoyan.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A schedule table turned on its side: the months are the columns (项目 | 九月 | 十月 | … | 负责人) and each row is a work
 * area, so every filled cell is an item of its column's month, with the row's area as category and its owner. A column
 * headed 全学期常规 or 每月常规 holds items that repeat, without a month.
 */
final class MonthColumns {

    private enum Kind { CATEGORY, OWNER, MONTH, RECURRING, WEEKDAY, OTHER }

    private static final Pattern WEEKDAY = Pattern.compile("(?:周|星期)[一二三四五六日天]");

    private static final Pattern RECURRING = Pattern.compile("全学期|常规|每月|每周|全年|长期");
    private static final Pattern CELL_GAP = Pattern.compile("\\s{2,}");

    private final List<Kind> kinds;
    private final List<String> titles;
    private final List<TimeExpression.Reading> times;

    private MonthColumns(List<Kind> kinds, List<String> titles, List<TimeExpression.Reading> times) {
        this.kinds = kinds;
        this.titles = titles;
        this.times = times;
    }

    /** The header of such a table, or null: two or more cells that are single months, the rest header words. */
    static @Nullable MonthColumns header(String raw) {
        List<String> cells = cells(raw);
        if (cells.size() < 3) {
            return null;
        }
        List<Kind> kinds = new ArrayList<>();
        List<TimeExpression.Reading> times = new ArrayList<>();
        int months = 0;
        for (String cell : cells) {
            TimeExpression.Reading r = TimeExpression.readPure(cell, TimeExpression.Unit.MONTH);
            TableLayout.Kind word = TableLayout.kindOf(cell);
            if (r.pure() && r.months() != null && r.months().size() == 1 && r.weeks() == null) {
                kinds.add(Kind.MONTH);
                months++;
            } else if (WEEKDAY.matcher(cell).matches()) {
                kinds.add(Kind.WEEKDAY); // 周一 | 周二 | …: a weekly routine, every cell an item of every week
                months++;
            } else if (word == TableLayout.Kind.OWNER) {
                kinds.add(Kind.OWNER);
            } else if (word == TableLayout.Kind.CATEGORY || word == TableLayout.Kind.CONTENT || word == TableLayout.Kind.TIME) {
                // 项目 / 时间 (下午第三节) before the month or weekday columns: what the row is
                kinds.add(Kind.CATEGORY);
            } else if (!cell.isEmpty() && cell.length() <= 8 && RECURRING.matcher(cell).find()) {
                kinds.add(Kind.RECURRING);
            } else if (word == TableLayout.Kind.OTHER || cell.isEmpty()) {
                kinds.add(Kind.OTHER);
            } else {
                return null;
            }
            times.add(r);
        }
        return months >= 2 ? new MonthColumns(kinds, cells, times) : null;
    }

    /** The items of the rows under the header, up to the first blank line or line that is no row of the table. */
    List<RowDraft> rows(List<PlanLine> lines) {
        List<RowDraft> rows = new ArrayList<>();
        for (PlanLine line : lines) {
            if (line.isBlank()) {
                break;
            }
            List<String> cells = cells(line.raw());
            if (cells.size() < 2) {
                break;
            }
            if (cells.size() == kinds.size() + 1) {
                cells = cells.subList(1, cells.size()); // 项目 | … under a header whose first cell was left blank
                if (OWNER_ROW.matcher(line.raw().strip()).lookingAt() && !rows.isEmpty()) {
                    ownersByColumn(rows, cells); // 负责人 | 刘芳 | 陈静 | …: the owners of the row above, column by column
                    continue;
                }
            }
            String category = "";
            String owner = "";
            for (int c = 0; c < cells.size() && c < kinds.size(); c++) {
                if (kinds.get(c) == Kind.CATEGORY) {
                    category = Text.trimTrailingPunctuation(cells.get(c));
                } else if (kinds.get(c) == Kind.OWNER) {
                    owner = cells.get(c);
                }
            }
            for (int c = 0; c < cells.size() && c < kinds.size(); c++) {
                Kind kind = kinds.get(c);
                String cell = cells.get(c);
                if (cell.isEmpty() || cell.matches("[—\\-－/]+") || kind != Kind.MONTH && kind != Kind.RECURRING
                        && kind != Kind.WEEKDAY) {
                    continue;
                }
                RowDraft row = kind == Kind.MONTH ? new RowDraft().withTime(titles.get(c), times.get(c))
                        : kind == Kind.WEEKDAY ? new RowDraft().withTime(titles.get(c), WEEKLY) : new RowDraft();
                row.column = c;
                row.category = category;
                Numbering.splitTableCell(cell).forEach(part -> row.contents.add(new RowDraft.Entry(line.number(), part)));
                if (!owner.isEmpty()) {
                    row.owners.add(owner);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static final Pattern OWNER_ROW = Pattern.compile("(?:负责人|责任人|负责|主持人|主讲)");
    private static final TimeExpression.Reading WEEKLY = TimeExpression.readPure("每周", TimeExpression.Unit.NONE);

    private static void ownersByColumn(List<RowDraft> rows, List<String> owners) {
        for (RowDraft row : rows) {
            if (row.column >= 0 && row.column < owners.size() && row.owners.isEmpty() && !owners.get(row.column).isEmpty()) {
                row.owners.add(owners.get(row.column));
            }
        }
    }

    /** How many lines {@link #rows} reads. */
    static int rowCount(List<PlanLine> lines) {
        int n = 0;
        for (PlanLine line : lines) {
            if (line.isBlank() || cells(line.raw()).size() < 2) {
                break;
            }
            n++;
        }
        return n;
    }

    private static List<String> cells(String raw) {
        String[] parts;
        if (raw.indexOf('\t') >= 0) {
            parts = raw.split("\t", -1);
        } else if (RowCells.isPipeRow(raw.strip())) {
            String t = raw.strip();
            t = t.startsWith("|") || t.startsWith("｜") ? t.substring(1) : t;
            t = t.endsWith("|") || t.endsWith("｜") ? t.substring(0, t.length() - 1) : t;
            parts = t.split("[|｜]", -1);
        } else {
            parts = CELL_GAP.split(raw.strip(), -1);
        }
        List<String> cells = new ArrayList<>();
        for (String p : parts) {
            cells.add(Text.collapseSpaces(p));
        }
        return cells;
    }
}
