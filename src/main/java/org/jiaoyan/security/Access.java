package org.jiaoyan.security;

import java.util.function.Supplier;
import org.jiaoyan.shared.ForbiddenException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The current user for service-layer checks; outside a request, work must run explicitly {@link #asSystem}. */
public final class Access {

    private Access() {
    }

    public static CurrentUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        throw new ForbiddenException();
    }

    public static DataScope scope() {
        return user().scope();
    }

    /** Name written to created_by / updated_by. */
    public static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user.username() : "system";
    }

    public static void requireAdmin() {
        if (!user().isAdmin()) {
            throw new ForbiddenException();
        }
    }

    public static <T> T as(CurrentUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static <T> T asSystem(Supplier<T> work) {
        return as(CurrentUser.SYSTEM, work);
    }

    public static void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }
}
