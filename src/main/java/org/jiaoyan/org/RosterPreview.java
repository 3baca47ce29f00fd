package org.jiaoyan.org;

import java.util.List;
import org.jiaoyan.excel.ImportError;

/** What an uploaded roster would import: the understood rows, every row error, and headers we ignored. */
public record RosterPreview(List<Row> rows, List<ImportError> errors, List<String> ignoredHeaders) {

    public boolean importable() {
        return errors.isEmpty() && !rows.isEmpty();
    }

    /** One understood row with its Excel row number. */
    public record Row(int rowNumber, PersonData data, String institutionName) {
    }
}
