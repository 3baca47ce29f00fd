package org.jiaoyan.notify;

import java.sql.Time;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 通知设置: every user sets their own (through the person linked to their account); nobody else's. */
@Service
@Transactional
public class NotifyPreferences {

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final SchoolChannels channels;

    NotifyPreferences(JdbcClient jdbc, OrgDirectory org, SchoolChannels channels) {
        this.jdbc = jdbc;
        this.org = org;
        this.channels = channels;
    }

    /** Whether the current user has a person (an account without one, such as admin, has no notices to set). */
    @Transactional(readOnly = true)
    public boolean available() {
        return Access.user().personId() != null;
    }

    /** The current user's preferences (defaults when never saved, or when the account has no person). */
    @Transactional(readOnly = true)
    public Preference mine() {
        Long person = Access.user().personId();
        return person == null ? Preference.DEFAULT : of(person);
    }

    /** Whether the current user's school sends e-mail at all (the page says so when it does not). */
    @Transactional(readOnly = true)
    public boolean emailOffered() {
        Long person = Access.user().personId();
        if (person == null) {
            return false;
        }
        return org.institutionOfPerson(person).flatMap(channels::stored).flatMap(SchoolChannels.Stored::smtp).isPresent();
    }

    public void saveMine(Preference p) {
        Long person = Access.user().personId();
        if (person == null) {
            throw new ValidationException(null, "notify.prefs.noPerson");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String email = SchoolChannels.blankToNull(p.email());
        if (email != null && (email.length() > 200 || !SchoolChannels.EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "notify.error.email"));
        } else if (p.emailEnabled() && email == null) {
            problems.add(new FieldProblem("email", "notify.error.emailRequired"));
        }
        if ((p.quietStart() == null) != (p.quietEnd() == null)) {
            problems.add(new FieldProblem(p.quietStart() == null ? "quietStart" : "quietEnd", "notify.error.quietBoth"));
        } else if (p.quietStart() != null && p.quietStart().equals(p.quietEnd())) {
            problems.add(new FieldProblem("quietEnd", "notify.error.quietSame"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        // update, else insert; a concurrent first save of the same person makes the insert do nothing: update again
        if (write(UPDATE, person, email, p) == 0 && write(INSERT, person, email, p) == 0) {
            write(UPDATE, person, email, p);
        }
    }

    private static final String UPDATE = """
            update notify_preference set email = :email, email_enabled = :enabled, quiet_start = :start,
                   quiet_end = :end, updated_at = :now where person_id = :person""";
    private static final String INSERT = """
            insert into notify_preference (person_id, email, email_enabled, quiet_start, quiet_end, updated_at)
            values (:person, :email, :enabled, :start, :end, :now) on conflict do nothing""";

    private int write(String sql, long person, @Nullable String email, Preference p) {
        return jdbc.sql(sql).param("email", email).param("enabled", p.emailEnabled())
                .param("start", time(p.quietStart()), java.sql.Types.TIME).param("end", time(p.quietEnd()), java.sql.Types.TIME)
                .param("now", LocalDateTime.now()).param("person", person).update();
    }

    /** A person's preferences, defaults when never saved; no user check (the outbox runs for jobs). */
    @Transactional(readOnly = true)
    Preference of(long personId) {
        return jdbc.sql("select email, email_enabled, quiet_start, quiet_end from notify_preference where person_id = ?")
                .param(personId)
                .query((rs, i) -> new Preference(rs.getString(1), rs.getBoolean(2), localTime(rs.getTime(3)), localTime(rs.getTime(4))))
                .optional().orElse(Preference.DEFAULT);
    }

    private static @Nullable Time time(@Nullable LocalTime t) {
        return t == null ? null : Time.valueOf(t.withSecond(0).withNano(0));
    }

    private static @Nullable LocalTime localTime(@Nullable Time t) {
        return t == null ? null : t.toLocalTime();
    }
}
