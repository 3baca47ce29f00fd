package org.jiaoyan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.SecretCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The channel secrets at rest and on the way out: the database holds them encrypted, no page and no log shows them,
 * a save without them keeps them (and sending still works with them), plain ones from before encryption are read and
 * encrypted, and a secret the key cannot decrypt fails its channel with a reason instead of sending nothing silently.
 */
@JiaoyanIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ChannelSecretsIntegrationTests {

    private static final LocalDateTime T = LocalDateTime.of(2100, 5, 1, 9, 0);
    private static final String PASSWORD = "Smtp-Geheim-2100-xyz";
    private static final String SIGNING = "SEC9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    /** FakeRobot's token, in every robot address of these tests. */
    private static final String TOKEN = "test-token";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolChannels channels;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired JdbcClient jdbc;
    @Autowired SecretCipher cipher;
    @Autowired PlainSecretsAtStart atStart;

    private NotifyFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new NotifyFixtures(users, channels, jdbc);
        fx.settleOutbox();
    }

    @AfterEach
    void switchChannelsOff() {
        jdbc.sql("delete from notify_channel_settings where institution_id in (?, ?)").params(fx.schoolA, fx.schoolB).update();
    }

    private MockHttpServletRequestBuilder saveA() {
        return post("/notify/channels/" + fx.schoolA).with(csrf()).with(TestUsers.as(users, "jks"))
                .param("version", String.valueOf(Access.as(fx.jks, () -> channels.get(fx.schoolA)).version()));
    }

    private Map<String, Object> storedRow(long school) {
        return jdbc.sql("select smtp_password, dingtalk_webhook, dingtalk_secret, wecom_webhook from notify_channel_settings"
                + " where institution_id = ?").param(school).query().singleRow();
    }

    private String page(long school) throws Exception {
        return mvc.perform(get("/notify/channels/" + school).with(TestUsers.as(users, "jks")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String> auditChanges(long school) {
        return jdbc.sql("select coalesce(changes, '') from audit_log where entity_type = 'notify_channels' and entity_id = ?")
                .param(school).query(String.class).list();
    }

    @Test
    void secretsSavedOnThePageAreEncryptedNeverShownAndKeptByABlankSaveAndSendingStillWorks() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (FakeRobot ding = new FakeRobot().signedWith(SIGNING); FakeRobot wecom = new FakeRobot()) {
            // the mail server checks the password, the DingTalk robot the signature: both prove the secrets came back intact
            mail.setUser("jky@school.test", "jky", PASSWORD);
            mail.getUserManager().setAuthRequired(true);
            int port = mail.getSmtp().getPort();
            mvc.perform(saveA().param("smtpHost", "127.0.0.1").param("smtpPort", String.valueOf(port))
                            .param("smtpUsername", "jky").param("newSmtpPassword", PASSWORD).param("smtpFrom", "jky@school.test")
                            .param("_smtpTls", "on")
                            .param("newDingtalkWebhook", ding.url()).param("newDingtalkSecret", SIGNING)
                            .param("newWecomWebhook", wecom.url()))
                    .andExpect(redirectedUrl("/notify/channels/" + fx.schoolA));

            Map<String, Object> row = storedRow(fx.schoolA);
            assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("v1:" + cipher.keyId() + ":")
                    .doesNotContain(PASSWORD, SIGNING, TOKEN, "127.0.0.1", "robot"));

            String page = page(fx.schoolA);
            assertThat(page).doesNotContain(PASSWORD, SIGNING, TOKEN, (String) row.get("smtp_password"))
                    .contains("已设置（留空则不修改）", "/robot/send?access_token=****", "清除已保存的值");
            assertThat(auditChanges(fx.schoolA)).isNotEmpty()
                    .allSatisfy(c -> assertThat(c).doesNotContain(PASSWORD, SIGNING, TOKEN));

            // saved again without typing any secret (blank fields, as the form sends them): every stored value stays as it was
            mvc.perform(saveA().param("smtpHost", "127.0.0.1").param("smtpPort", String.valueOf(port))
                            .param("smtpUsername", "jky").param("smtpFrom", "jky@school.test").param("_smtpTls", "on")
                            .param("newDingtalkWebhook", "").param("newDingtalkSecret", "").param("newWecomWebhook", "  "))
                    .andExpect(redirectedUrl("/notify/channels/" + fx.schoolA));
            assertThat(storedRow(fx.schoolA)).isEqualTo(row);

            var jks = TestUsers.as(users, "jks");
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/email").param("to", "head@school.test").with(csrf()).with(jks))
                    .andExpect(flash().attribute("flashSuccess", "notify.test.sent.EMAIL"));
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/dingtalk").with(csrf()).with(jks))
                    .andExpect(flash().attribute("flashSuccess", "notify.test.sent.DINGTALK"));
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/wecom").with(csrf()).with(jks))
                    .andExpect(flash().attribute("flashSuccess", "notify.test.sent.WECOM"));
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(ding.accepted()).hasSize(1);
            assertThat(wecom.accepted()).hasSize(1);

            // and the outbox sends with them too
            String key = "secrets:" + UUID.randomUUID();
            outbox.toGroups(new GroupMessage(fx.schoolA, "test.summary", key, "加密后的汇总", "内容", List.of()), T);
            assertThat(sender.sendDue("node-a", T)).isEqualTo(2);
            assertThat(ding.accepted()).hasSize(2);
            assertThat(wecom.accepted()).hasSize(2);

            // 清除 removes a secret and switches a robot off
            mvc.perform(saveA().param("smtpHost", "127.0.0.1").param("smtpPort", String.valueOf(port))
                            .param("smtpUsername", "jky").param("smtpFrom", "jky@school.test").param("_smtpTls", "on")
                            .param("clearDingtalkSecret", "true").param("clearWecomWebhook", "true"))
                    .andExpect(redirectedUrl("/notify/channels/" + fx.schoolA));
            Map<String, Object> cleared = storedRow(fx.schoolA);
            assertThat(cleared.get("dingtalk_secret")).isNull();
            assertThat(cleared.get("wecom_webhook")).isNull();
            assertThat(cleared.get("smtp_password")).isEqualTo(row.get("smtp_password"));
            assertThat(cleared.get("dingtalk_webhook")).isEqualTo(row.get("dingtalk_webhook"));
        } finally {
            mail.stop();
        }
    }

    @Test
    void aFailedWebhookCallIsLoggedWithoutTheAddressToken(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        // a robot that repeats the token in its answer (as a proxy or a wrong robot might), and one nobody answers at
        try (FakeRobot echo = new FakeRobot().then(200, "{\"errcode\":300001,\"errmsg\":\"token " + TOKEN + " is not exist\"}")) {
            fx.robotsOnly(fx.schoolA, echo.url(), null, "http://127.0.0.1:" + closedPort + "/cgi-bin/webhook/send?key=" + TOKEN);
            String key = "secrets:" + UUID.randomUUID();
            outbox.toGroups(new GroupMessage(fx.schoolA, "test.summary", key, "令牌不应出现在记录中", "内容", List.of()), T);
            assertThat(sender.sendDue("node-a", T)).isZero();

            List<String> errors = new ArrayList<>(jdbc.sql("""
                            select d.last_error from notify_delivery d join notify_message m on m.id = d.message_id
                             where m.dedupe_key = ?""").param(key).query(String.class).list());
            errors.addAll(jdbc.sql("""
                            select a.error from notify_attempt a join notify_delivery d on d.id = a.delivery_id
                              join notify_message m on m.id = d.message_id where m.dedupe_key = ?""")
                    .param(key).query(String.class).list());
            assertThat(errors).hasSize(4).doesNotContainNull()
                    .allSatisfy(e -> assertThat(e).doesNotContain(TOKEN))
                    .anySatisfy(e -> assertThat(e).isEqualTo("钉钉群返回错误 300001：token **** is not exist"))
                    .anySatisfy(e -> assertThat(e).startsWith("无法连接企业微信群"));

            var jks = TestUsers.as(users, "jks");
            String log = mvc.perform(get("/notify/log").with(jks)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(log).contains("令牌不应出现在记录中", "token **** is not exist").doesNotContain(TOKEN);
            byte[] xlsx = mvc.perform(get("/notify/log/export.xlsx").with(jks)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                StringBuilder all = new StringBuilder();
                for (Row r : book.getSheetAt(0)) {
                    r.forEach(cell -> all.append(cell.toString()).append('|'));
                }
                assertThat(all).contains("令牌不应出现在记录中").doesNotContain(TOKEN);
            }
            // nor the same test's test button, nor the application log
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/wecom").with(csrf()).with(jks))
                    .andExpect(flash().attribute("flashError", "notify.test.failed"));
            assertThat(auditChanges(fx.schoolA)).allSatisfy(c -> assertThat(c).doesNotContain(TOKEN));
            assertThat(output.getAll()).doesNotContain(TOKEN);
        }
    }

    @Test
    void plainSecretsFromBeforeEncryptionAreReadThenEncryptedAtStartOrOnTheNextSave() throws Exception {
        try (FakeRobot robot = new FakeRobot().signedWith("SEC-legacy-secret")) {
            jdbc.sql("""
                    insert into notify_channel_settings (institution_id, smtp_host, smtp_port, smtp_username, smtp_password,
                           smtp_from, smtp_tls, dingtalk_webhook, dingtalk_secret, version, updated_at)
                    values (?, 'smtp.school.test', 465, 'jky', 'Legacy-Pass-2100', 'jky@school.test', true, ?, 'SEC-legacy-secret', 1, ?)""")
                    .params(fx.schoolA, robot.url(), T).update();
            // read as they are: the robot checks the signature made with the plain secret; the page masks the webhook
            assertThat(channels.stored(fx.schoolA).orElseThrow().smtpPassword()).isEqualTo("Legacy-Pass-2100");
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/dingtalk").with(csrf()).with(TestUsers.as(users, "jks")))
                    .andExpect(flash().attribute("flashSuccess", "notify.test.sent.DINGTALK"));
            assertThat(page(fx.schoolA)).doesNotContain(TOKEN, "Legacy-Pass-2100", "SEC-legacy-secret").contains("access_token=****");

            // an audit entry of that time recorded the webhook in full
            jdbc.sql("""
                    insert into audit_log (at, username, action, entity_type, entity_id, summary, changes, outcome)
                    values (?, 'jks', 'UPDATE', 'notify_channels', ?, '实验小学', ?, 'SUCCESS')""")
                    .params(T, fx.schoolA, "dingtalkWebhook: ∅ → " + robot.url() + "; smtpHost: ∅ → smtp.school.test").update();

            // the step that runs at every start encrypts them, leaving version and the settings as they were
            SchoolChannels.SecretsAtStart found = channels.encryptPlainSecrets();
            assertThat(found.encrypted()).isEqualTo(3);
            assertThat(found.unreadable()).isZero();
            atStart.run(null);
            assertThat(auditChanges(fx.schoolA)).allSatisfy(c -> assertThat(c).doesNotContain(TOKEN))
                    .contains("dingtalkWebhook: ∅ → " + WebhookAddress.masked(robot.url()) + "; smtpHost: ∅ → smtp.school.test");
            assertThat(storedRow(fx.schoolA).values()).filteredOn(v -> v != null).hasSize(3)
                    .allSatisfy(v -> assertThat((String) v).startsWith("v1:"));
            assertThat(channels.encryptPlainSecrets().encrypted()).as("nothing left to do").isZero();
            assertThat(Access.as(fx.jks, () -> channels.get(fx.schoolA)).version()).isEqualTo(1);
            mvc.perform(post("/notify/channels/" + fx.schoolA + "/test/dingtalk").with(csrf()).with(TestUsers.as(users, "jks")))
                    .andExpect(flash().attribute("flashSuccess", "notify.test.sent.DINGTALK"));

            // a plain value that appears later (restored from an old backup) is encrypted by the next save
            jdbc.sql("update notify_channel_settings set smtp_password = 'Legacy-Pass-2100' where institution_id = ?")
                    .param(fx.schoolA).update();
            mvc.perform(saveA().param("smtpHost", "smtp.school.test").param("smtpPort", "465").param("smtpUsername", "jky")
                            .param("smtpFrom", "jky@school.test").param("smtpTls", "true"))
                    .andExpect(redirectedUrl("/notify/channels/" + fx.schoolA));
            String password = (String) storedRow(fx.schoolA).get("smtp_password");
            assertThat(password).startsWith("v1:");
            assertThat(cipher.decrypt(password)).isEqualTo("Legacy-Pass-2100");
        }
    }

    @Test
    void aSecretTheKeyCannotDecryptFailsItsChannelWithAReasonAndThePageAsksForItAgain() throws Exception {
        try (FakeRobot robot = new FakeRobot()) {
            byte[] otherKey = new byte[32];
            otherKey[0] = 42;
            String foreign = new SecretCipher(otherKey).encrypt(robot.url());
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            jdbc.sql("update notify_channel_settings set wecom_webhook = ? where institution_id = ?")
                    .params(foreign, fx.schoolA).update();

            assertThat(channels.encryptPlainSecrets().unreadable()).isEqualTo(1);
            String key = "secrets:" + UUID.randomUUID();
            assertThat(outbox.toGroups(new GroupMessage(fx.schoolA, "test.summary", key, "密钥已更换", "内容", List.of()), T))
                    .as("still queued, so the send log says why it fails").isTrue();
            assertThat(sender.sendDue("node-a", T)).isZero();
            assertThat(jdbc.sql("""
                            select d.last_error from notify_delivery d join notify_message m on m.id = d.message_id
                             where m.dedupe_key = ?""").param(key).query(String.class).single())
                    .isEqualTo("已保存的企业微信群设置无法解密（加密密钥已更换），请在“通知渠道”中重新填写");
            assertThat(robot.requests()).isEmpty();
            assertThat(page(fx.schoolA)).contains("无法用当前的加密密钥解密");

            // entering it again mends it
            mvc.perform(saveA().param("newWecomWebhook", robot.url())).andExpect(redirectedUrl("/notify/channels/" + fx.schoolA));
            assertThat(sender.sendDue("node-a", T.plusMinutes(1))).isEqualTo(1);
            assertThat(robot.accepted()).hasSize(1);
            assertThat(page(fx.schoolA)).doesNotContain("无法用当前的加密密钥解密");
        }
    }
}
