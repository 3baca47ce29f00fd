package org.jiaoyan.org;

import java.util.List;
import org.jiaoyan.excel.ImportError;

/** A roster that cannot be imported as a whole; nothing was written. Each error names row, column and reason. */
public class RosterRejected extends RuntimeException {

    private final List<ImportError> errors;

    public RosterRejected(List<ImportError> errors) {
        super(errors.size() + " roster errors");
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
