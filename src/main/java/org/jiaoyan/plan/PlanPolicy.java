package org.jiaoyan.plan;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;

/**
 * Who may do what with a plan. Editors: whoever manages the institution (教科室主任), and a county researcher for their
 * own 教研室. Approvers: the principal of the school, the county researcher for the 教研室. Everyone in the institution,
 * and whoever reads it (county researchers read the schools), sees it once published.
 */
final class PlanPolicy {

    private PlanPolicy() {
    }

    static boolean canEdit(long institutionId) {
        CurrentUser u = Access.user();
        return u.scope().canManageInstitution(institutionId)
                || (u.has(Role.COUNTY_RESEARCHER) && Objects.equals(u.institutionId(), institutionId));
    }

    static boolean canApprove(long institutionId) {
        CurrentUser u = Access.user();
        return u.isAdmin() || ((u.has(Role.PRINCIPAL) || u.has(Role.COUNTY_RESEARCHER))
                && Objects.equals(u.institutionId(), institutionId));
    }

    /** Sees the plan in any state (editors and approvers). */
    static boolean seesDrafts(long institutionId) {
        return canEdit(institutionId) || canApprove(institutionId);
    }

    static boolean canRead(long institutionId, PlanStatus status) {
        if (seesDrafts(institutionId)) {
            return true;
        }
        CurrentUser u = Access.user();
        return status == PlanStatus.PUBLISHED
                && (u.scope().canReadInstitution(institutionId) || Objects.equals(u.institutionId(), institutionId));
    }

    static void requireRead(long institutionId, PlanStatus status) {
        if (!canRead(institutionId, status)) {
            throw new NotFoundException();
        }
    }

    static void requireEdit(long institutionId, PlanStatus status) {
        requireRead(institutionId, status);
        if (!canEdit(institutionId)) {
            throw new ForbiddenException();
        }
    }

    static void requireApprove(long institutionId, PlanStatus status) {
        requireRead(institutionId, status);
        if (!canApprove(institutionId)) {
            throw new ForbiddenException();
        }
    }

    /** Institutions whose plans the user sees in every state, for SQL binding. */
    static Set<Long> fullInstitutions() {
        CurrentUser u = Access.user();
        Set<Long> ids = new HashSet<>(u.scope().manageInstitutions());
        if (u.institutionId() != null && (u.has(Role.PRINCIPAL) || u.has(Role.COUNTY_RESEARCHER))) {
            ids.add(u.institutionId());
        }
        return bindable(ids);
    }

    /** Institutions whose plans the user edits (manages, or a researcher's own 教研室), for SQL binding. */
    static Set<Long> editInstitutions() {
        CurrentUser u = Access.user();
        Set<Long> ids = new HashSet<>(u.scope().manageInstitutions());
        if (u.institutionId() != null && u.has(Role.COUNTY_RESEARCHER)) {
            ids.add(u.institutionId());
        }
        return bindable(ids);
    }

    /** Institutions whose published plans the user sees, for SQL binding. */
    static Set<Long> publishedInstitutions() {
        CurrentUser u = Access.user();
        Set<Long> ids = new HashSet<>(u.scope().readInstitutions());
        ids.addAll(u.scope().manageInstitutions());
        if (u.institutionId() != null) {
            ids.add(u.institutionId());
        }
        return bindable(ids);
    }

    private static Set<Long> bindable(Set<Long> ids) {
        return ids.isEmpty() ? Set.of(DataScope.NONE) : ids;
    }
}
