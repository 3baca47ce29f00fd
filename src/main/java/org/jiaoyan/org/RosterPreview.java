package org.jiaoyan.org;

import java.util.List;
import org.jiaoyan.excel.ImportError;
import org.jiaoyan.excel.ParsedSheet;

/**
 * What an uploaded roster would import: the understood rows, every row error, headers we ignored, caption rows left out
 * (a value merged across the table: 一、语文组, 制表人：…), the sheets read when there are several, and the sheets not read
 * (no header, or other columns than the first).
 */
public record RosterPreview(List<Row> rows, List<ImportError> errors, List<String> ignoredHeaders,
        List<ParsedSheet.SkippedRow> skippedRows, List<String> sheetsRead, List<String> sheetsNotRead) {

    /** Only errors (the file could not be read, or an import was refused). */
    public static RosterPreview rejected(List<ImportError> errors) {
        return new RosterPreview(List.of(), errors, List.of(), List.of(), List.of(), List.of());
    }

    /** The most rows, and errors, the preview page lists; an import takes every row all the same. */
    public static final int SHOWN = 500;

    public List<Row> shownRows() {
        return rows.size() <= SHOWN ? rows : rows.subList(0, SHOWN);
    }

    public int rowsNotShown() {
        return Math.max(0, rows.size() - SHOWN);
    }

    public List<ImportError> shownErrors() {
        return errors.size() <= SHOWN ? errors : errors.subList(0, SHOWN);
    }

    public int errorsNotShown() {
        return Math.max(0, errors.size() - SHOWN);
    }

    public boolean importable() {
        return errors.isEmpty() && !rows.isEmpty();
    }

    /** One understood row with its sheet (when several were read) and Excel row number. */
    public record Row(String sheet, int rowNumber, PersonData data, String institutionName) {
    }
}
