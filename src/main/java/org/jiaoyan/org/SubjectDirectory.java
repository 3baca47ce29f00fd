package org.jiaoyan.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiaoyan.shared.ChineseDates;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people and units a rule (制度) is about, with the facts its subject filters need (birth date, start of service,
 * title, honours, group kind, leader). Reads as the system: the caller has checked that the user may see the
 * institutions asked for. Two queries for the people of any number of schools, one for the units.
 */
@Service
@Transactional(readOnly = true)
public class SubjectDirectory {

    private final JdbcClient jdbc;

    public SubjectDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person as a rule sees them. */
    public record Staff(long id, long institutionId, String name, @Nullable LocalDate birthDate,
                        @Nullable LocalDate workStartDate, @Nullable String titleCode, Set<String> honourCodes) {

        /** 周岁 on the day (null when unknown). */
        public @Nullable Integer age(LocalDate on) {
            return ChineseDates.fullYears(birthDate, on);
        }

        /** Completed years of service on the day (null when unknown). */
        public @Nullable Integer yearsOfService(LocalDate on) {
            return ChineseDates.fullYears(workStartDate, on);
        }
    }

    /** A group or department as a rule sees it. */
    public record Unit(long id, long institutionId, UnitType type, @Nullable GroupKind groupKind, String name,
                       @Nullable Long leaderId) {
    }

    /** Working (在职, not deleted) people of the institutions, by name. */
    public List<Staff> staff(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<String>> honours = new HashMap<>();
        jdbc.sql("""
                select h.person_id, h.honour_code from person_honour h join person p on p.id = h.person_id
                 where p.institution_id in (:ids) and p.deleted_at is null and p.status = 'ACTIVE'""")
                .param("ids", institutionIds)
                .query(rs -> {
                    honours.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(rs.getString(2));
                });
        List<Staff> out = new ArrayList<>();
        jdbc.sql("""
                select id, institution_id, name, birth_date, work_start_date, title_code from person
                 where institution_id in (:ids) and deleted_at is null and status = 'ACTIVE' order by institution_id, name, id""")
                .param("ids", institutionIds)
                .query(rs -> {
                    long id = rs.getLong(1);
                    out.add(new Staff(id, rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class), rs.getString(6), honours.getOrDefault(id, Set.of())));
                });
        return out;
    }

    /** Groups (of a kind, or all kinds when null) and departments of the institutions, by sort order. */
    public List<Unit> units(Collection<Long> institutionIds, UnitType type, @Nullable GroupKind kind) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, institution_id, type, group_kind, coalesce(short_name, name), leader_id from org_unit
                 where institution_id in (:ids) and type = :type and deleted_at is null
                   and (:kind = '' or group_kind = :kind)
                 order by institution_id, sort_order, id""")
                .param("ids", institutionIds).param("type", type.name()).param("kind", kind == null ? "" : kind.name())
                .query((rs, i) -> new Unit(rs.getLong(1), rs.getLong(2), UnitType.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : GroupKind.valueOf(rs.getString(4)), rs.getString(5),
                        (Long) rs.getObject(6, Long.class)))
                .list();
    }

    /** Members of each unit (unit id → person ids). */
    public Map<Long, List<Long>> members(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select unit_id, person_id from unit_member where unit_id in (:ids) order by unit_id, person_id")
                .param("ids", unitIds)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list().stream()
                .collect(Collectors.groupingBy(r -> r[0], Collectors.mapping(r -> r[1], Collectors.toList())));
    }

    /** Teaching subjects (学科 codes, e.g. MATH) of each person; people without one are left out. */
    public Map<Long, Set<String>> subjectsOf(Collection<Long> personIds) {
        Map<Long, Set<String>> out = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("select person_id, subject_code from person_subject where person_id in (:ids)").param("ids", personIds)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(rs.getString(2));
                    });
        }
        return out;
    }

    /** The 学科 of each unit that has one (语文教研组 → CHINESE). */
    public Map<Long, String> subjectsOfUnits(Collection<Long> unitIds) {
        Map<Long, String> out = new HashMap<>();
        if (!unitIds.isEmpty()) {
            jdbc.sql("select id, subject_code from org_unit where id in (:ids) and subject_code is not null")
                    .param("ids", unitIds)
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return out;
    }

    /** Short names of units (schools, groups) by id. */
    public Map<Long, String> names(Collection<Long> unitIds) {
        Map<Long, String> out = new HashMap<>();
        if (!unitIds.isEmpty()) {
            jdbc.sql("select id, coalesce(short_name, name) from org_unit where id in (:ids)").param("ids", unitIds)
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return out;
    }

    /**
     * The county's schools and its 教研室 (sector EDUCATION, not deleted), by sort order: whom a county's rules are
     * about. A hospital of the county has its own rules.
     */
    public List<Long> schoolsOf(long regionId) {
        return jdbc.sql("""
                select id from org_unit where type = 'INSTITUTION' and region_id = ? and sector = 'EDUCATION'
                   and deleted_at is null order by sort_order, id""")
                .param(regionId).query(Long.class).list();
    }

    /** Schools and hospitals of a county (not deleted), by sort order. */
    public List<Long> institutionsOf(long regionId) {
        return jdbc.sql("select id from org_unit where type = 'INSTITUTION' and region_id = ? and deleted_at is null order by sort_order, id")
                .param(regionId).query(Long.class).list();
    }
}
