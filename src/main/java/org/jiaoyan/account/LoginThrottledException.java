package org.jiaoyan.account;

import org.springframework.security.core.AuthenticationException;

/** An attempt refused during a throttling delay; its password was not checked. */
class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(long retryAfterSeconds) {
        super("throttled");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
