package org.jiaoyan.assessment;

import java.util.List;
import org.jiaoyan.shared.ValidationException;

/** A term's results are locked: no entry, leave, appeal or correction changes them any more. */
public class ResultsLockedException extends ValidationException {
    public ResultsLockedException() {
        super(List.of(new FieldProblem(null, "assessment.result.locked")));
    }
}
