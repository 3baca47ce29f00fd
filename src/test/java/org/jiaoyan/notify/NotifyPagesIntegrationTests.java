package org.jiaoyan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The channel settings, preferences and send-log pages: who may see what, field errors, secrets never shown. */
@JiaoyanIntegrationTest
class NotifyPagesIntegrationTests {

    private static final LocalDateTime T = LocalDateTime.of(2100, 4, 1, 9, 0);
    private static final String PASSWORD = "Smtp-Geheim-2100-xyz";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolChannels channels;
    @Autowired NotifyPreferences preferences;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired JdbcClient jdbc;

    private NotifyFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new NotifyFixtures(users, channels, jdbc);
        fx.settleOutbox();
    }

    @AfterEach
    void switchChannelsOff() {
        fx.configure(fx.schoolA, null, null, null, null, null);
        fx.configure(fx.schoolB, null, null, null, null, null);
    }

    private MockHttpServletRequestBuilder saveA() {
        return post("/notify/channels/" + fx.schoolA).with(csrf()).with(TestUsers.as(users, "jks"))
                .param("version", String.valueOf(Access.as(fx.jks, () -> channels.get(fx.schoolA)).version()));
    }

    @Test
    void theOfficeHeadConfiguresTheirSchoolAndNeverSeesThePasswordAgain() throws Exception {
        mvc.perform(get("/notify/channels").with(TestUsers.as(users, "jks")))
                .andExpect(redirectedUrl("/notify/channels/" + fx.schoolA));
        mvc.perform(saveA().param("smtpHost", "smtp.school.test").param("smtpPort", "465").param("smtpUsername", "jky")
                        .param("newSmtpPassword", PASSWORD).param("smtpFrom", "jky@school.test").param("smtpTls", "true")
                        .param("newWecomWebhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"))
                .andExpect(redirectedUrl("/notify/channels/" + fx.schoolA))
                .andExpect(flash().attribute("flashSuccess", "notify.channels.saved"));
        String stored = jdbc.sql("select smtp_password from notify_channel_settings where institution_id = ?")
                .param(fx.schoolA).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);

        String page = mvc.perform(get("/notify/channels/" + fx.schoolA).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("smtp.school.test")))
                .andExpect(content().string(Matchers.containsString("已设置（留空则不修改）")))
                .andExpect(content().string(Matchers.containsString("发送测试消息")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(PASSWORD);

        // saving again without typing the password keeps it
        mvc.perform(saveA().param("smtpHost", "smtp.school.test").param("smtpPort", "587").param("smtpUsername", "jky")
                        .param("smtpFrom", "jky@school.test").param("_smtpTls", "on"))
                .andExpect(redirectedUrl("/notify/channels/" + fx.schoolA));
        assertThat(jdbc.sql("select smtp_password from notify_channel_settings where institution_id = ?")
                .param(fx.schoolA).query(String.class).single()).isEqualTo(stored);
        // the audit log says it changed, never what it is
        assertThat(jdbc.sql("select changes from audit_log where entity_type = 'notify_channels' and entity_id = ?")
                .param(fx.schoolA).query(String.class).list()).noneMatch(c -> c != null && c.contains(PASSWORD));
    }

    @Test
    void aWebhookThatIsNotHttpIsAFieldErrorAndTheFormKeepsWhatWasTypedButNotTheSecrets() throws Exception {
        String page = mvc.perform(saveA().param("smtpHost", "smtp.school.test").param("smtpPort", "99999")
                        .param("smtpFrom", "jky@school.test").param("newSmtpPassword", PASSWORD)
                        .param("newDingtalkWebhook", "ftp://oapi.dingtalk.com/robot?access_token=typed-token-1")
                        .param("newDingtalkSecret", "SECsecret-typed")
                        .param("newWecomWebhook", "qyapi.weixin.qq.com/hook?key=typed-key-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请输入以 http:// 或 https:// 开头的网址")))
                .andExpect(content().string(Matchers.containsString("端口应在 1 到 65535 之间")))
                .andExpect(content().string(Matchers.containsString("没有保留")))
                .andExpect(content().string(Matchers.containsString("value=\"smtp.school.test\"")))
                .andExpect(content().string(Matchers.containsString("is-invalid")))
                .andReturn().getResponse().getContentAsString();
        // webhooks carry the robot's token: like the password they are not sent back, even when mistyped
        assertThat(page).doesNotContain(PASSWORD, "SECsecret-typed", "typed-token-1", "typed-key-2");
        assertThat(channels.stored(fx.schoolA).map(SchoolChannels.Stored::dingtalkWebhook).orElse(""))
                .doesNotStartWith("ftp");
    }

    @Test
    void anotherSchoolsSettingsAndLogAreRefusedToTheOfficeHeadOfSchoolA() throws Exception {
        var jks = TestUsers.as(users, "jks");
        mvc.perform(get("/notify/channels/" + fx.schoolB).with(jks)).andExpect(status().isNotFound());
        mvc.perform(post("/notify/channels/" + fx.schoolB).with(csrf()).with(jks).param("version", "0")
                .param("newWecomWebhook", "https://evil.example/hook")).andExpect(status().isNotFound());
        mvc.perform(post("/notify/channels/" + fx.schoolB + "/test/wecom").with(csrf()).with(jks)).andExpect(status().isNotFound());
        mvc.perform(get("/notify/log").param("school", String.valueOf(fx.schoolB)).with(jks)).andExpect(status().isNotFound());
        mvc.perform(get("/notify/log/export.xlsx").param("school", String.valueOf(fx.schoolB)).with(jks))
                .andExpect(status().isNotFound());
        assertThat(channels.stored(fx.schoolB).map(SchoolChannels.Stored::wecomWebhook).orElse("")).doesNotContain("evil");

        // teachers and principals have neither page
        for (String user : List.of("teacher", "principal", "zuzhang")) {
            mvc.perform(get("/notify/channels").with(TestUsers.as(users, user))).andExpect(status().isForbidden());
            mvc.perform(get("/notify/channels/" + fx.schoolA).with(TestUsers.as(users, user))).andExpect(status().isForbidden());
            mvc.perform(get("/notify/log").with(TestUsers.as(users, user))).andExpect(status().isForbidden());
        }
        // the administrator sees every school
        mvc.perform(get("/notify/channels").with(TestUsers.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/notify/channels/" + fx.schoolB)));
        mvc.perform(get("/notify/channels/" + fx.schoolB).with(TestUsers.as(users, "admin"))).andExpect(status().isOk());
    }

    @Test
    void theLogShowsTheOfficeHeadOnlyTheirSchoolAndExportsWhatItShows() throws Exception {
        try (FakeRobot robot = new FakeRobot()) {
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            fx.robotsOnly(fx.schoolB, null, null, robot.url());
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            outbox.toGroups(new GroupMessage(fx.schoolA, "test.summary", "a:" + suffix, "甲校汇总 " + suffix, "内容", List.of()), T);
            outbox.toGroups(new GroupMessage(fx.schoolB, "test.summary", "b:" + suffix, "乙校汇总 " + suffix, "内容", List.of()), T);
            sender.sendDue("node-a", T);

            mvc.perform(get("/notify/log").with(TestUsers.as(users, "jks")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("<title>发送记录</title>")))
                    .andExpect(content().string(Matchers.containsString("甲校汇总 " + suffix)))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("乙校汇总 " + suffix))));
            mvc.perform(get("/notify/log").with(TestUsers.as(users, "admin")))
                    .andExpect(content().string(Matchers.containsString("甲校汇总 " + suffix)))
                    .andExpect(content().string(Matchers.containsString("乙校汇总 " + suffix)));
            // filters: state and channel, the fragment alone for htmx
            mvc.perform(get("/notify/log").param("state", "FAILED").with(TestUsers.as(users, "jks")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("甲校汇总 " + suffix))));
            mvc.perform(get("/notify/log").param("state", "SENT").param("channel", "WECOM").header("HX-Request", "true")
                            .with(TestUsers.as(users, "jks")))
                    .andExpect(content().string(Matchers.containsString("甲校汇总 " + suffix)))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));

            byte[] xlsx = mvc.perform(get("/notify/log/export.xlsx").param("channel", "WECOM").with(TestUsers.as(users, "jks")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", Matchers.startsWith("application/vnd.openxmlformats")))
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = book.getSheetAt(0);
                StringBuilder all = new StringBuilder();
                for (Row row : sheet) {
                    row.forEach(cell -> all.append(cell.toString()).append('|'));
                }
                assertThat(all).contains("收件人/群", "甲校汇总 " + suffix, "已发送", "企业微信群").doesNotContain("乙校汇总 " + suffix);
            }
        }
    }

    @Test
    void testButtonsSendRightAwayAndSayWhyTheyFailed() throws Exception {
        try (FakeRobot robot = new FakeRobot().then(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")) {
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            var jks = TestUsers.as(users, "jks");
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/wecom").with(csrf()).with(jks))
                    .andExpect(redirectedUrl("/notify/channels/" + fx.schoolA))
                    .andExpect(flash().attribute("flashError", "notify.test.failed"));
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/wecom").with(csrf()).with(jks))
                    .andExpect(flash().attribute("flashSuccess", "notify.test.sent.WECOM"));
            assertThat(robot.accepted()).hasSize(1);
            assertThat(robot.accepted().get(0).body()).contains("测试消息");
            // a channel that is not configured
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/dingtalk").with(csrf()).with(jks))
                    .andExpect(flash().attribute("flashError", "notify.test.notConfigured"));
        }
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            mail.setUser("jky@school.test", "jky", "Mail-Pass-2100");
            fx.configure(fx.schoolA, "127.0.0.1", mail.getSmtp().getPort(), null, null, null);
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/email").param("to", "不是邮箱").with(csrf())
                            .with(TestUsers.as(users, "jks")))
                    .andExpect(flash().attribute("flashError", "notify.error.email"));
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/email").param("to", "head@school.test").with(csrf())
                            .with(TestUsers.as(users, "jks")))
                    .andExpect(flash().attribute("flashSuccess", "notify.test.sent.EMAIL"));
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("测试消息");
        } finally {
            mail.stop();
        }
    }

    @Test
    void everyUserSetsTheirOwnPreferencesWithFieldErrorsInChinese() throws Exception {
        var teacher = TestUsers.as(users, "teacher");
        try {
            mvc.perform(get("/notify/preferences").with(teacher))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("<title>通知设置</title>")))
                    .andExpect(content().string(Matchers.containsString("始终开启")))
                    .andExpect(content().string(Matchers.containsString("学校尚未配置邮件服务器")));
            mvc.perform(post("/notify/preferences").with(csrf()).with(teacher).param("emailEnabled", "true")
                            .param("quietStart", "22:00"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("接收邮件时请填写邮箱")))
                    .andExpect(content().string(Matchers.containsString("请同时填写开始和结束时间")))
                    .andExpect(content().string(Matchers.containsString("value=\"22:00\"")));
            mvc.perform(post("/notify/preferences").with(csrf()).with(teacher).param("email", "wang@school")
                            .param("emailEnabled", "true"))
                    .andExpect(content().string(Matchers.containsString("邮箱格式不正确")))
                    .andExpect(content().string(Matchers.containsString("value=\"wang@school\"")));
            mvc.perform(post("/notify/preferences").with(csrf()).with(teacher).param("email", "wang@school.test")
                            .param("emailEnabled", "true").param("quietStart", "22:00").param("quietEnd", "07:00"))
                    .andExpect(redirectedUrl("/notify/preferences"))
                    .andExpect(flash().attribute("flashSuccess", "notify.prefs.saved"));
            assertThat(Access.as(fx.teacher, preferences::mine))
                    .isEqualTo(new Preference("wang@school.test", true, LocalTime.of(22, 0), LocalTime.of(7, 0)));
            // another user's preferences are untouched and their own
            assertThat(Access.as(fx.teacher2, preferences::mine)).isEqualTo(Preference.DEFAULT);
            mvc.perform(get("/notify/preferences").with(teacher))
                    .andExpect(content().string(Matchers.containsString("value=\"wang@school.test\"")))
                    .andExpect(content().string(Matchers.containsString("value=\"07:00\"")));
            // an account without a person is told so
            mvc.perform(get("/notify/preferences").with(TestUsers.as(users, "admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("当前账号未关联教师")));
        } finally {
            Access.as(fx.teacher, () -> {
                preferences.saveMine(Preference.DEFAULT);
                return null;
            });
        }
    }

    @Test
    void theMenuLeadsTheOfficeHeadToChannelsAndLogAndEveryoneToTheirSettings() throws Exception {
        mvc.perform(get("/notices").with(TestUsers.as(users, "jks")))
                .andExpect(content().string(Matchers.containsString("href=\"/notify/channels\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/notify/log\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/notify/preferences\"")));
        mvc.perform(get("/notices").with(TestUsers.as(users, "teacher")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/notify/channels\""))))
                .andExpect(content().string(Matchers.containsString("href=\"/notify/preferences\"")));
    }
}
