package org.jiaoyan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * API authentication reads, never writes, per call: Basic is an API use (no login log line, no account row update),
 * a token's last use is written at most once a minute, and neither fails under concurrent callers.
 */
@JiaoyanIntegrationTest
class ApiAuthenticationIntegrationTests {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String PASSWORD = "Good2026pass";
    private static final String LIST = "/api/v1/teachers";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    private CurrentUser admin() {
        return TestUsers.load(users, "admin");
    }

    /** A fresh 教科室主任 of 实验小学 (like jks), so the teacher list has rows. */
    private long newDeptHead(String username) {
        long school = TestUsers.load(users, "jks").institutionId();
        return Access.as(admin(), () -> accounts.create(username, PASSWORD, null, null,
                List.of(new RoleGrant(Role.DEPT_HEAD, school))));
    }

    private Row row(long userId) {
        return jdbc.sql("select version, last_login_at from app_user where id = ?").param(userId)
                .query((rs, i) -> new Row(rs.getInt(1), rs.getTimestamp(2))).single();
    }

    record Row(int version, Timestamp lastLogin) {
    }

    private long loginLogLines(String username) {
        return jdbc.sql("select count(*) from login_log where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void basicCallsAreApiUsesThatWriteNothing() throws Exception {
        String username = "basic" + SEQ.incrementAndGet();
        long id = newDeptHead(username);
        Row before = row(id);
        for (int i = 0; i < 20; i++) {
            mvc.perform(get(LIST).with(httpBasic(username, PASSWORD))).andExpect(status().isOk());
        }
        assertThat(loginLogLines(username)).isZero();
        assertThat(row(id)).isEqualTo(before);

        // A wrong password is still a failure: logged (and counted by the throttle).
        mvc.perform(get(LIST).with(httpBasic(username, "Wrong2026pass"))).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from login_log where username = ? and outcome = 'BAD_CREDENTIALS'")
                .param(username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theTrustedDigestGoesWithAPasswordChangeOrADisabledAccount() throws Exception {
        String username = "basicchg" + SEQ.incrementAndGet();
        long id = newDeptHead(username);
        mvc.perform(get(LIST).with(httpBasic(username, PASSWORD))).andExpect(status().isOk());

        mvc.perform(post("/profile/password").with(TestUsers.as(users, username)).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "Fresh2026pass")
                        .param("repeatPassword", "Fresh2026pass"))
                .andExpect(redirectedUrl("/profile"));
        mvc.perform(get(LIST).with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get(LIST).with(httpBasic(username, "Fresh2026pass"))).andExpect(status().isOk());

        int version = Access.as(admin(), () -> accounts.get(id)).version();
        long school = TestUsers.load(users, "jks").institutionId();
        Access.as(admin(), () -> {
            accounts.updateRoles(id, version, null, username, false, List.of(new RoleGrant(Role.DEPT_HEAD, school)));
            return null;
        });
        mvc.perform(get(LIST).with(httpBasic(username, "Fresh2026pass"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenRecordsItsLastUseAtMostOnceAMinute() throws Exception {
        String username = "tok" + SEQ.incrementAndGet();
        long userId = newDeptHead(username);
        String secret = Access.as(TestUsers.load(users, username), () -> tokens.create("集成"));
        long tokenId = jdbc.sql("select id from api_token where user_id = ?").param(userId).query(Long.class).single();
        mvc.perform(get(LIST).header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
        Timestamp first = awaitLastUse(tokenId);
        for (int i = 0; i < 20; i++) {
            mvc.perform(get(LIST).header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
        }
        Thread.sleep(300); // the recorder is in the background: give a wrong second write the time to happen
        assertThat(lastUse(tokenId)).isEqualTo(first);
        assertThat(row(userId).lastLogin()).isNull();
    }

    private Timestamp lastUse(long tokenId) {
        return jdbc.sql("select last_used_at from api_token where id = ?").param(tokenId)
                .query((rs, i) -> rs.getTimestamp(1)).list().get(0);
    }

    private Timestamp awaitLastUse(long tokenId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Timestamp t = lastUse(tokenId);
            if (t != null) {
                return t;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("last_used_at never written");
    }

    @Test
    void sixteenConcurrentClientsAllGetTheirList() throws Exception {
        String username = "conc" + SEQ.incrementAndGet();
        newDeptHead(username);
        String secret = Access.as(TestUsers.load(users, username), () -> tokens.create("并发"));
        assertThat(concurrently(() -> get(LIST).param("size", "20").with(httpBasic(username, PASSWORD)))).containsOnly(200);
        assertThat(concurrently(() -> get(LIST).param("size", "20").header("Authorization", "Bearer " + secret)))
                .containsOnly(200);
        assertThat(loginLogLines(username)).isZero();
    }

    /** 16 threads × 25 calls; the status of every call. */
    private List<Integer> concurrently(java.util.function.Supplier<MockHttpServletRequestBuilder> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<List<Integer>>> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                clients.add(() -> {
                    List<Integer> codes = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        codes.add(mvc.perform(request.get()).andReturn().getResponse().getStatus());
                    }
                    return codes;
                });
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : pool.invokeAll(clients, 120, TimeUnit.SECONDS)) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(400);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
