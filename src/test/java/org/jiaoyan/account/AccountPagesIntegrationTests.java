package org.jiaoyan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.People;
import org.jiaoyan.org.PersonData;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class AccountPagesIntegrationTests {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String PASSWORD = "Good2026pass";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccounts accounts;
    @Autowired People people;
    @Autowired JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    private CurrentUser admin() {
        return TestUsers.load(users, "admin");
    }

    /** A fresh teacher account, so no test changes a demo account's password or tokens. */
    private long newTeacherAccount(String username) {
        return Access.as(admin(), () -> accounts.create(username, PASSWORD, null, null, List.of(new RoleGrant(Role.TEACHER, null))));
    }

    private long accountId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
    }

    private long userCount(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(?)").param(username).query(Long.class).single();
    }

    @Test
    void badPasswordIsAFieldErrorAndTheTypedInputStays() throws Exception {
        String username = unique("page_user");
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("username", username).param("password", "short").param("displayName", "临时姓名")
                        .param("roles", "TEACHER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(Matchers.containsString("密码至少 8 位")))
                .andExpect(content().string(Matchers.containsString("value=\"" + username + "\"")))
                .andExpect(content().string(Matchers.containsString("value=\"临时姓名\"")));
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("username", "admin").param("password", PASSWORD).param("roles", "TEACHER"))
                .andExpect(model().attributeHasFieldErrors("form", "username"))
                .andExpect(content().string(Matchers.containsString("用户名已存在")));
        assertThat(userCount(username)).isZero();
    }

    @Test
    void userLinkedToAPersonSignsInAndSeesTheirName() throws Exception {
        CurrentUser jks = TestUsers.load(users, "jks");
        String name = "账号" + SEQ.incrementAndGet();
        long personId = Access.as(jks, () -> people.create(new PersonData(jks.institutionId(), name, "F",
                String.valueOf(19_700_000_000L + SEQ.incrementAndGet()), LocalDate.of(1991, 5, 1), LocalDate.of(2014, 9, 1),
                null, false, null, List.of("CHINESE"), List.of("G2"), List.of())));
        String username = unique("linked");
        mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("username", username).param("password", PASSWORD).param("personId", String.valueOf(personId))
                        .param("roles", "TEACHER"))
                .andExpect(redirectedUrl("/admin/users/" + accountId(username)))
                .andExpect(flash().attribute("flashSuccess", "user.created"));

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        mvc.perform(get("/profile").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("示范县实验小学")))
                .andExpect(content().string(Matchers.containsString("教师")));

        mvc.perform(get("/admin/users").param("q", name).with(TestUsers.as(users, "admin")))
                .andExpect(content().string(Matchers.containsString(">" + username + "</a>")));
        mvc.perform(get("/admin/audit").param("type", "app_user").param("q", username).with(TestUsers.as(users, "admin")))
                .andExpect(content().string(Matchers.containsString("《" + username)))
                .andExpect(content().string(Matchers.containsString("新增")));
    }

    @Test
    void adminEditsRolesAndAStaleFormIsRefused() throws Exception {
        String username = unique("edit_me");
        long id = newTeacherAccount(username);
        int version = Access.as(admin(), () -> accounts.get(id)).version();
        mvc.perform(get("/admin/users/" + id).with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(username)));
        mvc.perform(post("/admin/users/" + id).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(version)).param("displayName", "新名字")
                        .param("roles", "TEACHER", "GROUP_LEADER").param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/users/" + id));
        assertThat(Access.as(admin(), () -> accounts.get(id)).roles()).extracting(RoleGrant::role)
                .containsExactlyInAnyOrder(Role.TEACHER, Role.GROUP_LEADER);

        mvc.perform(post("/admin/users/" + id).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(version)).param("displayName", "过时的名字")
                        .param("roles", "TEACHER").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("此记录已被他人修改，请刷新后重试")));
        assertThat(Access.as(admin(), () -> accounts.get(id)).displayName()).isEqualTo("新名字");

        mvc.perform(post("/admin/users/" + id).with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(version + 1)).param("enabled", "true"))
                .andExpect(model().attributeHasFieldErrors("form", "roles"));
    }

    @Test
    void deletedUserGoesToTheRecycleBinAndComesBack() throws Exception {
        String username = unique("bin_me");
        long id = newTeacherAccount(username);
        int version = Access.as(admin(), () -> accounts.get(id)).version();
        mvc.perform(post("/admin/users/" + id + "/delete").with(TestUsers.as(users, "admin")).with(csrf())
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/admin/users").param("q", username).with(TestUsers.as(users, "admin")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">" + username + "</a>"))));
        mvc.perform(get("/admin/users").param("q", username).param("deleted", "true").with(TestUsers.as(users, "admin")))
                .andExpect(content().string(Matchers.containsString(">" + username + "</a>")));
        mvc.perform(post("/admin/users/" + id + "/restore").with(TestUsers.as(users, "admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + id));
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void onlyAdministratorsManageUsers() throws Exception {
        mvc.perform(get("/admin/users").with(TestUsers.as(users, "teacher"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/new").with(TestUsers.as(users, "principal"))).andExpect(status().isForbidden());
        for (String password : new String[] {PASSWORD, "short"}) {
            String username = unique("sneaky");
            mvc.perform(post("/admin/users/new").with(TestUsers.as(users, "teacher")).with(csrf())
                            .param("username", username).param("password", password).param("roles", "ADMIN"))
                    .andExpect(status().isForbidden());
            assertThat(userCount(username)).isZero();
        }
        // The principal of 实验小学 reaches neither an account of another school nor its password.
        long other = accountId("teacher2");
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(other).query(String.class).single();
        mvc.perform(get("/admin/users/" + other).with(TestUsers.as(users, "principal"))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/" + other + "/password").with(TestUsers.as(users, "principal")).with(csrf())
                        .param("password", "Taken2026over"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/" + other).with(TestUsers.as(users, "principal")).with(csrf())
                        .param("version", "0").param("roles", "ADMIN").param("enabled", "true"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select password_hash from app_user where id = ?").param(other).query(String.class).single())
                .isEqualTo(hash);
        assertThat(TestUsers.load(users, "teacher2").roles()).containsExactly(Role.TEACHER);
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOneAndTheSameNewOneTwice() throws Exception {
        mvc.perform(post("/profile/password").with(TestUsers.as(users, "principal")).with(csrf())
                        .param("currentPassword", "wrong").param("newPassword", "New2026pass").param("repeatPassword", "New2026pass"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("passwordForm", "currentPassword"))
                .andExpect(content().string(Matchers.containsString("当前密码不正确")));
        mvc.perform(post("/profile/password").with(TestUsers.as(users, "principal")).with(csrf())
                        .param("currentPassword", TestUsers.DEMO_PASSWORD).param("newPassword", "New2026pass").param("repeatPassword", "Other2026"))
                .andExpect(model().attributeHasFieldErrors("passwordForm", "repeatPassword"))
                .andExpect(content().string(Matchers.containsString("两次输入的新密码不一致")));

        String username = unique("own_pw");
        newTeacherAccount(username);
        mvc.perform(post("/profile/password").with(TestUsers.as(users, username)).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", "Fresh2026pass").param("repeatPassword", "Fresh2026pass"))
                .andExpect(redirectedUrl("/profile"))
                .andExpect(flash().attribute("flashSuccess", "user.password.changed"));
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(username).password("Fresh2026pass")).andExpect(redirectedUrl("/"));
    }

    @Test
    void personalTokenIsShownOnceAndWorksAsBearerUntilRevoked() throws Exception {
        String username = unique("token_owner");
        long userId = newTeacherAccount(username);
        String page = mvc.perform(post("/profile/tokens").with(TestUsers.as(users, username)).with(csrf()).param("name", "企业微信"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(content().string(Matchers.containsString("只显示这一次")))
                .andExpect(content().string(Matchers.containsString("/api/v1/terms/current")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"token-secret\">(jy_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(m.find()).as("secret on the page").isTrue();
        String secret = m.group(1);

        mvc.perform(get("/api/v1/terms/current").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/nonexistent").header("Authorization", "Bearer " + secret))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/nonexistent").header("Authorization", "Bearer " + secret + "x"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        mvc.perform(get("/profile").with(TestUsers.as(users, username)))
                .andExpect(content().string(Matchers.containsString("企业微信")))
                .andExpect(content().string(Matchers.containsString(secret.substring(0, 8))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(secret))));

        long tokenId = jdbc.sql("select id from api_token where user_id = ?").param(userId).query(Long.class).single();
        mvc.perform(post("/profile/tokens/" + tokenId + "/revoke").with(TestUsers.as(users, "teacher2")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/terms/current").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());

        mvc.perform(post("/profile/tokens/" + tokenId + "/revoke").with(TestUsers.as(users, username)).with(csrf()))
                .andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/api/v1/terms/current").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/profile").with(TestUsers.as(users, username)))
                .andExpect(content().string(Matchers.containsString("撤销")));
    }
}
