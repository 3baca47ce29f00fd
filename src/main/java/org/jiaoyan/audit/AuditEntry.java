package org.jiaoyan.audit;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log. {@code summary} is the record's title as it read when the change was made;
 * {@code changes} is "field: before → after; field: value" with the field keys of {@code audit.field.*}.
 */
public record AuditEntry(long id, LocalDateTime at, @Nullable String username, @Nullable String actorName, String action, String entityType,
                         @Nullable Long entityId, @Nullable String summary, @Nullable String changes, String outcome,
                         @Nullable String ip, @Nullable String requestId) {
}
