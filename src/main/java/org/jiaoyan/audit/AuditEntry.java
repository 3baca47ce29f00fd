package org.jiaoyan.audit;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One line of the audit log. */
public record AuditEntry(long id, LocalDateTime at, @Nullable String username, String action, String entityType,
                         @Nullable Long entityId, @Nullable String summary, @Nullable String changes, String outcome,
                         @Nullable String ip, @Nullable String requestId) {
}
