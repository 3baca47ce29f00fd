package org.jiaoyan.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A change request that a service refused (forbidden, stale, not found) goes to the audit log with outcome FAILURE. */
@Component
class FailedChanges {

    private static final Logger log = LoggerFactory.getLogger(FailedChanges.class);

    private final AuditLog audit;

    FailedChanges(AuditLog audit) {
        this.audit = audit;
    }

    void record(HttpServletRequest request, DomainException e) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return;
        }
        try {
            audit.failure(request.getMethod(), "request", null, request.getRequestURI() + " · " + e.messageKey());
        } catch (RuntimeException unexpected) {
            log.warn("Could not write the audit entry for a failed change", unexpected);
        }
    }
}
