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
import java.util.Locale;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.ObservationFixtures;
import org.jiaoyan.observation.Observations;
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
    @Autowired Observations observations;
    @Autowired EvaluationForms forms;
    @Autowired AuditWords words;

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
                .andExpect(content().string(Matchers.containsString(">教师《" + name + "》</td>")))
                .andExpect(content().string(Matchers.containsString(today)))
                .andExpect(content().string(Matchers.containsString(">新增教师</td>")))
                .andExpect(content().string(Matchers.containsString(">" + jks.displayName() + "（jks）</td>")))
                .andExpect(content().string(Matchers.containsString("成功")));
        mvc.perform(get("/admin/audit").param("q", name).param("to", LocalDate.now().minusDays(1).toString())
                        .with(TestUsers.as(users, "admin")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("《" + name + "》"))));
        // 时间 reads 2026年11月24日 10:05
        String format = ChineseDates.dateTime(LocalDateTime.of(2026, 11, 24, 10, 5));
        assertThat(format).isEqualTo("2026年11月24日 10:05");
    }

    @Test
    void observationChangesReadInWordsWithTheUsersNameBesideTheLogin() throws Exception {
        var fx = new ObservationFixtures(users, observations, forms);
        long form = fx.twoCriterionForm("审计评价表" + SEQ.incrementAndGet());
        CurrentUser teacher = TestUsers.load(users, "teacher");
        CurrentUser leader = TestUsers.load(users, "zuzhang");
        long observed = leader.scope().readPersons().stream()
                .filter(id -> !id.equals(teacher.personId()) && !id.equals(leader.personId())).sorted().findFirst().orElseThrow();
        String topic = "审计课题" + SEQ.incrementAndGet();
        long id = fx.observe(teacher, observed, form, topic, 50, 40, LocalDate.now());
        CurrentUser observedUser = ObservationFixtures.person(observed, teacher.institutionId());
        Access.as(observedUser, () -> {
            observations.acknowledge(id, observations.get(id).version(), "收到");
            return null;
        });
        String html = mvc.perform(get("/admin/audit").param("q", topic).with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(">新增听课记录</td>", ">确认听课记录</td>", "总分 90", "回复 收到",
                ">" + teacher.displayName() + "（teacher）</td>", "听课记录 ", "《" + topic + "》");
        assertThat(html).doesNotContain("ACKNOWLEDGE", ">observation", "total 90", "totalScore");
    }

    @Test
    void oldEntriesWithoutWordsShowWhatWasStored() {
        AuditEntry old = new AuditEntry(1, LocalDateTime.now(), "olduser", null, "MERGE", "widget", 7L, null,
                "total 80; 标题: 旧 → 新", "SUCCESS", null, null);
        assertThat(words.user(old)).isEqualTo("olduser");
        assertThat(words.action(old, Locale.CHINA)).isEqualTo("MERGE widget");
        assertThat(words.record(old, Locale.CHINA)).isEqualTo("widget #7");
        assertThat(words.changes(old, Locale.CHINA)).containsExactly("total 80", "标题 旧 → 新");
        AuditEntry status = new AuditEntry(2, LocalDateTime.now(), "jks", "王丽", "SUBMITTED", "plan", 3L, "2026学年计划",
                "status: DRAFT → SUBMITTED", "SUCCESS", null, null);
        assertThat(words.user(status)).isEqualTo("王丽（jks）");
        assertThat(words.action(status, Locale.CHINA)).isEqualTo("提交学期计划审核");
        assertThat(words.record(status, Locale.CHINA)).isEqualTo("学期计划《2026学年计划》");
        assertThat(words.changes(status, Locale.CHINA)).containsExactly("状态 草稿 → 待审核");
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
