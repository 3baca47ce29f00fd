package org.jiaoyan.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * 应急演练，人人过关: each drill records every participant's pass or fail; whoever failed passes in a later drill of the
 * same scenario (补考). {@link #notYetPassed} names the staff without any passed drill in a period.
 */
@Service
@Transactional
public class Drills implements QualityRecords<Drill, DrillData> {

    /** Scenarios an obstetrics or emergency department drills; the form offers them, any other text is accepted. */
    public static final List<String> COMMON_SCENARIOS = List.of("产后出血抢救", "新生儿窒息复苏", "心肺复苏", "子痫抢救",
            "羊水栓塞抢救", "肩难产处理", "除颤仪使用", "过敏性休克抢救");

    private static final String SELECT = """
            select d.*, coalesce(u.short_name, u.name) as unit_name,
                   (select count(*) from quality_drill_result r where r.drill_id = d.id and r.passed = true) as passed_count,
                   (select count(*) from quality_drill_result r where r.drill_id = d.id and r.passed = false) as failed_count
              from quality_drill d join org_unit u on u.id = d.unit_id""";

    private final JdbcClient jdbc;
    private final QualityScope scope;
    private final AuditLog audit;

    Drills(JdbcClient jdbc, QualityScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    @Override
    public PageResult<Drill> list(QualityFilter f, PageQuery requested) {
        SqlFilter w = scope.scoped(new SqlFilter().where("d.deleted_at is null"), "d");
        w.whenSet(f.unitId(), "d.unit_id = :unit", "unit");
        w.whenSet(f.from(), "d.held_on >= :from", "from");
        w.whenSet(f.to(), "d.held_on <= :to", "to");
        long total = w.bind(jdbc.sql("select count(*) from quality_drill d" + w.sql())).query(Long.class).single();
        PageQuery q = requested.within(total);
        List<Drill> rows = w.bind(jdbc.sql(SELECT + w.sql() + " order by d.held_on desc, d.id desc limit :limit offset :offset"))
                .param("limit", q.size()).param("offset", q.offset()).query((rs, i) -> row(rs, List.of())).list();
        return new PageResult<>(rows, total, q.page(), q.size());
    }

    @Transactional(readOnly = true)
    @Override
    public Drill get(long id) {
        Drill d = jdbc.sql(SELECT + " where d.id = ? and d.deleted_at is null").param(id).query((rs, i) -> row(rs, List.of()))
                .optional().orElseThrow(NotFoundException::new);
        scope.requireRead(d.institutionId(), d.unitId());
        // for each fail, the first later pass of the same scenario in the department (one query)
        List<DrillResult> results = jdbc.sql("""
                select p.id, p.name, p.title_code, r.passed, r.note,
                       (select min(d2.held_on) from quality_drill_result r2 join quality_drill d2 on d2.id = r2.drill_id
                         where r.passed = false and r2.person_id = r.person_id and r2.passed = true
                           and d2.deleted_at is null and d2.unit_id = :unit and d2.scenario = :scenario
                           and (d2.held_on > :day or (d2.held_on = :day and d2.id > :id))) as later_pass
                  from quality_drill_result r join person p on p.id = r.person_id
                 where r.drill_id = :id order by r.passed, p.name, p.id""")
                .param("unit", d.unitId()).param("scenario", d.scenario()).param("day", d.heldOn()).param("id", id)
                .query((rs, i) -> new DrillResult(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class))).list();
        return new Drill(d.id(), d.institutionId(), d.unitId(), d.unitName(), d.heldOn(), d.scenario(), d.note(),
                d.passedCount(), d.failedCount(), results, d.version());
    }

    @Transactional(readOnly = true)
    @Override
    public boolean canManage(Drill d) {
        return scope.canManage(d.institutionId(), d.unitId());
    }

    /** Staff of the department who passed no drill between from and to (人人过关 not yet reached), by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> notYetPassed(long unitId, LocalDate from, LocalDate to) {
        Department dept = scope.department(unitId);
        scope.requireRead(dept.institutionId(), dept.id());
        Set<Long> passed = new HashSet<>(jdbc.sql("""
                select distinct r.person_id from quality_drill_result r join quality_drill d on d.id = r.drill_id
                 where r.passed = true and d.deleted_at is null and d.unit_id = ? and d.held_on >= ? and d.held_on <= ?""")
                .params(unitId, from, to).query(Long.class).list());
        return scope.staff(dept).stream().filter(s -> !passed.contains(s.id())).toList();
    }

    @Override
    public long create(DrillData d) {
        Department dept = scope.requireManage(d.unitId());
        Map<Long, DrillOutcome> outcomes = checked(dept, d);
        long id = Inserts.id(jdbc.sql("""
                insert into quality_drill (institution_id, unit_id, held_on, scenario, note, created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(dept.institutionId(), dept.id(), d.heldOn(), Texts.clean(d.scenario()), Texts.clean(d.note()),
                        Access.actor(), Access.actor()));
        writeResults(id, outcomes);
        audit.success("CREATE", "quality_drill", id, dept.name() + " " + Texts.clean(d.scenario()), summary(outcomes));
        return id;
    }

    @Override
    public void update(long id, int version, DrillData d) {
        Drill before = get(id);
        Department dept = scope.requireManage(before.unitId());
        Map<Long, DrillOutcome> outcomes = checked(dept, d);
        int n = jdbc.sql("""
                update quality_drill set held_on = ?, scenario = ?, note = ?, version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and version = ? and deleted_at is null""")
                .params(d.heldOn(), Texts.clean(d.scenario()), Texts.clean(d.note()), LocalDateTime.now(), Access.actor(),
                        id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        jdbc.sql("delete from quality_drill_result where drill_id = ?").param(id).update();
        writeResults(id, outcomes);
        audit.success("UPDATE", "quality_drill", id, dept.name() + " " + Texts.clean(d.scenario()), summary(outcomes));
    }

    @Override
    public void delete(long id, int version) {
        Drill d = get(id);
        scope.requireManage(d.unitId());
        int n = jdbc.sql("update quality_drill set deleted_at = ?, deleted_by = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), Access.actor(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "quality_drill", id, d.unitName() + " " + d.scenario(), null);
    }

    @Transactional(readOnly = true)
    public List<BinRow> deleted() {
        SqlFilter w = scope.managedOnly(new SqlFilter().where("d.deleted_at is not null"), "d");
        return w.bind(jdbc.sql("""
                select d.id, d.scenario, coalesce(u.short_name, u.name), d.held_on, d.deleted_at
                  from quality_drill d join org_unit u on u.id = d.unit_id""" + w.sql() + " order by d.deleted_at desc limit 200"))
                .query((rs, i) -> new BinRow("drills", rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class))).list();
    }

    @Override
    public void restore(long id) {
        BinRow r = deleted().stream().filter(x -> x.id() == id).findFirst().orElseThrow(NotFoundException::new);
        jdbc.sql("update quality_drill set deleted_at = null, deleted_by = null, version = version + 1 where id = ?").param(id).update();
        audit.success("RESTORE", "quality_drill", id, r.unitName() + " " + r.title(), null);
    }

    private Map<Long, DrillOutcome> checked(Department dept, DrillData d) {
        List<FieldProblem> problems = new ArrayList<>();
        Texts.pastDate(problems, "heldOn", d.heldOn());
        Texts.required(problems, "scenario", d.scenario(), 100);
        Texts.optional(problems, "note", d.note(), 2000);
        Map<Long, DrillOutcome> outcomes = new LinkedHashMap<>();
        d.outcomes().forEach(o -> outcomes.put(o.personId(), o));
        if (outcomes.isEmpty()) {
            problems.add(new FieldProblem("outcomes", "quality.drill.noParticipants"));
        }
        if (outcomes.values().stream().anyMatch(o -> o.note() != null && o.note().strip().length() > 500)) {
            problems.add(new FieldProblem("outcomes", "validation.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        scope.requireOfInstitution(dept.institutionId(), outcomes.keySet(), "outcomes");
        return outcomes;
    }

    private void writeResults(long id, Map<Long, DrillOutcome> outcomes) {
        for (DrillOutcome o : outcomes.values()) {
            jdbc.sql("insert into quality_drill_result (drill_id, person_id, passed, note) values (?, ?, ?, ?)")
                    .params(id, o.personId(), o.passed(), Texts.clean(o.note())).update();
        }
    }

    private static String summary(Map<Long, DrillOutcome> outcomes) {
        long passed = outcomes.values().stream().filter(DrillOutcome::passed).count();
        return "passed: " + passed + "/" + outcomes.size();
    }

    private static Drill row(ResultSet rs, List<DrillResult> results) throws SQLException {
        return new Drill(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getObject("held_on", LocalDate.class), rs.getString("scenario"), rs.getString("note"),
                rs.getInt("passed_count"), rs.getInt("failed_count"), results, rs.getInt("version"));
    }
}
