package org.jiaoyan.notify;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jiaoyan.notify.SchoolChannels.Stored;
import org.jiaoyan.security.Access;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the outbox: claims due deliveries, sends them, records each outcome, retries failures with growing
 * pauses (1, 5, 25, 125, 240 minutes; 6 attempts at most) and reclaims deliveries whose node stopped reporting.
 *
 * <p>How a message is neither lost nor doubled when a node dies: a claim (state SENDING, claimed_by, claimed_at and a
 * fresh claim_token) is committed before anything is sent, so a row is sent by one node at a time; the outcome is
 * recorded right after the remote call, and only if the row still carries this node's token. A node that dies after
 * claiming leaves a SENDING row; once its claim is older than the lease (5 minutes) the next run claims it again, so
 * nothing is lost. What this cannot prevent: a node that dies (or loses its database) after the mail server or robot
 * accepted the message and before the outcome was recorded leaves the row SENDING, and the retry sends it a second
 * time. SMTP and the robot webhooks take no idempotency key, so this window cannot be closed from our side; it is
 * kept as short as one database update, and the log shows such a retry as an INTERRUPTED attempt. A claim batch is
 * small (10) so that a slow batch finishes well inside the lease.
 */
@Component
class OutboxSender {

    static final int MAX_ATTEMPTS = 6;
    private static final int BATCH = 10;
    private static final int MAX_BATCHES = 30;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SchoolChannels channels;
    private final NotifyPreferences preferences;
    private final Mailer mailer;
    private final Webhooks webhooks;
    private final Reasons reasons;
    private final Duration lease;
    private final String node;
    private final String siteUrl;

    OutboxSender(JdbcClient jdbc, TransactionTemplate tx, SchoolChannels channels, NotifyPreferences preferences,
                 Mailer mailer, Webhooks webhooks, Reasons reasons,
                 @Value("${jiaoyan.notify.lease:PT5M}") Duration lease,
                 @Value("${jiaoyan.notify.node:}") String node,
                 @Value("${jiaoyan.notify.site-url:}") String siteUrl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.channels = channels;
        this.preferences = preferences;
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.reasons = reasons;
        this.lease = lease;
        this.node = node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node; // pid@host
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** Every 20 seconds by default, on one node at a time (ShedLock); "-" switches it off. */
    @Scheduled(cron = "${jiaoyan.notify.sender-cron:*/20 * * * * *}")
    @SchedulerLock(name = "notify-outbox", lockAtMostFor = "PT10M")
    public void scheduled() {
        int sent = Access.asSystem(() -> sendDue(node, LocalDateTime::now));
        if (sent > 0) {
            log.info("Outbox: {} deliveries sent", sent);
        }
    }

    /** Sends what is due at the given time (tests drive the clock); returns how many deliveries were sent. */
    int sendDue(String node, LocalDateTime now) {
        return sendDue(node, () -> now);
    }

    private int sendDue(String node, Supplier<LocalDateTime> clock) {
        int sent = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Claimed> claimed = claim(node, clock.get(), BATCH);
            if (claimed.isEmpty()) {
                break;
            }
            for (Claimed c : claimed) {
                try {
                    sent += deliver(c, node, clock) ? 1 : 0;
                } catch (RuntimeException e) {
                    // a bug or the database: leave the claim to expire and be retried, go on with the others
                    log.error("Outbox: delivery {} could not be completed", c.id(), e);
                }
            }
        }
        return sent;
    }

    /**
     * Claims up to {@code size} due deliveries for this node in one transaction: queued ones whose time has come, and
     * SENDING ones whose claim is older than the lease (their previous attempt is logged as interrupted; one that had
     * used its last attempt fails). Rows locked by another node's claim are skipped, not waited for.
     */
    List<Claimed> claim(String node, LocalDateTime now, int size) {
        List<Claimed> claimed = tx.execute(status -> {
            record Due(long id, String state, @Nullable String claimedBy, int attempts) {
            }
            List<Due> due = jdbc.sql("""
                    select id, state, claimed_by, attempts from notify_delivery
                     where (state = 'QUEUED' and next_attempt_at <= :now) or (state = 'SENDING' and claimed_at < :expired)
                     order by next_attempt_at, id
                     limit :size
                     for update skip locked""")
                    .param("now", now).param("expired", now.minus(lease)).param("size", size)
                    .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
            List<Long> ids = new java.util.ArrayList<>();
            for (Due d : due) {
                if (d.state().equals(DeliveryState.SENDING.name())) {
                    String reason = reasons.text("notify.error.leaseExpired", String.valueOf(d.claimedBy()), lease.toMinutes());
                    attempt(d.id(), d.attempts(), now, d.claimedBy(), "INTERRUPTED", reason);
                    if (d.attempts() >= MAX_ATTEMPTS) {
                        jdbc.sql("""
                                update notify_delivery set state = 'FAILED', last_error = :error, claim_token = null,
                                       updated_at = :now where id = :id""")
                                .param("error", reason).param("now", now).param("id", d.id()).update();
                        continue;
                    }
                }
                ids.add(d.id());
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            String token = UUID.randomUUID().toString();
            jdbc.sql("""
                    update notify_delivery set state = 'SENDING', claimed_by = :node, claimed_at = :now, claim_token = :token,
                           attempts = attempts + 1, updated_at = :now
                     where id in (:ids)""")
                    .param("node", node).param("now", now).param("token", token).param("ids", ids).update();
            return jdbc.sql("""
                    select d.id, d.channel, d.recipient, d.attempts, d.claim_token, m.institution_id, m.person_id,
                           m.title, m.body, m.link, m.at_mobiles
                      from notify_delivery d join notify_message m on m.id = d.message_id
                     where d.claim_token = :token
                     order by d.id""")
                    .param("token", token)
                    .query((rs, i) -> new Claimed(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getLong(6), rs.getObject(7, Long.class), rs.getString(8),
                            rs.getString(9), rs.getString(10), mobiles(rs.getString(11))))
                    .list();
        });
        return claimed == null ? List.of() : claimed;
    }

    /** Sends one claimed delivery and records the outcome; false when it was not sent (failed, or held). */
    private boolean deliver(Claimed c, String node, Supplier<LocalDateTime> clock) {
        Stored school = channels.stored(c.institutionId()).orElse(Stored.NONE);
        // a secret the key cannot decrypt is retried as usual: restoring the key or entering it again lets it through
        @Nullable SendResult result = school.readable(c.channel()) ? send(c, school, clock)
                : SendResult.failed(channels.unreadableReason(c.channel()));
        if (result == null) {
            return false;
        }
        // recorded at once: the shorter this gap, the smaller the chance of a duplicate after a crash (see above)
        record(c, node, result, clock.get());
        return result.ok();
    }

    /** One try on the delivery's channel; null when an e-mail was held for quiet hours. */
    private @Nullable SendResult send(Claimed c, Stored school, Supplier<LocalDateTime> clock) {
        return switch (c.channel()) {
            case EMAIL -> {
                Optional<SmtpServer> smtp = school.smtp();
                Preference p = c.personId() == null ? Preference.DEFAULT : preferences.of(c.personId());
                if (smtp.isEmpty()) {
                    yield SendResult.failedForGood(reasons.text("notify.error.emailOff"));
                }
                if (!p.emailWanted() || c.recipient() == null) {
                    yield SendResult.failedForGood(reasons.text("notify.error.emailUnwanted"));
                }
                QuietHours quiet = p.quietHours();
                LocalDateTime now = clock.get();
                if (quiet != null && quiet.contains(now.toLocalTime())) {
                    hold(c, quiet.nextAllowed(now), now);
                    yield null;
                }
                yield mailer.send(smtp.get(), c.recipient(), c.title(), mailText(c));
            }
            case DINGTALK -> school.dingtalkWebhook() == null
                    ? SendResult.failedForGood(reasons.text("notify.error.robotOff", reasons.text("notify.channel.DINGTALK")))
                    : webhooks.dingTalk(school.dingtalkWebhook(), school.dingtalkSecret(), c.title(), dingTalkText(c), c.atMobiles());
            case WECOM -> school.wecomWebhook() == null
                    ? SendResult.failedForGood(reasons.text("notify.error.robotOff", reasons.text("notify.channel.WECOM")))
                    : webhooks.weCom(school.wecomWebhook(), "**" + c.title() + "**" + (c.body() == null ? "" : "\n" + c.body()));
            case INBOX -> SendResult.failedForGood("INBOX deliveries are never queued");
        };
    }

    private void record(Claimed c, String node, SendResult result, LocalDateTime at) {
        String state = result.ok() ? "SENT"
                : result.isFinal() || c.attempts() >= MAX_ATTEMPTS ? "FAILED" : "QUEUED";
        LocalDateTime next = state.equals("QUEUED") ? at.plus(backoff(c.attempts())) : at;
        tx.executeWithoutResult(status -> {
            // a sent delivery keeps the reason of its last failure (the log shows what it took)
            JdbcClient.StatementSpec update = jdbc.sql("update notify_delivery set state = :state, next_attempt_at = :next, "
                            + "sent_at = :sent, " + (result.ok() ? "" : "last_error = :error, ")
                            + "claim_token = null, updated_at = :at where id = :id and claim_token = :token and state = 'SENDING'")
                    .param("state", state).param("next", next).param("sent", result.ok() ? at : null, java.sql.Types.TIMESTAMP)
                    .param("at", at).param("id", c.id()).param("token", c.token());
            if (!result.ok()) {
                update.param("error", shorten(String.valueOf(result.error()), 1000));
            }
            int n = update.update();
            attempt(c.id(), c.attempts(), at, node, result.ok() ? "SENT" : "FAILED", result.error());
            if (n == 0) {
                log.warn("Outbox: delivery {} was claimed again by another node before this one reported ({}); "
                        + "the outcome is kept in the attempt log only", c.id(), state);
            }
        });
    }

    /** E-mail in quiet hours: back to the queue until they end; the claim does not count as an attempt. */
    private void hold(Claimed c, LocalDateTime until, LocalDateTime now) {
        jdbc.sql("""
                update notify_delivery set state = 'QUEUED', next_attempt_at = :until, attempts = attempts - 1,
                       claim_token = null, updated_at = :now
                 where id = :id and claim_token = :token and state = 'SENDING'""")
                .param("until", until).param("now", now).param("id", c.id()).param("token", c.token()).update();
    }

    private void attempt(long deliveryId, int attempt, LocalDateTime at, @Nullable String node, String outcome,
                         @Nullable String error) {
        jdbc.sql("""
                insert into notify_attempt (delivery_id, attempt, at, node, outcome, error)
                values (:delivery, :attempt, :at, :node, :outcome, :error)""")
                .param("delivery", deliveryId).param("attempt", attempt).param("at", at).param("node", node)
                .param("outcome", outcome).param("error", error == null ? null : shorten(error, 1000), java.sql.Types.VARCHAR)
                .update();
    }

    /** The pause after a failed attempt n (1-based): 1, 5, 25, 125 minutes, then 240. */
    static Duration backoff(int attempts) {
        long minutes = 1;
        for (int i = 1; i < attempts && minutes < 240; i++) {
            minutes *= 5;
        }
        return Duration.ofMinutes(Math.min(minutes, 240));
    }

    private String mailText(Claimed c) {
        StringBuilder text = new StringBuilder();
        text.append(c.body() == null ? c.title() : c.body()).append("\n");
        if (c.link() != null && Notice.isLocal(c.link()) && !siteUrl.isBlank()) {
            text.append("\n").append(reasons.text("notify.mail.link", siteUrl + c.link())).append("\n");
        }
        text.append("\n-- \n").append(reasons.text("notify.mail.footer", reasons.text("app.name"))).append("\n");
        return text.toString();
    }

    private static String dingTalkText(Claimed c) {
        StringBuilder text = new StringBuilder("#### ").append(c.title()).append("\n\n");
        if (c.body() != null) {
            text.append(c.body());
        }
        if (!c.atMobiles().isEmpty()) {
            // DingTalk highlights a mention only when the text contains "@mobile"
            text.append("\n\n");
            c.atMobiles().forEach(m -> text.append('@').append(m).append(' '));
        }
        return text.toString().strip();
    }

    private static List<String> mobiles(@Nullable String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A delivery this node claimed, with what it needs to send it. */
    record Claimed(long id, Channel channel, @Nullable String recipient, int attempts, String token, long institutionId,
                   @Nullable Long personId, String title, @Nullable String body, @Nullable String link,
                   List<String> atMobiles) {
    }
}
