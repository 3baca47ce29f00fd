package org.jiaoyan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final LoginThrottlingIntegrationTests.MovingClock clock = new LoginThrottlingIntegrationTests.MovingClock();
    private LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        throttle = new LoginThrottle(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofHours(1), 1000);
        throttle.useClock(clock);
    }

    @Test
    void delaysDoubleAfterTheFreeFailuresUpToTheCap() {
        assertThat(throttle.delay(5, 5, Duration.ofMinutes(5))).isZero();
        assertThat(throttle.delay(6, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(7, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(9, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.delay(20, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.delay(500, 5, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anAttackedAccountStaysOpenToOtherAddressesAtOneCheckASecond() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("10.1.1.1", "admin");
            clock.advance(Duration.ofMinutes(16));
        }
        assertThat(throttle.check("10.1.1.1", "admin").allowed()).isTrue(); // the delay has passed
        throttle.failed("10.1.1.1", "admin");
        assertThat(throttle.check("10.1.1.1", "admin").allowed()).isFalse();
        assertThat(throttle.check("10.1.1.1", "admin").retryAfterSeconds()).isEqualTo(900); // the address's cap
        assertThat(throttle.check("10.2.2.2", "admin").allowed()).isTrue();
        // Within the same second another fresh address waits at most a second.
        LoginThrottle.Verdict next = throttle.check("10.3.3.3", "admin");
        assertThat(next.allowed()).isFalse();
        assertThat(next.retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check("10.3.3.3", "admin").allowed()).isTrue();
    }

    @Test
    void theRealUsersSuccessDoesNotReleaseTheAttacker() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("10.1.1.1", "jks");
        }
        throttle.succeeded("10.2.2.2", "jks");
        assertThat(throttle.check("10.1.1.1", "jks").allowed()).isFalse();
        assertThat(throttle.check("10.2.2.2", "jks").allowed()).isTrue();
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        for (int i = 0; i < 25; i++) {
            throttle.failed("10.1.1.1", "user" + i);
        }
        assertThat(throttle.check("10.1.1.1", "someone").allowed()).isFalse();
        clock.advance(Duration.ofMinutes(61));
        assertThat(throttle.check("10.1.1.1", "someone").allowed()).isTrue();
        throttle.failed("10.1.1.1", "someone");
        assertThat(throttle.check("10.1.1.1", "someone").allowed()).isTrue(); // counting starts again
    }

    @Test
    void usernamesCountCaseInsensitivelyAndMemoryIsBounded() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("10.1.1.1", i % 2 == 0 ? "Admin" : "admin ");
        }
        assertThat(throttle.check("10.1.1.1", "ADMIN").allowed()).isFalse();
        for (int i = 0; i < 5000; i++) {
            throttle.failed("10.5." + (i / 250) + "." + (i % 250), i + "x".repeat(200));
        }
        for (long n : throttle.sizes()) {
            assertThat(n).isBetween(900L, 1000L);
        }
    }
}
