package org.jiaoyan.account;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Login attempts with their outcome and address; written on every attempt, searched by administrators. */
@Service
public class LoginLog {

    private final JdbcClient jdbc;

    public LoginLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, @Nullable Long userId, LoginOutcome outcome, @Nullable String ip,
                       @Nullable String userAgent) {
        jdbc.sql("insert into login_log (at, username, user_id, outcome, ip, user_agent) values (?, ?, ?, ?, ?, ?)")
                .params(LocalDateTime.now(), cut(username, 64), userId, outcome.name(), ip,
                        userAgent == null ? null : cut(userAgent, 300))
                .update();
    }

    @Transactional(readOnly = true)
    public PageResult<LoginLogEntry> search(@Nullable String username, @Nullable LoginOutcome outcome,
                                            @Nullable LocalDate from, @Nullable LocalDate to, PageQuery page) {
        Access.requireAdmin();
        SqlFilter w = new SqlFilter()
                .contains(username, "lower(username) like :u", "u")
                .whenSet(outcome == null ? null : outcome.name(), "outcome = :o", "o")
                .whenSet(from == null ? null : from.atStartOfDay(), "at >= :from", "from")
                .whenSet(to == null ? null : to.plusDays(1).atStartOfDay(), "at < :to", "to");
        long total = w.bind(jdbc.sql("select count(*) from login_log" + w.sql())).query(Long.class).single();
        List<LoginLogEntry> items = w.bind(jdbc.sql("select id, at, username, outcome, ip, user_agent from login_log"
                        + w.sql() + " order by at desc, id desc limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> new LoginLogEntry(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
                        LoginOutcome.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)))
                .list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
