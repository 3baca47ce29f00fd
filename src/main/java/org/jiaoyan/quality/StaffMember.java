package org.jiaoyan.quality;

import org.jspecify.annotations.Nullable;

/** A member of a department's staff (医护人员) as pickers and pass lists show them. */
public record StaffMember(long id, String name, @Nullable String titleCode) {
}
