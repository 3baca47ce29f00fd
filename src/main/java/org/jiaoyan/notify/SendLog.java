package org.jiaoyan.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 发送记录: every delivery with its attempts, newest first, paged in SQL. Administrators see all schools; a school's
 * 教科室主任 sees the schools they manage (asking for another school is a not-found); nobody else sees it.
 */
@Service
@Transactional(readOnly = true)
public class SendLog {

    /** Filters; each null means any. */
    public record Filter(@Nullable DeliveryState state, @Nullable Channel channel, @Nullable Long school) {
    }

    private static final String FROM = " " + """
             from notify_delivery d
             join notify_message m on m.id = d.message_id
             left join org_unit s on s.id = m.institution_id
             left join person p on p.id = m.person_id""";

    private final JdbcClient jdbc;
    private final SchoolChannels channels;

    SendLog(JdbcClient jdbc, SchoolChannels channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    public PageResult<Delivery> search(Filter f, PageQuery page) {
        SqlFilter where = scoped(f);
        long total = where.bind(jdbc.sql("select count(*)" + FROM + where.sql())).query(Long.class).single();
        PageQuery p = page.within(total);
        List<Delivery> rows = where.bind(jdbc.sql("""
                        select d.id, d.created_at, d.sent_at, coalesce(s.short_name, s.name) as school, p.name as person,
                               d.recipient, d.channel, m.kind, m.title, d.state, d.attempts, d.next_attempt_at, d.last_error"""
                        + FROM + where.sql() + " order by d.created_at desc, d.id desc limit :limit offset :offset"))
                .param("limit", p.size()).param("offset", p.offset())
                .query(SendLog::row).list();
        return new PageResult<>(withTries(rows), total, p.page(), p.size());
    }

    private SqlFilter scoped(Filter f) {
        CurrentUser user = Access.user();
        if (!channels.configuresAny()) {
            throw new ForbiddenException();
        }
        SqlFilter where = new SqlFilter()
                .whenSet(f.state() == null ? null : f.state().name(), "d.state = :state", "state")
                .whenSet(f.channel() == null ? null : f.channel().name(), "d.channel = :channel", "channel");
        if (f.school() != null) {
            if (!user.isAdmin() && !user.scope().canManageInstitution(f.school())) {
                throw new NotFoundException();
            }
            where.where("m.institution_id = :school", "school", f.school());
        } else if (!user.isAdmin()) {
            where.where("m.institution_id in (:schools)", "schools", user.scope().manageIds());
        }
        return where;
    }

    /** The attempts of the page's deliveries in one query. */
    private List<Delivery> withTries(List<Delivery> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Delivery.Attempt>> tries = jdbc.sql("""
                        select delivery_id, attempt, at, node, outcome, error from notify_attempt
                         where delivery_id in (:ids) order by delivery_id, attempt, id""")
                .param("ids", rows.stream().map(Delivery::id).toList())
                .query((rs, i) -> Map.entry(rs.getLong(1), new Delivery.Attempt(rs.getInt(2),
                        rs.getTimestamp(3).toLocalDateTime(), rs.getString(4), rs.getString(5), rs.getString(6))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(d -> d.withTries(tries.getOrDefault(d.id(), List.of()))).toList();
    }

    private static Delivery row(ResultSet rs, int i) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getTimestamp("created_at").toLocalDateTime(), time(rs.getTimestamp("sent_at")),
                String.valueOf(rs.getString("school")), rs.getString("person"), rs.getString("recipient"),
                Channel.valueOf(rs.getString("channel")), rs.getString("kind"), rs.getString("title"),
                DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), time(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"), List.of());
    }

    private static @Nullable LocalDateTime time(@Nullable Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
