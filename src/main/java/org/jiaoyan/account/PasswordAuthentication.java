package org.jiaoyan.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jiaoyan.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Username and password, for the login form and for HTTP Basic on the API. Throttled first (a refused attempt never
 * has its password checked), one answer for an unknown name and a wrong password (an unknown name costs a BCrypt
 * check too), every attempt of the form written to the login log.
 * <p>
 * A Basic call is an API use, not a login: once its password has been verified, the cached digest stands for it for
 * a few minutes, and a successful call writes nothing (no login log line, no account row). Failures still count and
 * are logged.
 */
class PasswordAuthentication implements AuthenticationProvider {

    /** Where the credentials came from. */
    enum Channel { FORM, BASIC }

    private final Channel channel;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final LoginLog log;
    private final ApiCredentialCache cache;
    private volatile String dummyHash; // made on the first unknown name, not at startup (a BCrypt hash costs ~0.1 s)

    PasswordAuthentication(Channel channel, UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle,
                           LoginLog log, ApiCredentialCache cache) {
        this.channel = channel;
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.log = log;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName() == null ? "" : attempt.getName().trim();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (channel == Channel.BASIC) {
            CurrentUser known = cache.basic(username, password);
            if (known != null) {
                return authenticated(known);
            }
        }
        LoginThrottle.Verdict verdict = throttle.check(address, username);
        if (!verdict.allowed()) {
            log.record(username, null, LoginOutcome.THROTTLED, address, userAgent());
            throw new LoginThrottledException(verdict.retryAfterSeconds());
        }
        Optional<CurrentUser> found = username.isEmpty() ? Optional.empty() : accounts.load(username);
        boolean matches;
        if (found.isPresent()) {
            matches = encoder.matches(password, found.get().getPassword());
        } else {
            encoder.matches(password, dummyHash()); // the same time as for a real account
            matches = false;
        }
        if (!matches) {
            throttle.failed(address, username);
            log.record(username, found.map(CurrentUser::id).orElse(null), LoginOutcome.BAD_CREDENTIALS, address, userAgent());
            throw new BadCredentialsException("bad credentials");
        }
        CurrentUser user = found.get();
        throttle.succeeded(address, username);
        if (!user.isEnabled()) {
            // Said only to someone who knows the password.
            log.record(username, user.id(), LoginOutcome.DISABLED, address, userAgent());
            throw new DisabledException("disabled");
        }
        if (channel == Channel.FORM) {
            accounts.recordLogin(user.id());
            log.record(user.username(), user.id(), LoginOutcome.SUCCESS, address, userAgent());
        } else {
            cache.rememberBasic(username, password, user);
        }
        return authenticated(user);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Authentication authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static @Nullable String userAgent() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest r = a.getRequest();
            return r.getHeader("User-Agent");
        }
        return null;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode("no such user, same cost");
            dummyHash = hash;
        }
        return hash;
    }
}
