package org.jiaoyan.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.security.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns role grants into a data scope: 县区教研员 reads the region's institutions, 校长 reads the school, department
 * heads manage it, group leaders read their groups' members, everyone reads themselves.
 */
@Component
class ScopeResolver {

    private final OrgDirectory directory;

    ScopeResolver(OrgDirectory directory) {
        this.directory = directory;
    }

    DataScope resolve(List<RoleGrant> grants, @Nullable Long personId) {
        Set<Long> read = new HashSet<>();
        Set<Long> manage = new HashSet<>();
        Set<Long> persons = new HashSet<>();
        Long ownInstitution = personId == null ? null : directory.institutionOfPerson(personId).orElse(null);
        for (RoleGrant g : grants) {
            switch (g.role()) {
                case ADMIN -> {
                    return new DataScope(true, Set.of(), Set.of(), Set.of(), personId);
                }
                case COUNTY_RESEARCHER -> {
                    Long region = g.unitId() != null ? directory.regionOfUnit(g.unitId())
                            : ownInstitution == null ? null : directory.regionOfUnit(ownInstitution);
                    if (region != null) {
                        read.addAll(directory.institutionsOfRegion(region));
                    }
                }
                case PRINCIPAL -> institution(g, ownInstitution, read);
                case DEPT_HEAD -> institution(g, ownInstitution, manage);
                case GROUP_LEADER -> {
                    List<Long> groups = g.unitId() != null ? List.of(g.unitId())
                            : personId == null ? List.of() : directory.groupsLedBy(personId);
                    persons.addAll(directory.membersOf(groups));
                }
                case TEACHER -> {
                    // self only, added below
                }
            }
        }
        return new DataScope(false, read, manage, persons, personId);
    }

    /** The grant's unit's institution, or the person's own when the grant names none. */
    private void institution(RoleGrant g, @Nullable Long ownInstitution, Set<Long> into) {
        Long inst = g.unitId() != null ? directory.institutionOfUnit(g.unitId()).orElse(null) : ownInstitution;
        if (inst != null) {
            into.add(inst);
        }
    }

    @Nullable
    Long institutionOf(List<RoleGrant> grants, @Nullable Long personId) {
        if (personId != null) {
            var own = directory.institutionOfPerson(personId);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return grants.stream().filter(g -> g.unitId() != null)
                .map(g -> directory.institutionOfUnit(g.unitId()).orElse(null))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
