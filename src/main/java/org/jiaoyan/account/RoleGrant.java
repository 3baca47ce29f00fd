package org.jiaoyan.account;

import org.jiaoyan.security.Role;
import org.jspecify.annotations.Nullable;

/** A role held by a user, optionally bound to a unit (the region, school or group it applies to). */
public record RoleGrant(Role role, @Nullable Long unitId) {
}
