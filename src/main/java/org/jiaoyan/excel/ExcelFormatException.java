package org.jiaoyan.excel;

import org.jspecify.annotations.Nullable;

/** The uploaded workbook cannot be read as a whole (not an .xlsx, no header, too many rows); the message is user-facing Chinese. */
public class ExcelFormatException extends RuntimeException {

    public ExcelFormatException(String message) {
        super(message);
    }

    public ExcelFormatException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
