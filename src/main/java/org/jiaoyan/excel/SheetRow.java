package org.jiaoyan.excel;

import java.util.Map;

/**
 * One non-blank data row: its worksheet ("" when the file's rows come from one sheet), its 1-based Excel row number and
 * the non-blank cells of the matched columns, by column key.
 */
public record SheetRow(String sheet, int rowNumber, Map<String, CellValue> values) {

    public SheetRow {
        values = Map.copyOf(values);
    }

    public SheetRow(int rowNumber, Map<String, CellValue> values) {
        this("", rowNumber, values);
    }

    /** The cell for {@code key}, or {@link CellValue#EMPTY} when blank or the column is absent. */
    public CellValue get(String key) {
        return values.getOrDefault(key, CellValue.EMPTY);
    }

    /** The cell's text as the user sees it, or "" when blank. */
    public String text(String key) {
        return get(key).text();
    }

    /** Where the row is, as the user finds it: 第 5 行, or 数学组 第 5 行. */
    public String place() {
        return place(sheet, rowNumber);
    }

    public static String place(String sheet, int row) {
        return (sheet.isEmpty() ? "" : sheet + " ") + "第 " + row + " 行";
    }
}
