package org.jiaoyan.excel;

import java.util.List;
import java.util.Map;

/** The result of reading a sheet: matched columns (key → 0-based index), missing required column headers, data rows, unknown headers. */
public record ParsedSheet(
        Map<String, Integer> columnIndex,
        List<String> missingRequiredColumns,
        List<SheetRow> rows,
        List<String> unrecognisedHeaders) {

    public ParsedSheet {
        columnIndex = Map.copyOf(columnIndex);
        missingRequiredColumns = List.copyOf(missingRequiredColumns);
        rows = List.copyOf(rows);
        unrecognisedHeaders = List.copyOf(unrecognisedHeaders);
    }

    public boolean hasColumn(String key) {
        return columnIndex.containsKey(key);
    }
}
