package org.jiaoyan.plan;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A workflow step (SUBMIT, APPROVE, REJECT, PUBLISH, CREATE, COPY, IMPORT) or a revision (REVISE) of a plan. */
public record HistoryEntry(String action, int revision, @Nullable String reason, @Nullable String changes,
                           LocalDateTime at, @Nullable String by) {

    public String messageKey() {
        return "plan.history." + action;
    }
}
