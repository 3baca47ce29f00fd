package org.jiaoyan.notify;

import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Shared setup of the notify tests: the demo schools (A: jks's 实验小学, B: teacher2's 乡镇中心小学), their channel
 * settings, and a clean outbox. Tests run at times in 2100 and drive the sender themselves; the app's own scheduled
 * sender runs on the real clock and never finds those deliveries due.
 */
final class NotifyFixtures {

    private final UserDetailsService users;
    private final SchoolChannels channels;
    private final JdbcClient jdbc;
    final CurrentUser admin;
    final CurrentUser jks;
    final CurrentUser teacher;
    final CurrentUser teacher2;
    final long schoolA;
    final long schoolB;

    NotifyFixtures(UserDetailsService users, SchoolChannels channels, JdbcClient jdbc) {
        this.users = users;
        this.channels = channels;
        this.jdbc = jdbc;
        admin = TestUsers.load(users, "admin");
        jks = TestUsers.load(users, "jks");
        teacher = TestUsers.load(users, "teacher");
        teacher2 = TestUsers.load(users, "teacher2");
        schoolA = institutionOf(jks);
        schoolB = institutionOf(teacher2);
    }

    private long institutionOf(CurrentUser user) {
        return jdbc.sql("select institution_id from person where id = ?").param(user.personId()).query(Long.class).single();
    }

    /** Nothing left in flight from earlier tests (they share the database), so each test sees only its own deliveries. */
    void settleOutbox() {
        jdbc.sql("update notify_delivery set state = 'FAILED', claim_token = null where state in ('QUEUED', 'SENDING')").update();
    }

    /** Replaces a school's channels (as admin); null switches a channel off. */
    void configure(long school, @Nullable String smtpHost, @Nullable Integer smtpPort, @Nullable String dingTalk,
                   @Nullable String dingTalkSecret, @Nullable String weCom) {
        Access.as(admin, () -> {
            ChannelSettings now = channels.get(school);
            channels.update(school, new ChannelSettingsUpdate(smtpHost, smtpPort, smtpHost == null ? null : "jky",
                    smtpHost == null ? null : "Mail-Pass-2100", smtpHost == null, smtpHost == null ? null : "jky@school.test",
                    false, dingTalk, dingTalk == null, dingTalkSecret, dingTalkSecret == null, weCom, weCom == null,
                    now.version()));
            return null;
        });
    }

    void robotsOnly(long school, @Nullable String dingTalk, @Nullable String secret, @Nullable String weCom) {
        configure(school, null, null, dingTalk, secret, weCom);
    }

    UserDetailsService users() {
        return users;
    }
}
