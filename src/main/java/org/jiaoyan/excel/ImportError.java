package org.jiaoyan.excel;

/** One problem found in one imported row; {@code row} is the 1-based Excel row number the user sees. */
public record ImportError(int row, String column, String message) {

    /** {@code 第 5 行 · 出生日期 · 日期无法识别：1985.13}; the row or column part is left out when unknown (≤ 0 / blank). */
    public String display() {
        StringBuilder sb = new StringBuilder();
        if (row > 0) sb.append("第 ").append(row).append(" 行 · ");
        if (!column.isBlank()) sb.append(column).append(" · ");
        return sb.append(message).toString();
    }
}
