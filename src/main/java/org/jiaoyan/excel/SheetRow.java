package org.jiaoyan.excel;

import java.util.Map;

/** One non-blank data row: its 1-based Excel row number and the non-blank cells of the matched columns, by column key. */
public record SheetRow(int rowNumber, Map<String, CellValue> values) {

    public SheetRow {
        values = Map.copyOf(values);
    }

    /** The cell for {@code key}, or {@link CellValue#EMPTY} when blank or the column is absent. */
    public CellValue get(String key) {
        return values.getOrDefault(key, CellValue.EMPTY);
    }

    /** The cell's text as the user sees it, or "" when blank. */
    public String text(String key) {
        return get(key).text();
    }
}
