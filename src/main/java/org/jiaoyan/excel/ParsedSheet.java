package org.jiaoyan.excel;

import java.util.List;
import java.util.Map;

/**
 * The result of reading a sheet: matched columns (key → 0-based index), missing required column headers, data rows,
 * unknown headers, and caption rows left out (a value merged across several columns: 一、语文组, 制表人：…).
 */
public record ParsedSheet(
        Map<String, Integer> columnIndex,
        List<String> missingRequiredColumns,
        List<SheetRow> rows,
        List<String> unrecognisedHeaders,
        List<SkippedRow> skippedRows) {

    /** A caption row left out: its 1-based Excel row number and its text. */
    public record SkippedRow(int rowNumber, String text) {
    }

    public ParsedSheet {
        columnIndex = Map.copyOf(columnIndex);
        missingRequiredColumns = List.copyOf(missingRequiredColumns);
        rows = List.copyOf(rows);
        unrecognisedHeaders = List.copyOf(unrecognisedHeaders);
        skippedRows = List.copyOf(skippedRows);
    }

    public boolean hasColumn(String key) {
        return columnIndex.containsKey(key);
    }
}
