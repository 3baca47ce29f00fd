package org.jiaoyan.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.People;
import org.jiaoyan.org.PersonData;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ChineseDates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JiaoyanIntegrationTest
class AdminLogPagesIntegrationTests {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired People people;

    @Test
    void auditLogListsAChangeWithItsTimeInChinese() throws Exception {
        CurrentUser jks = TestUsers.load(users, "jks");
        String name = "审计" + SEQ.incrementAndGet();
        Access.as(jks, () -> people.create(new PersonData(jks.institutionId(), name, "M",
                String.valueOf(19_600_000_000L + SEQ.incrementAndGet()), LocalDate.of(1988, 1, 1), null, null, false, null,
                List.of(), List.of(), List.of())));
        String today = ChineseDates.date(LocalDate.now());
        mvc.perform(get("/admin/audit").param("username", "jks").param("type", "person").param("q", name)
                        .param("from", LocalDate.now().toString()).with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">" + name + "</td>")))
                .andExpect(content().string(Matchers.containsString(today)))
                .andExpect(content().string(Matchers.containsString("新增")))
                .andExpect(content().string(Matchers.containsString("成功")));
        mvc.perform(get("/admin/audit").param("q", name).param("to", LocalDate.now().minusDays(1).toString())
                        .with(TestUsers.as(users, "admin")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">" + name + "</td>"))));
        // 时间 reads 2026年11月24日 10:05
        String format = ChineseDates.dateTime(LocalDateTime.of(2026, 11, 24, 10, 5));
        assertThat(format).isEqualTo("2026年11月24日 10:05");
    }

    @Test
    void refusedChangeIsListedAsAFailure() throws Exception {
        mvc.perform(post("/admin/dictionaries/subject").with(TestUsers.as(users, "teacher")).with(csrf())
                        .param("code", "REFUSED").param("label", "拒绝课"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").param("username", "teacher").param("outcome", "FAILURE")
                        .with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/admin/dictionaries/subject")))
                .andExpect(content().string(Matchers.containsString("失败")));
    }

    @Test
    void failedLoginsAppearInTheLoginLog() throws Exception {
        mvc.perform(formLogin("/login").user("teacher2").password("wrong-password"));
        mvc.perform(get("/admin/logins").param("username", "teacher2").param("outcome", "BAD_CREDENTIALS")
                        .param("from", LocalDate.now().toString()).param("to", LocalDate.now().toString())
                        .with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("密码错误")))
                .andExpect(content().string(Matchers.containsString("teacher2")));
    }

    @Test
    void filtersRefreshOnlyTheResultsWithHtmx() throws Exception {
        for (String url : new String[] {"/admin/audit", "/admin/logins", "/admin/users"}) {
            mvc.perform(get(url).header("HX-Request", "true").with(TestUsers.as(users, "admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("id=\"results\"")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        }
    }

    @Test
    void onlyAdministratorsSeeTheLogs() throws Exception {
        for (String url : new String[] {"/admin/audit", "/admin/logins"}) {
            for (String user : new String[] {"jks", "principal", "county", "teacher2"}) {
                mvc.perform(get(url).with(TestUsers.as(users, user))).andExpect(status().isForbidden());
            }
        }
    }
}
