package org.jiaoyan.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree: regions, institutions (schools, hospitals), their departments and groups with leader and
 * members. Reads are limited to the caller's institutions; changes need manage rights on the institution
 * (regions and new institutions: administrators).
 */
@Service
@Transactional
public class OrgUnits {

    private static final String SELECT = """
            select u.*, l.name as leader_name,
                   (select count(*) from unit_member m join person mp on mp.id = m.person_id
                     where m.unit_id = u.id and mp.deleted_at is null) as member_count
              from org_unit u left join person l on l.id = u.leader_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public OrgUnits(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Institutions the caller may read, in display order. */
    @Transactional(readOnly = true)
    public List<OrgUnit> institutions() {
        DataScope scope = Access.scope();
        SqlFilter w = new SqlFilter().where("u.type = 'INSTITUTION'").where("u.deleted_at is null");
        if (!scope.all()) {
            w.where("u.id in (:ids)", "ids", scope.institutionIds());
        }
        return w.bind(jdbc.sql(SELECT + w.sql() + " order by u.sort_order, u.name")).query(OrgUnits::row).list();
    }

    /** Institutions the caller may change (targets of forms and imports). */
    @Transactional(readOnly = true)
    public List<OrgUnit> managedInstitutions() {
        DataScope scope = Access.scope();
        return institutions().stream().filter(u -> scope.canManageInstitution(u.id())).toList();
    }

    @Transactional(readOnly = true)
    public List<OrgUnit> regions() {
        return jdbc.sql(SELECT + " where u.type = 'REGION' and u.deleted_at is null order by u.sort_order, u.name")
                .query(OrgUnits::row).list();
    }

    @Transactional(readOnly = true)
    public OrgUnit get(long id) {
        OrgUnit u = jdbc.sql(SELECT + " where u.id = ?").param(id).query(OrgUnits::row).optional()
                .orElseThrow(NotFoundException::new);
        if (u.type() != UnitType.REGION && (u.institutionId() == null || !Access.scope().canReadInstitution(u.institutionId()))) {
            throw new NotFoundException();
        }
        return u;
    }

    /** Departments and groups of an institution; deleted ones only when asked (recycle bin). */
    @Transactional(readOnly = true)
    public List<OrgUnit> unitsOf(long institutionId, @Nullable UnitType type, boolean deleted) {
        if (!Access.scope().canReadInstitution(institutionId)) {
            throw new NotFoundException();
        }
        SqlFilter w = new SqlFilter().where("u.institution_id = :inst", "inst", institutionId)
                .where("u.type <> 'INSTITUTION'")
                .where(deleted ? "u.deleted_at is not null" : "u.deleted_at is null")
                .whenSet(type == null ? null : type.name(), "u.type = :type", "type");
        // ranks of the unit's subject and grade in the school's dictionaries: 语文、数学… and 一年级、二年级… in their order
        String ranked = SELECT.replace(" from org_unit u", ", ds.sort_order as subject_rank, dg.sort_order as grade_rank"
                + " from org_unit u left join dict_item ds on ds.kind = 'subject' and ds.code = u.subject_code"
                + " left join dict_item dg on dg.kind = 'grade' and dg.code = u.grade_code");
        List<Ranked> rows = w.bind(jdbc.sql(ranked + w.sql())).query((rs, i) -> new Ranked(row(rs, i),
                rs.getObject("subject_rank") == null ? Integer.MAX_VALUE : rs.getInt("subject_rank"),
                rs.getObject("grade_rank") == null ? Integer.MAX_VALUE : rs.getInt("grade_rank"))).list();
        return rows.stream().sorted(UNIT_ORDER).map(Ranked::unit).toList();
    }

    private record Ranked(OrgUnit unit, int subjectRank, int gradeRank) {
    }

    /** Type, group kind, the unit's own sort order, then subject and grade order, then the name as counted. */
    private static final java.util.Comparator<Ranked> UNIT_ORDER = java.util.Comparator
            .comparing((Ranked r) -> r.unit().type().name())
            .thenComparing(r -> r.unit().groupKind() == null ? "" : r.unit().groupKind().name())
            .thenComparingInt(r -> r.unit().sortOrder())
            .thenComparingInt(Ranked::subjectRank)
            .thenComparingInt(Ranked::gradeRank)
            .thenComparing(r -> r.unit().name(), org.jiaoyan.shared.NaturalOrder.INSTANCE);

    public long create(UnitData d) {
        Long institutionId = switch (d.type()) {
            case REGION, INSTITUTION -> {
                Access.requireAdmin();
                yield null;
            }
            case DEPARTMENT, GROUP -> {
                if (d.parentId() == null) {
                    throw new ValidationException("parentId", "validation.required");
                }
                OrgUnit parent = get(d.parentId());
                long inst = parent.type() == UnitType.INSTITUTION ? parent.id() : requireNonNull(parent.institutionId());
                requireManage(inst);
                yield inst;
            }
        };
        Long regionId = switch (d.type()) {
            case REGION -> null;
            case INSTITUTION -> d.parentId();
            default -> get(institutionId).regionId();
        };
        checkNameFree(d, institutionId, null);
        long id = Inserts.id(jdbc.sql("""
                insert into org_unit (parent_id, type, sector, kind_code, group_kind, name, short_name, region_id,
                                      institution_id, subject_code, grade_code, leader_id, sort_order, created_by, updated_by)
                values (:parent, :type, :sector, :kind, :groupKind, :name, :short, :region, :inst, :subject, :grade,
                        :leader, :sort, :by, :by)""")
                .param("parent", d.parentId()).param("type", d.type().name()).param("sector", d.sector().name())
                .param("kind", d.kindCode()).param("groupKind", d.groupKind() == null ? null : d.groupKind().name())
                .param("name", d.name().trim()).param("short", d.shortName()).param("region", regionId)
                .param("inst", institutionId).param("subject", d.subjectCode()).param("grade", d.gradeCode())
                .param("leader", d.leaderId()).param("sort", d.sortOrder()).param("by", Access.actor()));
        if (d.type() == UnitType.INSTITUTION) {
            jdbc.sql("update org_unit set institution_id = id where id = ?").param(id).update();
        } else if (d.type() == UnitType.REGION) {
            jdbc.sql("update org_unit set region_id = id where id = ?").param(id).update();
        }
        if (d.leaderId() != null && d.type() == UnitType.GROUP) {
            addMembers(id, List.of(d.leaderId()));
        }
        audit.success("CREATE", "org_unit", id, d.type() + " " + d.name(), null);
        return id;
    }

    public void update(long id, int version, UnitData d) {
        OrgUnit before = get(id);
        if (before.type() == UnitType.REGION || before.type() == UnitType.INSTITUTION) {
            Access.requireAdmin();
        } else {
            requireManage(requireNonNull(before.institutionId()));
        }
        checkNameFree(d, before.institutionId(), id);
        int n = jdbc.sql("""
                update org_unit set sector = :sector, kind_code = :kind, group_kind = :groupKind, name = :name,
                       short_name = :short, subject_code = :subject, grade_code = :grade, leader_id = :leader,
                       sort_order = :sort, version = version + 1, updated_at = :now, updated_by = :by
                 where id = :id and version = :version and deleted_at is null""")
                .param("sector", d.sector().name()).param("kind", d.kindCode())
                .param("groupKind", d.groupKind() == null ? null : d.groupKind().name())
                .param("name", d.name().trim()).param("short", d.shortName()).param("subject", d.subjectCode())
                .param("grade", d.gradeCode()).param("leader", d.leaderId()).param("sort", d.sortOrder())
                .param("now", LocalDateTime.now()).param("by", Access.actor()).param("id", id).param("version", version)
                .update();
        if (n == 0) {
            throw new StaleEditException();
        }
        if (d.leaderId() != null && before.type() == UnitType.GROUP) {
            addMembers(id, List.of(d.leaderId()));
        }
        audit.success("UPDATE", "org_unit", id, d.name(), AuditLog.diff(
                Map.of("name", before.name(), "leader", String.valueOf(before.leaderId())),
                Map.of("name", d.name(), "leader", String.valueOf(d.leaderId()))));
    }

    public void delete(long id, int version) {
        OrgUnit u = get(id);
        if (u.type() == UnitType.REGION || u.type() == UnitType.INSTITUTION) {
            Access.requireAdmin();
            long live = jdbc.sql("select count(*) from person where institution_id = ? and deleted_at is null")
                    .param(id).query(Long.class).single();
            if (live > 0) {
                throw new ValidationException(null, "unit.delete.hasPeople", live);
            }
        } else {
            requireManage(requireNonNull(u.institutionId()));
        }
        int n = jdbc.sql("""
                update org_unit set deleted_at = :now, deleted_by = :by, version = version + 1
                 where id = :id and version = :version and deleted_at is null""")
                .param("now", LocalDateTime.now()).param("by", Access.actor()).param("id", id).param("version", version)
                .update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "org_unit", id, u.name(), null);
    }

    public void restore(long id) {
        OrgUnit u = get(id);
        if (u.institutionId() != null && u.type() != UnitType.INSTITUTION) {
            requireManage(u.institutionId());
        } else {
            Access.requireAdmin();
        }
        jdbc.sql("update org_unit set deleted_at = null, deleted_by = null, version = version + 1 where id = ?")
                .param(id).update();
        audit.success("RESTORE", "org_unit", id, u.name(), null);
    }

    @Transactional(readOnly = true)
    public List<Member> members(long unitId) {
        OrgUnit u = get(unitId);
        return jdbc.sql("""
                select p.id, p.name, p.title_code from unit_member m join person p on p.id = m.person_id
                 where m.unit_id = ? and p.deleted_at is null order by p.name""")
                .param(u.id()).query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** A member of a group or department as lists show them. */
    public record Member(long personId, String name, @Nullable String titleCode) {
    }

    /** Member ids of a unit (for pickers and checks). */
    @Transactional(readOnly = true)
    public List<Long> memberIds(long unitId) {
        get(unitId);
        return jdbc.sql("select person_id from unit_member where unit_id = ?").param(unitId).query(Long.class).list();
    }

    /** Replaces the members of a group or department; everyone must belong to the unit's institution. */
    public void setMembers(long unitId, Collection<Long> personIds) {
        OrgUnit u = get(unitId);
        long inst = requireNonNull(u.institutionId());
        requireManage(inst);
        if (!personIds.isEmpty()) {
            long inside = jdbc.sql("select count(*) from person where id in (:ids) and institution_id = :inst and deleted_at is null")
                    .param("ids", personIds).param("inst", inst).query(Long.class).single();
            if (inside != personIds.size()) {
                throw new ValidationException("members", "unit.members.outside");
            }
        }
        jdbc.sql("delete from unit_member where unit_id = ?").param(unitId).update();
        addMembers(unitId, personIds);
        audit.success("MEMBERS", "org_unit", unitId, u.name(), "members: " + personIds.size());
    }

    private void addMembers(long unitId, Collection<Long> personIds) {
        for (Long pid : personIds) {
            jdbc.sql("""
                    insert into unit_member (unit_id, person_id)
                    select ?, ? where not exists (select 1 from unit_member where unit_id = ? and person_id = ?)""")
                    .params(unitId, pid, unitId, pid).update();
        }
    }

    private void checkNameFree(UnitData d, @Nullable Long institutionId, @Nullable Long exceptId) {
        long same = jdbc.sql("""
                select count(*) from org_unit where lower(name) = lower(:name) and type = :type and deleted_at is null
                   and coalesce(institution_id, -1) = :inst and id <> :id""")
                .param("name", d.name().trim()).param("type", d.type().name())
                .param("inst", institutionId == null ? -1L : institutionId).param("id", exceptId == null ? -1L : exceptId)
                .query(Long.class).single();
        if (same > 0) {
            throw new ValidationException("name", "unit.name.duplicate");
        }
    }

    private void requireManage(long institutionId) {
        DataScope scope = Access.scope();
        if (!scope.canManageInstitution(institutionId)) {
            throw scope.canReadInstitution(institutionId) ? new ForbiddenException() : new NotFoundException();
        }
    }

    private static long requireNonNull(@Nullable Long id) {
        if (id == null) {
            throw new NotFoundException();
        }
        return id;
    }

    static OrgUnit row(ResultSet rs, int i) throws SQLException {
        String groupKind = rs.getString("group_kind");
        return new OrgUnit(rs.getLong("id"), (Long) rs.getObject("parent_id", Long.class),
                UnitType.valueOf(rs.getString("type")), Sector.valueOf(rs.getString("sector")), rs.getString("kind_code"),
                groupKind == null ? null : GroupKind.valueOf(groupKind), rs.getString("name"), rs.getString("short_name"),
                (Long) rs.getObject("region_id", Long.class), (Long) rs.getObject("institution_id", Long.class),
                rs.getString("subject_code"), rs.getString("grade_code"), (Long) rs.getObject("leader_id", Long.class),
                rs.getString("leader_name"), rs.getInt("sort_order"), rs.getInt("version"), rs.getInt("member_count"),
                rs.getTimestamp("deleted_at") != null);
    }
}
