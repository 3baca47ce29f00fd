package org.jiaoyan.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit entries in the caller's transaction (a rolled-back change leaves no success entry) and failures in
 * their own transaction so they survive the rollback.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void success(String action, String entityType, @Nullable Long entityId, String summary, @Nullable String changes) {
        insert(action, entityType, entityId, summary, changes, "SUCCESS");
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(String action, String entityType, @Nullable Long entityId, String summary) {
        insert(action, entityType, entityId, summary, null, "FAILURE");
    }

    /**
     * Rewrites the recorded changes of one entity type with redact, for secrets that older entries recorded in the clear
     * (notify's robot webhooks before they were masked); returns how many entries changed. redact must leave redacted
     * text as it is. The only edit of past entries there is: what they say stays, the secret goes.
     */
    @Transactional
    public int redactChanges(String entityType, java.util.function.UnaryOperator<String> redact) {
        record Recorded(long id, String changes) {
        }
        int changed = 0;
        for (Recorded r : jdbc.sql("select id, changes from audit_log where entity_type = ? and changes is not null")
                .param(entityType).query((rs, i) -> new Recorded(rs.getLong(1), rs.getString(2))).list()) {
            String redacted = redact.apply(r.changes());
            if (!redacted.equals(r.changes())) {
                changed += jdbc.sql("update audit_log set changes = ? where id = ?").params(redacted, r.id()).update();
            }
        }
        return changed;
    }

    /** "姓名: 张三 → 张珊; 手机: … " for the keys whose values differ. */
    public static @Nullable String diff(Map<String, ?> before, Map<String, ?> after) {
        List<String> parts = new ArrayList<>();
        for (String key : new TreeSet<>(after.keySet())) {
            Object b = before.get(key);
            Object a = after.get(key);
            if (!Objects.equals(String.valueOf(b), String.valueOf(a))) {
                parts.add(key + ": " + show(b) + " → " + show(a));
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** One changed field in the stored form, "totalScore: 85 → 90", read back in words by the log page. */
    public static String change(String field, @Nullable Object before, @Nullable Object after) {
        return field + ": " + show(before) + " → " + show(after);
    }

    /** One fact about the change in the stored form, "totalScore: 90". */
    public static String fact(String field, @Nullable Object value) {
        return field + ": " + show(value);
    }

    private static String show(@Nullable Object v) {
        return v == null || "".equals(v) ? "∅" : String.valueOf(v);
    }

    public PageResult<AuditEntry> search(AuditFilter filter, PageQuery page) {
        Access.requireAdmin();
        var where = new SqlFilter()
                .whenSet(filter.from() == null ? null : filter.from().atStartOfDay(), "at >= :from", "from")
                .whenSet(filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(), "at < :to", "to")
                .contains(filter.username(), "(lower(username) like :user or lower(actor_name) like :user)", "user")
                .whenSet(filter.entityType(), "entity_type = :type", "type")
                .whenSet(filter.outcome(), "outcome = :outcome", "outcome")
                .contains(filter.q(), "lower(summary) like :q", "q");
        var count = where.bind(jdbc.sql("select count(*) from audit_log" + where.sql()));
        var rows = where.bind(jdbc.sql("select * from audit_log" + where.sql()
                + " order by at desc, id desc limit :limit offset :offset"));
        long total = count.query(Long.class).single();
        List<AuditEntry> items = rows.param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toLocalDateTime(),
                        rs.getString("username"), rs.getString("actor_name"), rs.getString("action"), rs.getString("entity_type"),
                        (Long) rs.getObject("entity_id", Long.class), rs.getString("summary"), rs.getString("changes"),
                        rs.getString("outcome"), rs.getString("ip"), rs.getString("request_id")))
                .list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private void insert(String action, String entityType, @Nullable Long entityId, String summary,
                        @Nullable String changes, String outcome) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
        jdbc.sql("""
                insert into audit_log (at, user_id, username, actor_name, action, entity_type, entity_id, summary, changes, outcome, ip, request_id)
                values (:at, :userId, :username, :actorName, :action, :type, :entityId, :summary, :changes, :outcome, :ip, :requestId)""")
                .param("at", LocalDateTime.now())
                .param("userId", user == null || user.id() == 0 ? null : user.id())
                .param("username", user == null ? Access.actor() : user.username())
                .param("actorName", user == null ? null : truncate(user.displayName(), 50))
                .param("action", action).param("type", entityType).param("entityId", entityId)
                .param("summary", truncate(summary, 500)).param("changes", changes == null ? null : truncate(changes, 20000))
                .param("outcome", outcome).param("ip", clientIp()).param("requestId", MDC.get("requestId"))
                .update();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Address of the request being served, when there is one. */
    public static @Nullable String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
