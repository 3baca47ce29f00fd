package org.jiaoyan.quality;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hospital departments the user sees or keeps records for, and their staff, for filters and forms. */
@Service
@Transactional(readOnly = true)
public class QualityDepartments {

    private final QualityScope scope;

    QualityDepartments(QualityScope scope) {
        this.scope = scope;
    }

    /** Departments whose records the user reads. */
    public List<Department> readable() {
        return scope.readable();
    }

    /** Departments the user records for. */
    public List<Department> managed() {
        return scope.managed();
    }

    /** Whether the user sees any hospital department (the menu shows 质控与演练 then). */
    public boolean any() {
        return !scope.readable().isEmpty();
    }

    /** A department the user reads (404 otherwise). */
    public Department get(long unitId) {
        Department d = scope.department(unitId);
        scope.requireRead(d.institutionId(), d.id());
        return d;
    }

    /** The staff of a department the user reads: members and leader, by name. */
    public List<StaffMember> staff(long unitId) {
        return scope.staff(get(unitId));
    }
}
