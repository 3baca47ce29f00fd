package org.jiaoyan.research;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One stage of one project: its due date, submission and decision; absent stages have id 0. */
public record StageRecord(long id, long projectId, ProjectStage stage, @Nullable LocalDate dueDate,
                          @Nullable LocalDate submittedOn, @Nullable Decision decision, @Nullable LocalDate decidedOn,
                          @Nullable String decidedBy, @Nullable String comment, int version) {

    /** Late: due and not submitted by today, or submitted after the due date. */
    public boolean late(LocalDate today) {
        if (dueDate == null) {
            return false;
        }
        return submittedOn == null ? dueDate.isBefore(today) && decision == null : submittedOn.isAfter(dueDate);
    }

    /** Submitted and waiting for the reviewer's decision. */
    public boolean waiting() {
        return submittedOn != null && decision == null;
    }
}
