package org.jiaoyan.excel;

import java.util.List;
import java.util.Map;

/**
 * The result of reading a workbook: matched columns (key → 0-based index, of the first sheet read), missing required
 * column headers, data rows, unknown headers, caption rows left out (a value merged across several columns: 一、语文组,
 * 制表人：…), the sheets read, and the visible sheets with content that were not (no header, or other columns).
 */
public record ParsedSheet(
        Map<String, Integer> columnIndex,
        List<String> missingRequiredColumns,
        List<SheetRow> rows,
        List<String> unrecognisedHeaders,
        List<SkippedRow> skippedRows,
        List<String> sheetsRead,
        List<String> sheetsNotRead) {

    /** A caption row left out: its sheet (as in {@link SheetRow#sheet()}), 1-based Excel row number and text. */
    public record SkippedRow(String sheet, int rowNumber, String text) {

        /** 第 5 行, or 数学组 第 5 行. */
        public String place() {
            return SheetRow.place(sheet, rowNumber);
        }
    }

    public ParsedSheet {
        columnIndex = Map.copyOf(columnIndex);
        missingRequiredColumns = List.copyOf(missingRequiredColumns);
        rows = List.copyOf(rows);
        unrecognisedHeaders = List.copyOf(unrecognisedHeaders);
        skippedRows = List.copyOf(skippedRows);
        sheetsRead = List.copyOf(sheetsRead);
        sheetsNotRead = List.copyOf(sheetsNotRead);
    }

    public boolean hasColumn(String key) {
        return columnIndex.containsKey(key);
    }
}
