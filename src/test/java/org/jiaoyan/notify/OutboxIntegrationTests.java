package org.jiaoyan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outbox end to end against a local robot (HTTP) and a local mail server on 127.0.0.1: nothing leaves the machine. */
@JiaoyanIntegrationTest
class OutboxIntegrationTests {

    /** Far ahead of the real clock: the app's scheduled sender never finds these deliveries due. */
    private static final LocalDateTime T = LocalDateTime.of(2100, 3, 1, 10, 0);

    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired SchoolChannels channels;
    @Autowired NotifyPreferences preferences;
    @Autowired Notices notices;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;

    private NotifyFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new NotifyFixtures(users, channels, jdbc);
        fx.settleOutbox();
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    private GroupMessage group(long school, String key, String title) {
        return new GroupMessage(school, "test.summary", key, title, "- 语文组：本周活动 **未登记**\n- 数学组：已完成", List.of());
    }

    private record Row(long id, String state, int attempts, LocalDateTime next, String lastError, String claimedBy) {
    }

    private Row delivery(String key, Channel channel) {
        return jdbc.sql("""
                        select d.id, d.state, d.attempts, d.next_attempt_at, d.last_error, d.claimed_by from notify_delivery d
                          join notify_message m on m.id = d.message_id where m.dedupe_key = ? and d.channel = ?""")
                .params(key, channel.name())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toLocalDateTime(),
                        rs.getString(5), rs.getString(6)))
                .single();
    }

    private List<Map<String, Object>> attempts(long deliveryId) {
        return jdbc.sql("select attempt, outcome, error, node from notify_attempt where delivery_id = ? order by attempt, id")
                .param(deliveryId).query().listOfRows();
    }

    @Test
    void webhookThatFailsTwiceThenSucceedsDeliversOnceAndLogsEveryAttempt() throws Exception {
        try (FakeRobot robot = new FakeRobot()
                .then(500, "upstream down")
                .then(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")) {
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            String key = key();
            assertThat(outbox.toGroups(group(fx.schoolA, key, "教研周报：重试测试"), T)).isTrue();

            assertThat(sender.sendDue("node-a", T)).isZero();
            Row first = delivery(key, Channel.WECOM);
            assertThat(first.state()).isEqualTo("QUEUED");
            assertThat(first.next()).isEqualTo(T.plusMinutes(1));
            assertThat(first.lastError()).isEqualTo("企业微信群返回 HTTP 500");

            assertThat(sender.sendDue("node-a", T.plusSeconds(30))).as("not due before its pause ends").isZero();
            assertThat(robot.requests()).hasSize(1);

            assertThat(sender.sendDue("node-a", T.plusMinutes(1))).isZero();
            Row second = delivery(key, Channel.WECOM);
            assertThat(second.next()).isEqualTo(T.plusMinutes(6));
            assertThat(second.lastError()).isEqualTo("企业微信群返回错误 93000：invalid webhook url");

            assertThat(sender.sendDue("node-a", T.plusMinutes(6))).isEqualTo(1);
            assertThat(sender.sendDue("node-a", T.plusDays(1))).isZero();

            assertThat(robot.requests()).hasSize(3);
            assertThat(robot.accepted()).hasSize(1);
            JsonNode body = JsonMapper.builder().build().readTree(robot.accepted().get(0).body());
            assertThat(body.path("msgtype").asString()).isEqualTo("markdown");
            assertThat(body.path("markdown").path("content").asString()).startsWith("**教研周报：重试测试**\n- 语文组");

            Row done = delivery(key, Channel.WECOM);
            assertThat(done.state()).isEqualTo("SENT");
            assertThat(done.attempts()).isEqualTo(3);
            assertThat(attempts(done.id())).extracting(a -> a.get("outcome"), a -> a.get("error")).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("FAILED", "企业微信群返回 HTTP 500"),
                    org.assertj.core.groups.Tuple.tuple("FAILED", "企业微信群返回错误 93000：invalid webhook url"),
                    org.assertj.core.groups.Tuple.tuple("SENT", null));

            // the office head's send log shows the delivery with both failures and the success
            mvc.perform(get("/notify/log").param("channel", "WECOM").with(TestUsers.as(users, "jks")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("教研周报：重试测试")))
                    .andExpect(content().string(Matchers.containsString("已发送")))
                    .andExpect(content().string(Matchers.containsString("企业微信群返回 HTTP 500")))
                    .andExpect(content().string(Matchers.containsString("企业微信群返回错误 93000：invalid webhook url")));
        }
    }

    @Test
    void dingTalkPostsAreSignedAndAWrongSecretIsAFailureWithDingTalksReason() throws Exception {
        String secret = "SEC0123456789abcdef0123456789abcdef";
        try (FakeRobot robot = new FakeRobot().signedWith(secret)) {
            fx.robotsOnly(fx.schoolA, robot.url(), secret, null);
            String key = key();
            assertThat(outbox.toGroups(new GroupMessage(fx.schoolA, "test.summary", key, "今日提醒汇总",
                    "3 位教师本周听课未满 1 节", List.of("13800000001")), T)).isTrue();
            assertThat(sender.sendDue("node-a", T)).isEqualTo(1);
            assertThat(robot.accepted()).hasSize(1);
            JsonNode body = JsonMapper.builder().build().readTree(robot.accepted().get(0).body());
            assertThat(body.path("msgtype").asString()).isEqualTo("markdown");
            assertThat(body.path("markdown").path("title").asString()).isEqualTo("今日提醒汇总");
            assertThat(body.path("markdown").path("text").asString()).contains("#### 今日提醒汇总", "@13800000001");
            assertThat(body.path("at").path("atMobiles").get(0).asString()).isEqualTo("13800000001");
            assertThat(robot.accepted().get(0).query()).contains("access_token=test-token&timestamp=", "&sign=");

            fx.robotsOnly(fx.schoolA, robot.url(), "SECwrong", null);
            String other = key();
            outbox.toGroups(group(fx.schoolA, other, "签名错误的消息"), T);
            assertThat(sender.sendDue("node-a", T)).isZero();
            assertThat(delivery(other, Channel.DINGTALK).lastError()).isEqualTo("钉钉群返回错误 310000：sign not match");
            assertThat(robot.accepted()).hasSize(1);
        }
    }

    @Test
    void eMailArrivesWithAChineseSubjectAndWaitsForTheEndOfQuietHours() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            mail.setUser("jky@school.test", "jky", "Mail-Pass-2100");
            fx.configure(fx.schoolA, "127.0.0.1", mail.getSmtp().getPort(), null, null, null);
            Access.as(fx.teacher, () -> {
                preferences.saveMine(new Preference("teacher-a@school.test", true, LocalTime.of(22, 0), LocalTime.of(7, 0)));
                return null;
            });
            LocalDateTime lateEvening = LocalDateTime.of(2100, 3, 1, 23, 0);
            String key = key();
            assertThat(outbox.toPerson(new OutboundMessage(fx.teacher.personId(), "test.digest", key,
                    "今日待办：提交第三周教案", "请在周五前上传教案。\n备课组：三年级语文", "/tasks"), lateEvening)).isTrue();

            // the inbox has it at once; the e-mail waits until 07:00
            assertThat(jdbc.sql("select count(*) from notice where dedupe_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
            assertThat(delivery(key, Channel.INBOX).state()).isEqualTo("SENT");
            Row email = delivery(key, Channel.EMAIL);
            assertThat(email.state()).isEqualTo("QUEUED");
            assertThat(email.next()).isEqualTo(LocalDateTime.of(2100, 3, 2, 7, 0));
            assertThat(sender.sendDue("node-a", lateEvening.plusHours(2))).isZero();
            assertThat(mail.getReceivedMessages()).isEmpty();

            assertThat(sender.sendDue("node-a", LocalDateTime.of(2100, 3, 2, 7, 0))).isEqualTo(1);
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("今日待办：提交第三周教案");
            assertThat(received[0].getHeader("Subject")[0]).containsIgnoringCase("=?UTF-8?");
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("teacher-a@school.test");
            assertThat(received[0].getContent().toString()).contains("请在周五前上传教案。", "备课组：三年级语文", "通知设置");
            assertThat(delivery(key, Channel.EMAIL).state()).isEqualTo("SENT");
        } finally {
            mail.stop();
            Access.as(fx.teacher, () -> {
                preferences.saveMine(Preference.DEFAULT);
                return null;
            });
            fx.configure(fx.schoolA, null, null, null, null, null);
        }
    }

    @Test
    void aDelayedEmailThatReachesQuietHoursWaitsAgainWithoutCountingAnAttempt() {
        try {
            fx.configure(fx.schoolA, "127.0.0.1", 1, null, null, null);
            Access.as(fx.teacher, () -> {
                preferences.saveMine(new Preference("teacher-a@school.test", true, null, null));
                return null;
            });
            String key = key();
            outbox.toPerson(new OutboundMessage(fx.teacher.personId(), "test.digest", key, "晚间消息", null, null), T);
            Access.as(fx.teacher, () -> {
                preferences.saveMine(new Preference("teacher-a@school.test", true, LocalTime.of(9, 0), LocalTime.of(11, 30)));
                return null;
            });
            assertThat(sender.sendDue("node-a", T)).isZero();
            Row held = delivery(key, Channel.EMAIL);
            assertThat(held.state()).isEqualTo("QUEUED");
            assertThat(held.attempts()).isZero();
            assertThat(held.next()).isEqualTo(T.withHour(11).withMinute(30));
            assertThat(attempts(held.id())).isEmpty();
        } finally {
            Access.as(fx.teacher, () -> {
                preferences.saveMine(Preference.DEFAULT);
                return null;
            });
            fx.configure(fx.schoolA, null, null, null, null, null);
        }
    }

    @Test
    void theSameDedupeKeyQueuedTwiceIsDeliveredOnce() throws Exception {
        try (FakeRobot robot = new FakeRobot()) {
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            String key = key();
            assertThat(outbox.toGroups(group(fx.schoolA, key, "只发一次"), T)).isTrue();
            assertThat(outbox.toGroups(group(fx.schoolA, key, "只发一次（重复）"), T)).isFalse();
            String personKey = key();
            OutboundMessage m = new OutboundMessage(fx.teacher.personId(), "test.digest", personKey, "个人只发一次", null, null);
            assertThat(outbox.toPerson(m, T)).isTrue();
            assertThat(outbox.toPerson(m, T)).isFalse();

            assertThat(sender.sendDue("node-a", T)).isEqualTo(1);
            assertThat(sender.sendDue("node-a", T.plusHours(1))).isZero();
            assertThat(robot.accepted()).hasSize(1);
            assertThat(jdbc.sql("select count(*) from notify_delivery d join notify_message m on m.id = d.message_id "
                    + "where m.dedupe_key in (?, ?)").params(key, personKey).query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from notice where dedupe_key = ?").param(personKey).query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aSchoolWithoutRobotsQueuesNothingSoTheKeyCanGoOutLater() throws Exception {
        fx.robotsOnly(fx.schoolA, null, null, null);
        String key = key();
        assertThat(outbox.toGroups(group(fx.schoolA, key, "暂无机器人"), T)).isFalse();
        try (FakeRobot robot = new FakeRobot()) {
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            assertThat(outbox.toGroups(group(fx.schoolA, key, "暂无机器人"), T)).isTrue();
            assertThat(sender.sendDue("node-a", T)).isEqualTo(1);
        }
    }

    @Test
    void aSendingRowWhoseLeaseExpiredIsRetriedAndDeliveredOnce() throws Exception {
        try (FakeRobot robot = new FakeRobot()) {
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            String key = key();
            outbox.toGroups(group(fx.schoolA, key, "节点中断后重发"), T);
            // a node claims it and dies before sending
            assertThat(sender.claim("node-dead", T, 10)).hasSize(1);
            assertThat(delivery(key, Channel.WECOM).state()).isEqualTo("SENDING");

            assertThat(sender.sendDue("node-b", T.plusMinutes(4))).as("the claim still holds").isZero();
            assertThat(robot.requests()).isEmpty();

            assertThat(sender.sendDue("node-b", T.plusMinutes(5).plusSeconds(1))).isEqualTo(1);
            assertThat(sender.sendDue("node-b", T.plusHours(1))).isZero();
            assertThat(robot.accepted()).hasSize(1);
            Row done = delivery(key, Channel.WECOM);
            assertThat(done.state()).isEqualTo("SENT");
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(done.claimedBy()).isEqualTo("node-b");
            List<Map<String, Object>> tries = attempts(done.id());
            assertThat(tries).extracting(a -> a.get("outcome"), a -> a.get("node")).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("INTERRUPTED", "node-dead"),
                    org.assertj.core.groups.Tuple.tuple("SENT", "node-b"));
            assertThat((String) tries.get(0).get("error")).contains("node-dead", "5 分钟");
        }
    }

    @Test
    void twoNodesNeverClaimTheSameDelivery() throws Exception {
        try (FakeRobot robot = new FakeRobot()) {
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            for (int i = 0; i < 3; i++) {
                outbox.toGroups(group(fx.schoolA, key(), "并发领取 " + i), T);
            }
            var a = sender.claim("node-a", T, 2);
            var b = sender.claim("node-b", T, 10);
            assertThat(a).hasSize(2);
            assertThat(b).hasSize(1);
            assertThat(b.get(0).id()).isNotIn(a.get(0).id(), a.get(1).id());
        }
    }

    @Test
    void aFailureIsRetriedSixTimesAtMostWithGrowingPauses() throws Exception {
        try (FakeRobot robot = new FakeRobot()) {
            for (int i = 0; i < 6; i++) {
                robot.then(502, "");
            }
            fx.robotsOnly(fx.schoolA, null, null, robot.url());
            String key = key();
            outbox.toGroups(group(fx.schoolA, key, "一直失败"), T);
            LocalDateTime at = T;
            for (int attempt = 1; attempt <= 6; attempt++) {
                assertThat(sender.sendDue("node-a", at)).isZero();
                Row row = delivery(key, Channel.WECOM);
                assertThat(row.attempts()).isEqualTo(attempt);
                if (attempt < 6) {
                    assertThat(row.state()).isEqualTo("QUEUED");
                    assertThat(row.next()).isEqualTo(at.plus(OutboxSender.backoff(attempt)));
                    at = row.next();
                } else {
                    assertThat(row.state()).isEqualTo("FAILED");
                }
            }
            assertThat(sender.sendDue("node-a", at.plusDays(2))).isZero();
            assertThat(robot.requests()).hasSize(6);
        }
    }
}
