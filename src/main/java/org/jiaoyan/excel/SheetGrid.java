package org.jiaoyan.excel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A sheet as read, before headers are matched: both readers ({@link XlsxStream} and the full POI one) produce it. */
final class SheetGrid {

    /** More merged regions than any roster has; bounds the work a crafted file can cause. */
    static final int MAX_REGIONS = 20_000;
    static final String TOO_MANY_REGIONS = "合并单元格过多，请取消合并后再导入";

    private SheetGrid() {
    }

    /**
     * @param name the worksheet's name (its tab)
     * @param rows rows with at least one non-blank cell, ascending
     * @param physicalRows every row element, blank or not
     * @param merged the merged regions as the file lists them (the value sits in the top-left cell only)
     */
    record Sheet(String name, List<Row> rows, int physicalRows, List<Region> merged) {

        Sheet {
            rows = List.copyOf(rows);
            merged = List.copyOf(merged);
            if (merged.size() > MAX_REGIONS) throw new ExcelFormatException(TOO_MANY_REGIONS);
        }

        /**
         * The rows as a person reads them: a region merged over several rows shows its value on each of them, so each of
         * those rows that has a value of its own gets it in the region's first column. (A row blank but for the merge, a
         * spacer or a tall cell, stays blank; a region over columns only keeps its value in its first cell.)
         */
        List<Row> filledRows() {
            if (merged.stream().noneMatch(r -> r.lastRow() > r.firstRow())) return rows;
            TreeMap<Integer, List<Cell>> byIndex = new TreeMap<>();
            for (Row row : rows) byIndex.put(row.index(), new ArrayList<>(row.cells()));
            for (Region region : merged) {
                if (region.lastRow() == region.firstRow()) continue;
                List<Cell> top = byIndex.get(region.firstRow());
                CellValue value = top == null ? null : find(top, region.firstColumn());
                if (value == null) continue;
                for (List<Cell> cells : byIndex.subMap(region.firstRow(), false, region.lastRow(), true).values()) {
                    if (find(cells, region.firstColumn()) != null) continue; // a value of its own (files can hold that)
                    cells.add(new Cell(region.firstColumn(), value));
                    cells.sort(Comparator.comparingInt(Cell::column));
                }
            }
            List<Row> out = new ArrayList<>(byIndex.size());
            byIndex.forEach((index, cells) -> out.add(new Row(index, cells)));
            return out;
        }

        /** For each row with a value, the regions covering it, keyed by {@link #key}(row, the region's first column). */
        Map<Long, Region> regionsByCell() {
            Map<Long, Region> out = new HashMap<>();
            if (merged.isEmpty()) return out;
            TreeMap<Integer, Row> byIndex = new TreeMap<>();
            for (Row row : rows) byIndex.put(row.index(), row);
            for (Region region : merged) {
                for (int r : byIndex.subMap(region.firstRow(), true, region.lastRow(), true).keySet()) {
                    out.put(key(r, region.firstColumn()), region);
                    if (out.size() > MAX_REGIONS * 50) throw new ExcelFormatException(TOO_MANY_REGIONS);
                }
            }
            return out;
        }

        static long key(int row, int column) {
            return (long) row << 20 | column;
        }

        private static @Nullable CellValue find(List<Cell> cells, int column) {
            for (Cell c : cells) {
                if (c.column() == column) return c.value();
            }
            return null;
        }
    }

    /** One row (0-based index) and its non-blank cells, ascending by column. */
    record Row(int index, List<Cell> cells) {

        @Nullable CellValue at(int column) {
            return Sheet.find(cells, column);
        }
    }

    record Cell(int column, CellValue value) {
    }

    /** A merged region, 0-based and inclusive. */
    record Region(int firstRow, int lastRow, int firstColumn, int lastColumn) {

        boolean coversColumn(int column) {
            return column >= firstColumn && column <= lastColumn;
        }
    }
}
