package org.jiaoyan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class AccountPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private String unique(String prefix) {
        return prefix + (System.nanoTime() % 1_000_000);
    }

    @Test
    void adminCreatesAUserWhoCanThenSignIn() throws Exception {
        String username = unique("page_user");
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("username", username).param("password", "short").param("roles", "TEACHER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(Matchers.containsString("密码至少 8 位")))
                .andExpect(content().string(Matchers.containsString("value=\"" + username + "\"")));
        long personId = jdbc.sql("select min(id) from person where deleted_at is null").query(Long.class).single();
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("username", username).param("password", "Good2026pass").param("roles", "TEACHER")
                        .param("personId", String.valueOf(personId)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user(username).password("Good2026pass")).andExpect(redirectedUrl("/"));
    }

    @Test
    void teachersCannotManageUsers() throws Exception {
        mvc.perform(get("/admin/users").with(TestUsers.as(users, "teacher"))).andExpect(status().isForbidden());
        String username = unique("sneaky");
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "teacher")).with(csrf())
                .param("username", username).param("password", "Good2026pass").param("roles", "ADMIN"));
        assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single()).isZero();
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOne() throws Exception {
        mvc.perform(post("/profile/password").with(TestUsers.as(users, "principal")).with(csrf())
                        .param("currentPassword", "wrong").param("newPassword", "New2026pass").param("repeatPassword", "New2026pass"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("passwordForm", "currentPassword"))
                .andExpect(content().string(Matchers.containsString("当前密码不正确")));
        mvc.perform(post("/profile/password").with(TestUsers.as(users, "principal")).with(csrf())
                        .param("currentPassword", TestUsers.DEMO_PASSWORD).param("newPassword", "New2026pass").param("repeatPassword", "Other2026"))
                .andExpect(model().attributeHasFieldErrors("passwordForm", "repeatPassword"));
    }

    @Test
    void tokenIsShownOnceOnTheProfile() throws Exception {
        mvc.perform(post("/profile/tokens").with(TestUsers.as(users, "zuzhang")).with(csrf()).param("name", "企业微信"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("只显示这一次")))
                .andExpect(content().string(Matchers.containsString("jy_")));
        mvc.perform(get("/profile").with(TestUsers.as(users, "zuzhang")))
                .andExpect(content().string(Matchers.containsString("企业微信")));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile() throws Exception {
        String username = unique("lock_me");
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                .param("username", username).param("password", "Right2026pass").param("roles", "TEACHER"));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("wrong" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(username).password("Right2026pass")).andExpect(redirectedUrl("/login?locked"));
        assertThat(jdbc.sql("select outcome from login_log where username = ? order by id").param(username)
                .query(String.class).list()).containsSubsequence("BAD_CREDENTIALS", "LOCKOUT", "LOCKED");
    }
}
