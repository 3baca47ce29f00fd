package org.jiaoyan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Every place a password is set refuses a weak one at the field, says why in Chinese, and keeps what was typed. */
@JiaoyanIntegrationTest
class PasswordPolicyIntegrationTests {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String PASSWORD = "Good2026pass";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private String hash(String username) {
        return jdbc.sql("select password_hash from app_user where username = ?").param(username).query(String.class).single();
    }

    @Test
    void theAdministratorCannotCreateAnAccountWithAWeakPassword() throws Exception {
        String username = "weakpw" + SEQ.incrementAndGet();
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("username", username).param("password", "teacher123").param("displayName", "王老师")
                        .param("roles", "TEACHER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(Matchers.containsString("这是最常见的密码之一")))
                .andExpect(content().string(Matchers.containsString("value=\"" + username + "\"")))
                .andExpect(content().string(Matchers.containsString("value=\"王老师\"")));
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("username", username).param("password", username + "2026!").param("roles", "TEACHER"))
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(Matchers.containsString("密码不能包含用户名")));
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("username", username).param("password", "Other2026").param("roles", "TEACHER"))
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(Matchers.containsString("密码过于简单")));
        assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single())
                .isZero();
    }

    @Test
    void resetAndOwnChangeRefuseWeakPasswords() throws Exception {
        String username = "weakreset" + SEQ.incrementAndGet();
        long id = Access.as(TestUsers.load(users, "admin"),
                () -> accounts.create(username, PASSWORD, null, null, List.of(new RoleGrant(Role.TEACHER, null))));
        String before = hash(username);
        mvc.perform(post("/admin/users/" + id + "/password").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("password", "abc12345"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("resetForm", "password"))
                .andExpect(content().string(Matchers.containsString("这是最常见的密码之一")));
        mvc.perform(post("/profile/password").with(TestUsers.as(users, username)).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "Password1").param("repeatPassword", "Password1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("passwordForm", "newPassword"))
                .andExpect(content().string(Matchers.containsString("这是最常见的密码之一")));
        mvc.perform(post("/profile/password").with(TestUsers.as(users, username)).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "aaaaaaaa1a").param("repeatPassword", "aaaaaaaa1a"))
                .andExpect(model().attributeHasFieldErrors("passwordForm", "newPassword"))
                .andExpect(content().string(Matchers.containsString("可加入更多不相关的词或符号")));
        assertThat(hash(username)).isEqualTo(before);
    }

    @Test
    void theApiRefusesAWeakPasswordWithAChineseReason() throws Exception {
        String username = "weakapi" + SEQ.incrementAndGet();
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", TestUsers.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"teacher123\",\"roles\":[\"TEACHER\"]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(Matchers.containsString("这是最常见的密码之一")));
    }
}
