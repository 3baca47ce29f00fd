package org.jiaoyan.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user may reach, computed at login from roles and unit grants. Services check single records with the
 * {@code can*} methods and bind the id lists into list queries (never spliced into SQL text).
 */
public record DataScope(boolean all,
                        Set<Long> readInstitutions,
                        Set<Long> manageInstitutions,
                        Set<Long> readPersons,
                        @Nullable Long selfPersonId) implements Serializable {

    /** Bound for an empty id list so that {@code in (:ids)} stays valid SQL and matches nothing. */
    public static final long NONE = -1L;

    public static final DataScope EVERYTHING = new DataScope(true, Set.of(), Set.of(), Set.of(), null);

    public DataScope {
        readInstitutions = Set.copyOf(readInstitutions);
        manageInstitutions = Set.copyOf(manageInstitutions);
        readPersons = Set.copyOf(readPersons);
    }

    public boolean canReadInstitution(long institutionId) {
        return all || readInstitutions.contains(institutionId) || manageInstitutions.contains(institutionId);
    }

    public boolean canManageInstitution(long institutionId) {
        return all || manageInstitutions.contains(institutionId);
    }

    public boolean canReadPerson(long personId, long institutionId) {
        return canReadInstitution(institutionId) || readPersons.contains(personId)
                || (selfPersonId != null && selfPersonId == personId);
    }

    /** True when the user manages at least one institution (shows 新增 buttons). */
    public boolean managesAny() {
        return all || !manageInstitutions.isEmpty();
    }

    /** Institutions readable as a whole, for SQL binding ({@link #NONE} when empty). */
    public Collection<Long> institutionIds() {
        var ids = new java.util.HashSet<Long>(readInstitutions);
        ids.addAll(manageInstitutions);
        return bindable(ids);
    }

    /** Single persons readable outside whole institutions (group members, self), for SQL binding. */
    public Collection<Long> personIds() {
        var ids = new java.util.HashSet<Long>(readPersons);
        if (selfPersonId != null) {
            ids.add(selfPersonId);
        }
        return bindable(ids);
    }

    public Collection<Long> manageIds() {
        return bindable(manageInstitutions);
    }

    private static Collection<Long> bindable(Set<Long> ids) {
        return ids.isEmpty() ? List.of(NONE) : ids;
    }
}
