package org.jiaoyan.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Filters of the audit log page; empty strings mean "any". */
public record AuditFilter(@Nullable LocalDate from, @Nullable LocalDate to, String username, String entityType,
                          String outcome, String q) {

    public AuditFilter {
        username = username == null ? "" : username.trim();
        entityType = entityType == null ? "" : entityType.trim();
        outcome = outcome == null ? "" : outcome.trim();
        q = q == null ? "" : q.trim();
    }
}
