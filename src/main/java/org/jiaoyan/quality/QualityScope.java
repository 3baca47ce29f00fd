package org.jiaoyan.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sees and keeps a department's quality records. Readers of the hospital (院长 as principal, county, the managing
 * head) see all its departments; staff see the departments they belong to or lead. The hospital's department heads
 * (DEPT_HEAD, e.g. 护士长 with that role) and the department's own leader manage. Another institution's records are
 * not found. Records belong to departments (or groups) of HEALTHCARE institutions only.
 */
@Component
class QualityScope {

    private static final String DEPARTMENTS = """
            select u.id, u.institution_id, coalesce(u.short_name, u.name) as name, coalesce(i.short_name, i.name) as inst_name
              from org_unit u join org_unit i on i.id = u.institution_id
             where i.sector = 'HEALTHCARE' and u.type in ('DEPARTMENT', 'GROUP') and u.deleted_at is null
               and i.deleted_at is null""";

    private final JdbcClient jdbc;

    QualityScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Departments whose records the user reads, in the hospitals' order. */
    List<Department> readable() {
        DataScope s = Access.scope();
        String where = s.all() ? "" : " and (u.institution_id in (:insts) or u.id in (:mine))";
        var spec = jdbc.sql(DEPARTMENTS + where + " order by i.sort_order, i.id, u.type, u.sort_order, u.name");
        if (!s.all()) {
            spec = spec.param("insts", s.institutionIds()).param("mine", myUnits());
        }
        return spec.query((rs, i) -> new Department(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Departments for which the user records and changes quality records. */
    List<Department> managed() {
        Set<Long> led = new HashSet<>(led());
        return readable().stream().filter(d -> canManage(d.institutionId(), d.id(), led)).toList();
    }

    /** A hospital department by id, without scope (callers check it); 404 for anything else. */
    Department department(long unitId) {
        return jdbc.sql(DEPARTMENTS + " and u.id = ?").param(unitId)
                .query((rs, i) -> new Department(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(NotFoundException::new);
    }

    boolean canRead(long institutionId, long unitId) {
        DataScope s = Access.scope();
        return s.canReadInstitution(institutionId) || myUnits().contains(unitId);
    }

    boolean canManage(long institutionId, long unitId) {
        return canManage(institutionId, unitId, led());
    }

    private boolean canManage(long institutionId, long unitId, Collection<Long> led) {
        return Access.scope().canManageInstitution(institutionId) || led.contains(unitId);
    }

    /** A record the user may not read does not exist for them. */
    void requireRead(long institutionId, long unitId) {
        if (!canRead(institutionId, unitId)) {
            throw new NotFoundException();
        }
    }

    /** The department, when the user manages its records: 403 for a reader, 404 for anyone else. */
    Department requireManage(long unitId) {
        Department d = department(unitId);
        if (!canManage(d.institutionId(), d.id())) {
            throw canRead(d.institutionId(), d.id()) ? new ForbiddenException() : new NotFoundException();
        }
        return d;
    }

    /** The list condition on a record table aliased {@code alias}: its hospital is read, or its department is the user's. */
    SqlFilter scoped(SqlFilter w, String alias) {
        DataScope s = Access.scope();
        if (!s.all()) {
            w.where("(" + alias + ".institution_id in (:insts) or " + alias + ".unit_id in (:mine))",
                    "insts", s.institutionIds(), "mine", myUnits());
        }
        return w;
    }

    /** Departments the user may restore records of (managed institutions or led units), for the recycle bin. */
    SqlFilter managedOnly(SqlFilter w, String alias) {
        DataScope s = Access.scope();
        if (!s.all()) {
            List<Long> led = led();
            w.where("(" + alias + ".institution_id in (:manage) or " + alias + ".unit_id in (:led))",
                    "manage", s.manageIds(), "led", led.isEmpty() ? List.of(DataScope.NONE) : led);
        }
        return w;
    }

    /**
     * The department's staff: its members and its leader, active and not deleted, by name; a department without
     * members falls back to everyone of the hospital.
     */
    List<StaffMember> staff(Department d) {
        List<StaffMember> members = jdbc.sql("""
                select p.id, p.name, p.title_code from person p
                 where p.deleted_at is null and p.status = 'ACTIVE' and p.institution_id = :inst
                   and (p.id in (select m.person_id from unit_member m where m.unit_id = :unit)
                        or p.id = (select u.leader_id from org_unit u where u.id = :unit))
                 order by p.name, p.id""")
                .param("inst", d.institutionId()).param("unit", d.id()).query(QualityScope::staffRow).list();
        if (!members.isEmpty()) {
            return members;
        }
        return jdbc.sql("""
                select p.id, p.name, p.title_code from person p
                 where p.deleted_at is null and p.status = 'ACTIVE' and p.institution_id = ? order by p.name, p.id""")
                .param(d.institutionId()).query(QualityScope::staffRow).list();
    }

    /** Every person must be of the hospital (not deleted); otherwise the field is rejected. */
    void requireOfInstitution(long institutionId, Collection<Long> personIds, String field) {
        Set<Long> distinct = new HashSet<>(personIds);
        if (distinct.isEmpty()) {
            return;
        }
        long inside = jdbc.sql("select count(*) from person where id in (:ids) and institution_id = :inst and deleted_at is null")
                .param("ids", distinct).param("inst", institutionId).query(Long.class).single();
        if (inside != distinct.size()) {
            throw new ValidationException(field, "quality.person.notOfHospital");
        }
    }

    /** Units the user belongs to or leads (bindable: never empty). */
    List<Long> myUnits() {
        CurrentUser u = Access.user();
        if (u.personId() == null) {
            return List.of(DataScope.NONE);
        }
        List<Long> ids = new ArrayList<>(jdbc.sql("""
                select unit_id from unit_member where person_id = :me
                union select id from org_unit where leader_id = :me and deleted_at is null""")
                .param("me", u.personId()).query(Long.class).list());
        return ids.isEmpty() ? List.of(DataScope.NONE) : ids;
    }

    private List<Long> led() {
        Long me = Access.user().personId();
        if (me == null) {
            return List.of();
        }
        return jdbc.sql("select id from org_unit where leader_id = ? and deleted_at is null").param(me).query(Long.class).list();
    }

    private static StaffMember staffRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3));
    }
}
