package org.jiaoyan.account;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A login account as the admin pages show it. */
public record UserAccount(long id, String username, String displayName, @Nullable Long personId,
                          @Nullable String personName, @Nullable String institutionName, boolean enabled,
                          @Nullable LocalDateTime lastLoginAt, List<RoleGrant> roles, int version, boolean deleted) {
}
