package org.jiaoyan.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 业务学习 / 轮流授课 (科室业务学习每月一次，大家轮流备课): the session, its presenter and its attendees. The rotation is
 * read from who presented when ({@link #presentedCounts}) and by the rules through the metrics.
 */
@Service
@Transactional
public class Trainings implements QualityRecords<Training, TrainingData> {

    private static final String SELECT = """
            select t.*, coalesce(u.short_name, u.name) as unit_name, p.name as presenter_name,
                   (select count(*) from quality_training_attendee a where a.training_id = t.id) as attendee_count
              from quality_training t join org_unit u on u.id = t.unit_id join person p on p.id = t.presenter_id""";

    private final JdbcClient jdbc;
    private final QualityScope scope;
    private final AuditLog audit;

    Trainings(JdbcClient jdbc, QualityScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    @Override
    public PageResult<Training> list(QualityFilter f, PageQuery requested) {
        SqlFilter w = scope.scoped(new SqlFilter().where("t.deleted_at is null"), "t");
        w.whenSet(f.unitId(), "t.unit_id = :unit", "unit");
        w.whenSet(f.from(), "t.held_on >= :from", "from");
        w.whenSet(f.to(), "t.held_on <= :to", "to");
        long total = w.bind(jdbc.sql("select count(*) from quality_training t" + w.sql())).query(Long.class).single();
        PageQuery q = requested.within(total);
        List<Training> rows = w.bind(jdbc.sql(SELECT + w.sql() + " order by t.held_on desc, t.id desc limit :limit offset :offset"))
                .param("limit", q.size()).param("offset", q.offset()).query((rs, i) -> row(rs, List.of())).list();
        return new PageResult<>(rows, total, q.page(), q.size());
    }

    @Transactional(readOnly = true)
    @Override
    public Training get(long id) {
        Training t = jdbc.sql(SELECT + " where t.id = ? and t.deleted_at is null").param(id).query((rs, i) -> row(rs, List.of()))
                .optional().orElseThrow(NotFoundException::new);
        scope.requireRead(t.institutionId(), t.unitId());
        List<StaffMember> attendees = jdbc.sql("""
                select p.id, p.name, p.title_code from quality_training_attendee a join person p on p.id = a.person_id
                 where a.training_id = ? order by p.name, p.id""").param(id)
                .query((rs, i) -> new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        return new Training(t.id(), t.institutionId(), t.unitId(), t.unitName(), t.heldOn(), t.topic(), t.presenterId(),
                t.presenterName(), t.note(), t.attendeeCount(), attendees, t.version());
    }

    @Transactional(readOnly = true)
    @Override
    public boolean canManage(Training t) {
        return scope.canManage(t.institutionId(), t.unitId());
    }

    /**
     * How often each staff member of the department presented between from and to (0 for those who did not), in
     * staff order: who is next in the rotation.
     */
    @Transactional(readOnly = true)
    public List<Presented> presentedCounts(long unitId, LocalDate from, LocalDate to) {
        Department d = scope.department(unitId);
        scope.requireRead(d.institutionId(), d.id());
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select presenter_id, count(*) from quality_training
                 where deleted_at is null and unit_id = ? and held_on >= ? and held_on <= ? group by presenter_id""")
                .params(unitId, from, to).query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return scope.staff(d).stream().map(s -> new Presented(s, counts.getOrDefault(s.id(), 0L))).toList();
    }

    /** A staff member and how many sessions they presented. */
    public record Presented(StaffMember person, long sessions) {
    }

    @Override
    public long create(TrainingData d) {
        Department dept = scope.requireManage(d.unitId());
        Set<Long> attendees = checked(dept, d);
        long id = Inserts.id(jdbc.sql("""
                insert into quality_training (institution_id, unit_id, held_on, topic, presenter_id, note, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dept.institutionId(), dept.id(), d.heldOn(), Texts.clean(d.topic()), d.presenterId(),
                        Texts.clean(d.note()), Access.actor(), Access.actor()));
        writeAttendees(id, attendees);
        audit.success("CREATE", "quality_training", id, dept.name() + " " + Texts.clean(d.topic()), null);
        return id;
    }

    @Override
    public void update(long id, int version, TrainingData d) {
        Training before = get(id);
        Department dept = scope.requireManage(before.unitId());
        Set<Long> attendees = checked(dept, d);
        int n = jdbc.sql("""
                update quality_training set held_on = ?, topic = ?, presenter_id = ?, note = ?, version = version + 1,
                       updated_at = ?, updated_by = ?
                 where id = ? and version = ? and deleted_at is null""")
                .params(d.heldOn(), Texts.clean(d.topic()), d.presenterId(), Texts.clean(d.note()), LocalDateTime.now(),
                        Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from quality_training_attendee where training_id = ?").param(id).update();
        writeAttendees(id, attendees);
        audit.success("UPDATE", "quality_training", id, dept.name() + " " + Texts.clean(d.topic()), null);
    }

    @Override
    public void delete(long id, int version) {
        Training t = get(id);
        scope.requireManage(t.unitId());
        int n = jdbc.sql("update quality_training set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "quality_training", id, t.unitName() + " " + t.topic(), null);
    }

    @Transactional(readOnly = true)
    public List<BinRow> deleted() {
        SqlFilter w = scope.managedOnly(new SqlFilter().where("t.deleted_at is not null"), "t");
        return w.bind(jdbc.sql("""
                select t.id, t.topic, coalesce(u.short_name, u.name), t.held_on, t.deleted_at
                  from quality_training t join org_unit u on u.id = t.unit_id""" + w.sql() + " order by t.deleted_at desc limit 200"))
                .query((rs, i) -> new BinRow("trainings", rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class))).list();
    }

    @Override
    public void restore(long id) {
        BinRow r = deleted().stream().filter(x -> x.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("update quality_training set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(id).update();
        audit.success("RESTORE", "quality_training", id, r.unitName() + " " + r.title(), null);
    }

    private Set<Long> checked(Department dept, TrainingData d) {
        List<FieldProblem> problems = new ArrayList<>();
        Texts.pastDate(problems, "heldOn", d.heldOn());
        Texts.required(problems, "topic", d.topic(), 200);
        if (d.presenterId() == null) {
            problems.add(new FieldProblem("presenterId", "validation.required"));
        }
        Texts.optional(problems, "note", d.note(), 2000);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        scope.requireOfInstitution(dept.institutionId(), List.of(d.presenterId()), "presenterId");
        Set<Long> attendees = new LinkedHashSet<>(d.attendeeIds());
        scope.requireOfInstitution(dept.institutionId(), attendees, "attendeeIds");
        return attendees;
    }

    private void writeAttendees(long id, Set<Long> attendees) {
        for (long person : attendees) {
            jdbc.sql("insert into quality_training_attendee (training_id, person_id) values (?, ?)").params(id, person).update();
        }
    }

    private static Training row(ResultSet rs, List<StaffMember> attendees) throws SQLException {
        return new Training(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getObject("held_on", LocalDate.class), rs.getString("topic"), rs.getLong("presenter_id"),
                rs.getString("presenter_name"), rs.getString("note"), rs.getInt("attendee_count"), attendees,
                rs.getInt("version"));
    }
}
