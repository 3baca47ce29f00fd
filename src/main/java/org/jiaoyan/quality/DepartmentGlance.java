package org.jiaoyan.quality;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A department at a glance for 工作台: checks and training sessions this month, and the staff who have not yet passed a
 * drill this term (null when there is no term).
 */
public record DepartmentGlance(Department department, long checksThisMonth, long trainingsThisMonth,
                               @Nullable List<StaffMember> notYetPassed) {
}
