package org.jiaoyan.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts about the organisation needed to compute a user's data scope at login. Deliberately unchecked: it runs
 * before there is a scope, and it only returns ids.
 */
@Service
@Transactional(readOnly = true)
public class OrgDirectory {

    private final JdbcClient jdbc;

    public OrgDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The institution a person belongs to (even when deleted, so that a login shows a clear scope). */
    public Optional<Long> institutionOfPerson(long personId) {
        return jdbc.sql("select institution_id from person where id = ?").param(personId).query(Long.class).optional();
    }

    /** The institution a unit belongs to; for a region, empty. */
    public Optional<Long> institutionOfUnit(long unitId) {
        return jdbc.sql("select institution_id from org_unit where id = ?").param(unitId).query(Long.class).optional();
    }

    /** The kind of an institution (学校 or 医院), which picks the menu and the words; empty for an unknown id. */
    public Optional<Sector> sectorOf(long institutionId) {
        return jdbc.sql("select sector from org_unit where id = ? and type = 'INSTITUTION'").param(institutionId)
                .query(String.class).optional().map(Sector::valueOf);
    }

    public @Nullable Long regionOfUnit(long unitId) {
        return jdbc.sql("select region_id from org_unit where id = ?").param(unitId).query(Long.class).optional().orElse(null);
    }

    public List<Long> institutionsOfRegion(long regionId) {
        return jdbc.sql("select id from org_unit where type = 'INSTITUTION' and region_id = ? and deleted_at is null")
                .param(regionId).query(Long.class).list();
    }

    /** Groups whose leader is the person. */
    public List<Long> groupsLedBy(long personId) {
        return jdbc.sql("select id from org_unit where type = 'GROUP' and leader_id = ? and deleted_at is null")
                .param(personId).query(Long.class).list();
    }

    public List<Long> membersOf(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct person_id from unit_member where unit_id in (:ids)")
                .param("ids", unitIds).query(Long.class).list();
    }

    public Optional<String> personName(long personId) {
        return jdbc.sql("select name from person where id = ?").param(personId).query(String.class).optional();
    }

    public Optional<String> personMobile(long personId) {
        return jdbc.sql("select mobile from person where id = ?").param(personId).query(String.class).optional();
    }
}
