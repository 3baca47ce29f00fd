package org.jiaoyan.excel;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One cell as read: the text a user sees, plus the date (date-formatted cells) or number (numeric cells) behind it. */
public record CellValue(String text, @Nullable LocalDate date, @Nullable Double number) {

    public static final CellValue EMPTY = new CellValue("", null, null);

    public static CellValue of(String text) {
        return new CellValue(text, null, null);
    }

    public boolean isBlank() {
        return text.isBlank() && date == null && number == null;
    }
}
