package org.jiaoyan.assessment;

import java.util.List;
import org.jiaoyan.shared.ValidationException;

/** A published round is locked; a correction reopens it as a new revision with a reason. */
public class RoundLockedException extends ValidationException {
    public RoundLockedException() {
        super(List.of(new FieldProblem(null, "assessment.round.locked")));
    }
}
