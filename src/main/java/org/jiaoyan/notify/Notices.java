package org.jiaoyan.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app inbox: modules send notices to people (idempotently, by dedupe key), and the signed-in user reads their
 * own. Everything a user does here is limited to the notices of the person linked to their account.
 */
@Service
@Transactional
public class Notices {

    private static final String COLUMNS = "id, kind, title, body, link, created_at, read_at";

    private final JdbcClient jdbc;

    public Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sends a notice to a person unless one with the same dedupeKey exists (idempotent: jobs may re-run). Returns true
     * when created. Runs without a user (jobs) — no scope check here. Joins the caller's transaction: a rolled-back
     * caller sends nothing. Title and body longer than their columns are shortened with "…".
     */
    public boolean send(NoticeRequest request) {
        requireText(request.kind(), "kind", 40);
        requireText(request.dedupeKey(), "dedupeKey", 200);
        requireText(request.title(), "title", Integer.MAX_VALUE);
        if (request.link() != null && request.link().length() > 500) {
            throw new IllegalArgumentException("notice link longer than 500 characters");
        }
        // "on conflict do nothing" (PostgreSQL, and H2 in PostgreSQL mode) waits for a concurrent insert of the same
        // key and then inserts nothing, without an error that would abort the caller's PostgreSQL transaction.
        int inserted = jdbc.sql("""
                insert into notice (person_id, kind, title, body, link, dedupe_key, created_at)
                values (:person, :kind, :title, :body, :link, :key, :at)
                on conflict do nothing""")
                .param("person", request.personId())
                .param("kind", request.kind())
                .param("title", shorten(request.title().strip(), 200))
                .param("body", request.body() == null || request.body().isBlank() ? null : shorten(request.body().strip(), 2000))
                .param("link", request.link() == null || request.link().isBlank() ? null : request.link().strip())
                .param("key", request.dedupeKey())
                .param("at", LocalDateTime.now())
                .update();
        return inserted == 1;
    }

    /** The current user's notices (by Access.user().personId(); a user without a person has none), newest first, paged in SQL. */
    @Transactional(readOnly = true)
    public PageResult<Notice> inbox(boolean unreadOnly, PageQuery page) {
        Long person = Access.user().personId();
        if (person == null) {
            return new PageResult<>(List.of(), 0, 1, page.size());
        }
        String where = " where person_id = :person" + (unreadOnly ? " and read_at is null" : "");
        long total = jdbc.sql("select count(*) from notice" + where).param("person", person).query(Long.class).single();
        PageQuery p = page.within(total);
        List<Notice> items = jdbc.sql("select " + COLUMNS + " from notice" + where
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .param("person", person).param("limit", p.size()).param("offset", p.offset())
                .query(Notices::notice).list();
        return new PageResult<>(items, total, p.page(), p.size());
    }

    /** The current user's unread notices. */
    @Transactional(readOnly = true)
    public long unreadCount() {
        Long person = Access.user().personId();
        if (person == null) {
            return 0;
        }
        return jdbc.sql("select count(*) from notice where person_id = ? and read_at is null")
                .param(person).query(Long.class).single();
    }

    /** Marks the notice read and returns it; a notice of another person (or none) is a NotFoundException. */
    public Notice open(long id) {
        Long person = Access.user().personId();
        if (person == null) {
            throw new NotFoundException();
        }
        jdbc.sql("update notice set read_at = ? where id = ? and person_id = ? and read_at is null")
                .params(LocalDateTime.now(), id, person).update();
        return jdbc.sql("select " + COLUMNS + " from notice where id = ? and person_id = ?").params(id, person)
                .query(Notices::notice).optional().orElseThrow(NotFoundException::new);
    }

    /** Marks every unread notice of the current user read. */
    public void markAllRead() {
        Long person = Access.user().personId();
        if (person != null) {
            jdbc.sql("update notice set read_at = ? where person_id = ? and read_at is null")
                    .params(LocalDateTime.now(), person).update();
        }
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), rs.getTimestamp("created_at").toLocalDateTime(), localDateTime(rs.getTimestamp("read_at")));
    }

    private static @Nullable LocalDateTime localDateTime(@Nullable Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    private static void requireText(@Nullable String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("notice " + name + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("notice " + name + " longer than " + max + " characters");
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
