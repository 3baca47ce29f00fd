package org.jiaoyan.excel;

/**
 * One problem found in one imported row; {@code row} is the 1-based Excel row number the user sees, {@code sheet} the
 * worksheet's name when the file's rows come from more than one sheet ("" otherwise).
 */
public record ImportError(String sheet, int row, String column, String message) {

    public ImportError(int row, String column, String message) {
        this("", row, column, message);
    }

    /** {@code 第 5 行 · 出生日期 · 日期无法识别：1985.13} ({@code 数学组 第 5 行 · …} with a sheet); unknown parts left out. */
    public String display() {
        StringBuilder sb = new StringBuilder();
        if (row > 0) sb.append(SheetRow.place(sheet, row)).append(" · ");
        if (!column.isBlank()) sb.append(column).append(" · ");
        return sb.append(message).toString();
    }
}
