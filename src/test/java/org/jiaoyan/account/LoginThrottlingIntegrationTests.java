package org.jiaoyan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in throttling as an attacker and the real user meet it: growing delays per address and per account, never
 * a lockout an outsider controls, one answer for known and unknown usernames, every attempt in the login log.
 */
@JiaoyanIntegrationTest
class LoginThrottlingIntegrationTests {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String PASSWORD = "Good2026pass";
    private static final Pattern ALERT = Pattern.compile("id=\"login-problem\"[^>]*>([^<]*)<");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccounts accounts;
    @Autowired LoginThrottle throttle;
    @Autowired JdbcClient jdbc;

    /** The throttle's clock, moved by the tests instead of sleeping. */
    private final MovingClock clock = new MovingClock();

    @BeforeEach
    void freshThrottle() {
        throttle.reset();
        throttle.useClock(clock);
    }

    @AfterEach
    void realClock() {
        throttle.reset();
        throttle.useClock(Clock.systemUTC());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    private String newTeacher() {
        String username = unique("throttled");
        Access.as(TestUsers.load(users, "admin"),
                () -> accounts.create(username, PASSWORD, null, null, List.of(new RoleGrant(Role.TEACHER, null))));
        return username;
    }

    /** Signs in by form from an address; returns the session, whose next /login page says what happened. */
    private MockHttpSession signIn(String address, String username, String password, String expectedRedirect) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(from(address)).with(csrf())
                        .param("username", username).param("password", password))
                .andExpect(redirectedUrl(expectedRedirect));
        return session;
    }

    /** The message the login page shows after a failed attempt. */
    private String problemShown(MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = ALERT.matcher(page);
        assertThat(m.find()).as("login problem shown").isTrue();
        return m.group(1).trim();
    }

    private long logLines(String username, String outcome, String address) {
        return jdbc.sql("select count(*) from login_log where username = ? and outcome = ? and ip = ?")
                .params(username, outcome, address).query(Long.class).single();
    }

    @Test
    void anAdminAttackedFromOneAddressSignsInFromAnother() throws Exception {
        for (int i = 0; i < 8; i++) {
            signIn("10.0.0.1", "admin", "guess" + i, "/login?error");
        }
        // The attacker's address now waits; the real administrator, elsewhere, is not held up at all.
        signIn("10.0.0.2", "admin", TestUsers.ADMIN_PASSWORD, "/");

        // From the attacking address even the right password is refused during the delay, without being checked.
        MockHttpSession refused = signIn("10.0.0.1", "admin", TestUsers.ADMIN_PASSWORD, "/login?error");
        assertThat(problemShown(refused)).matches("尝试过于频繁，请 \\d+ 秒后再试");
        // 5 free failures, the 6th starts a delay: the 7th and 8th guesses and the right password were not checked.
        assertThat(logLines("admin", "BAD_CREDENTIALS", "10.0.0.1")).isEqualTo(6);
        assertThat(logLines("admin", "THROTTLED", "10.0.0.1")).isEqualTo(3);
        assertThat(logLines("admin", "SUCCESS", "10.0.0.2")).isGreaterThanOrEqualTo(1);

        // The delay grows but ends: no lockout. After it, the right password works from the same address.
        clock.advance(Duration.ofMinutes(6));
        signIn("10.0.0.1", "admin", TestUsers.ADMIN_PASSWORD, "/");
    }

    @Test
    void attemptsDuringTheDelayAreRefusedWithoutCheckingThePassword() throws Exception {
        String username = newTeacher();
        for (int i = 0; i < 6; i++) { // 5 free failures, the 6th starts a 1 s delay
            signIn("10.0.1.1", username, "wrong" + i, "/login?error");
        }
        for (int i = 0; i < 5; i++) { // hammering during the delay: refused, not counted, not checked
            assertThat(problemShown(signIn("10.0.1.1", username, PASSWORD, "/login?error")))
                    .isEqualTo("尝试过于频繁，请 1 秒后再试");
        }
        assertThat(logLines(username, "THROTTLED", "10.0.1.1")).isEqualTo(5);
        assertThat(logLines(username, "BAD_CREDENTIALS", "10.0.1.1")).isEqualTo(6);

        clock.advance(Duration.ofMillis(1_100));
        signIn("10.0.1.1", username, "wrong-again", "/login?error"); // 7th failure: now 2 s
        clock.advance(Duration.ofMillis(1_100));
        assertThat(problemShown(signIn("10.0.1.1", username, PASSWORD, "/login?error")))
                .isEqualTo("尝试过于频繁，请 1 秒后再试");
        clock.advance(Duration.ofMillis(1_000));
        signIn("10.0.1.1", username, PASSWORD, "/");

        mvc.perform(get("/admin/logins").param("username", username).with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("尝试过于频繁（已拒绝，未核对密码）"),
                                org.hamcrest.Matchers.containsString("10.0.1.1"),
                                org.hamcrest.Matchers.containsString("登录成功"))));
    }

    @Test
    void sprayingFromOneAddressIsSlowedToACrawl() throws Exception {
        // One guess each for many usernames: after the address's free failures, every further guess waits.
        for (int i = 0; i < 21; i++) { // 20 free failures per address, then 1 s
            signIn("10.0.2.1", unique("spray"), "Password1", "/login?error");
        }
        String victim = newTeacher();
        assertThat(problemShown(signIn("10.0.2.1", victim, PASSWORD, "/login?error")))
                .isEqualTo("尝试过于频繁，请 1 秒后再试");
        clock.advance(Duration.ofSeconds(2));
        signIn("10.0.2.1", unique("spray"), "Password1", "/login?error"); // 22nd failure: 2 s
        clock.advance(Duration.ofMillis(500));
        assertThat(problemShown(signIn("10.0.2.1", victim, PASSWORD, "/login?error"))).startsWith("尝试过于频繁");
        // Another address is not concerned.
        signIn("10.0.2.2", victim, PASSWORD, "/");
    }

    @Test
    void knownAndUnknownUsernamesGetTheSameAnswerByForm() throws Exception {
        String known = newTeacher();
        String unknown = unique("nobody");
        for (int i = 0; i < 6; i++) {
            MockHttpSession a = signIn("10.0.3.1", known, "wrong" + i, "/login?error");
            MockHttpSession b = signIn("10.0.3.2", unknown, "wrong" + i, "/login?error");
            assertThat(problemShown(a)).isEqualTo(problemShown(b)).isEqualTo("用户名或密码错误");
        }
        MockHttpSession a = signIn("10.0.3.1", known, "wrong", "/login?error");
        MockHttpSession b = signIn("10.0.3.2", unknown, "wrong", "/login?error");
        assertThat(problemShown(a)).isEqualTo(problemShown(b)).isEqualTo("尝试过于频繁，请 1 秒后再试");
        // No ?locked or ?disabled that would tell an existing account from a made-up one.
        assertThat(logLines(unknown, "THROTTLED", "10.0.3.2")).isEqualTo(1);
    }

    @Test
    void knownAndUnknownUsernamesGetByteIdenticalAnswersByBasic() throws Exception {
        String known = newTeacher();
        String unknown = unique("nobody");
        for (int i = 0; i < 6; i++) {
            MockHttpServletResponse a = basic("10.0.4.1", known, "wrong" + i);
            MockHttpServletResponse b = basic("10.0.4.2", unknown, "wrong" + i);
            assertThat(a.getStatus()).isEqualTo(b.getStatus()).isEqualTo(401);
            assertThat(a.getContentAsByteArray()).isEqualTo(b.getContentAsByteArray());
        }
        MockHttpServletResponse a = basic("10.0.4.1", known, PASSWORD); // right password, but during the delay
        MockHttpServletResponse b = basic("10.0.4.2", unknown, PASSWORD);
        assertThat(a.getStatus()).isEqualTo(b.getStatus()).isEqualTo(429);
        assertThat(a.getHeader("Retry-After")).isEqualTo(b.getHeader("Retry-After")).isEqualTo("1");
        assertThat(a.getContentAsByteArray()).isEqualTo(b.getContentAsByteArray());
        assertThat(a.getContentAsString()).contains("尝试过于频繁，请 1 秒后再试");
        assertThat(logLines(known, "BAD_CREDENTIALS", "10.0.4.1")).isEqualTo(6);
        assertThat(logLines(known, "THROTTLED", "10.0.4.1")).isEqualTo(1);
        // The account's owner, from an address that has not failed, gets in at once.
        assertThat(basic("10.0.4.3", known, PASSWORD).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse basic(String address, String username, String password) throws Exception {
        return mvc.perform(get("/api/v1/terms/current").with(from(address)).with(httpBasic(username, password)))
                .andReturn().getResponse();
    }

    @Test
    void aDisabledAccountIsNamedOnlyToSomeoneWhoKnowsItsPassword() throws Exception {
        String username = newTeacher();
        long id = jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
        jdbc.sql("update app_user set enabled = false where id = ?").param(id).update();
        assertThat(problemShown(signIn("10.0.5.1", username, "wrong", "/login?error"))).isEqualTo("用户名或密码错误");
        assertThat(problemShown(signIn("10.0.5.1", username, PASSWORD, "/login?error"))).isEqualTo("账号已停用，请联系管理员");
    }

    @Test
    void memoryStaysBoundedWhenAnAttackerCyclesUsernamesAndAddresses() {
        int max = throttle.maxEntries();
        for (int i = 0; i < max * 2; i++) {
            throttle.failed("10.9." + (i / 250) + "." + (i % 250), "cycle" + i);
        }
        long[] sizes = throttle.sizes();
        assertThat(sizes[0]).isLessThanOrEqualTo(max);
        assertThat(sizes[1]).isLessThanOrEqualTo(max);
        assertThat(sizes[2]).isLessThanOrEqualTo(max);
    }

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
