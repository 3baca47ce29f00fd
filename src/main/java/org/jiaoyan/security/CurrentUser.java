package org.jiaoyan.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as every service sees it: identity, roles, linked person and data scope. */
public record CurrentUser(long id,
                          String username,
                          String displayName,
                          @Nullable Long personId,
                          @Nullable Long institutionId,
                          Set<Role> roles,
                          DataScope scope,
                          String passwordHash,
                          boolean enabled,
                          boolean nonLocked) implements UserDetails {

    /** Background work (seeding, scheduled jobs) runs as this user. */
    public static final CurrentUser SYSTEM = new CurrentUser(0, "system", "系统", null, null,
            Set.of(Role.ADMIN), DataScope.EVERYTHING, "", true, true);

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    /** Keeps the hash out of logs and the session dump. */
    @Override
    public String toString() {
        return "CurrentUser[" + username + " " + roles + "]";
    }
}
