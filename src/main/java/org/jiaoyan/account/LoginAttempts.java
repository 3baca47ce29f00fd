package org.jiaoyan.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import org.jiaoyan.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Counts failed logins, locks an account for a while after too many, and writes every attempt to the login log. */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final LoginLog log;
    private final int maxFailures;
    private final int lockoutMinutes;

    LoginAttempts(JdbcClient jdbc, LoginLog log,
                  @Value("${jiaoyan.security.max-failed-logins:5}") int maxFailures,
                  @Value("${jiaoyan.security.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.log = log;
        this.maxFailures = maxFailures;
        this.lockoutMinutes = lockoutMinutes;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof CurrentUser user)) {
            return;
        }
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, last_login_at = ? where id = ?")
                .params(LocalDateTime.now(), user.id()).update();
        log.record(user.username(), user.id(), LoginOutcome.SUCCESS, ip(), userAgent());
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        Long userId = jdbc.sql("select id from app_user where lower(username) = lower(?) and deleted_at is null")
                .param(username).query(Long.class).optional().orElse(null);
        if (event.getException() instanceof LockedException) {
            log.record(username, userId, LoginOutcome.LOCKED, ip(), userAgent());
            return;
        }
        if (event.getException() instanceof DisabledException) {
            log.record(username, userId, LoginOutcome.DISABLED, ip(), userAgent());
            return;
        }
        if (userId == null) {
            log.record(username, null, LoginOutcome.BAD_CREDENTIALS, ip(), userAgent());
            return;
        }
        jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where id = ?").param(userId).update();
        int failures = jdbc.sql("select failed_attempts from app_user where id = ?").param(userId).query(Integer.class).single();
        if (failures >= maxFailures) {
            jdbc.sql("update app_user set failed_attempts = 0, locked_until = ? where id = ?")
                    .params(LocalDateTime.now().plusMinutes(lockoutMinutes), userId).update();
            log.record(username, userId, LoginOutcome.LOCKOUT, ip(), userAgent());
        } else {
            log.record(username, userId, LoginOutcome.BAD_CREDENTIALS, ip(), userAgent());
        }
    }

    @EventListener
    public void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            log.record(user.username(), user.id(), LoginOutcome.LOGOUT, ip(), userAgent());
        }
    }

    private static @Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static @Nullable String ip() {
        HttpServletRequest r = request();
        return r == null ? null : r.getRemoteAddr();
    }

    private static @Nullable String userAgent() {
        HttpServletRequest r = request();
        return r == null ? null : r.getHeader("User-Agent");
    }
}
