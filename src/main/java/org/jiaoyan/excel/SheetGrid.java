package org.jiaoyan.excel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A sheet as read, before headers are matched: both readers ({@link XlsxStream} and the full POI one) produce it. */
final class SheetGrid {

    private SheetGrid() {
    }

    /** @param rows rows with at least one non-blank cell, ascending; @param physicalRows every row element, blank or not */
    record Sheet(List<Row> rows, int physicalRows) {
    }

    /** One row (0-based index) and its non-blank cells, ascending by column. */
    record Row(int index, List<Cell> cells) {

        @Nullable CellValue at(int column) {
            for (Cell c : cells) {
                if (c.column() == column) return c.value();
            }
            return null;
        }
    }

    record Cell(int column, CellValue value) {
    }
}
