package org.jiaoyan.notify;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jiaoyan.org.OrgDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages on every channel: a person always gets the in-app notice at once, plus an e-mail when their school has a
 * mail server and they asked for e-mail; a school's group robots (DingTalk, WeCom) get group messages. E-mails and
 * robot posts are queued here, one delivery row per channel, in the caller's transaction (a rolled-back caller queues
 * nothing), and sent by {@link OutboxSender} with retries. Runs without a user (jobs): no scope check here.
 */
@Service
@Transactional
public class Outbox {

    private static final Pattern MOBILE = Pattern.compile("^\\+?[0-9-]{3,20}$");

    private final JdbcClient jdbc;
    private final Notices notices;
    private final OrgDirectory org;
    private final SchoolChannels channels;
    private final NotifyPreferences preferences;

    Outbox(JdbcClient jdbc, Notices notices, OrgDirectory org, SchoolChannels channels, NotifyPreferences preferences) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.org = org;
        this.channels = channels;
        this.preferences = preferences;
    }

    /**
     * Queues a message to a person: always the in-app inbox (via Notices, immediately, same transaction), plus e-mail
     * when the school has SMTP configured and the person's preferences say so (held until their quiet hours end).
     * Idempotent by dedupeKey. Returns true if queued now.
     */
    public boolean toPerson(OutboundMessage m) {
        return toPerson(m, LocalDateTime.now());
    }

    /**
     * Queues a message to the school's group robots (DingTalk and/or WeCom webhooks configured for that school).
     * Idempotent by dedupeKey. Returns true if queued now; false for a key already queued, and for a school without
     * any robot (nothing is recorded then, so the same key goes out once a robot is configured).
     */
    public boolean toGroups(GroupMessage m) {
        return toGroups(m, LocalDateTime.now());
    }

    boolean toPerson(OutboundMessage m, LocalDateTime now) {
        requireText(m.kind(), "kind", 40);
        requireText(m.dedupeKey(), "dedupeKey", 200);
        requireText(m.title(), "title", Integer.MAX_VALUE);
        if (m.link() != null && m.link().length() > 500) {
            throw new IllegalArgumentException("message link longer than 500 characters");
        }
        long institution = org.institutionOfPerson(m.personId())
                .orElseThrow(() -> new IllegalArgumentException("no person " + m.personId()));
        Long id = insertMessage(m.dedupeKey(), m.kind(), institution, m.personId(), m.title(), m.body(),
                m.link() == null || m.link().isBlank() ? null : m.link().strip(), null, now);
        if (id == null) {
            return false;
        }
        notices.send(new NoticeRequest(m.personId(), m.kind(), m.title(), m.body(), m.link(), m.dedupeKey()));
        insertDelivery(id, Channel.INBOX, null, DeliveryState.SENT, 1, now, now, now);
        Preference p = preferences.of(m.personId());
        if (p.emailWanted() && channels.stored(institution).flatMap(SchoolChannels.Stored::smtp).isPresent()) {
            QuietHours quiet = p.quietHours();
            insertDelivery(id, Channel.EMAIL, p.email(), DeliveryState.QUEUED, 0, quiet == null ? now : quiet.nextAllowed(now), null, now);
        }
        return true;
    }

    boolean toGroups(GroupMessage m, LocalDateTime now) {
        requireText(m.kind(), "kind", 40);
        requireText(m.dedupeKey(), "dedupeKey", 200);
        requireText(m.title(), "title", Integer.MAX_VALUE);
        for (String mobile : m.atMobiles()) {
            if (!MOBILE.matcher(mobile).matches()) {
                throw new IllegalArgumentException("not a mobile number: " + mobile);
            }
        }
        String mobiles = m.atMobiles().isEmpty() ? null : String.join(",", m.atMobiles());
        if (mobiles != null && mobiles.length() > 1000) {
            throw new IllegalArgumentException("too many mobiles to mention");
        }
        SchoolChannels.Stored s = channels.stored(m.institutionId()).orElse(SchoolChannels.Stored.NONE);
        List<Channel> robots = new ArrayList<>();
        // a webhook the key cannot decrypt is still queued: the send log then says why it fails
        if (s.dingtalkWebhook() != null || s.unreadable().contains("dingtalkWebhook")) {
            robots.add(Channel.DINGTALK);
        }
        if (s.wecomWebhook() != null || s.unreadable().contains("wecomWebhook")) {
            robots.add(Channel.WECOM);
        }
        if (robots.isEmpty()) {
            return false;
        }
        Long id = insertMessage(m.dedupeKey(), m.kind(), m.institutionId(), null, m.title(), m.body(), null, mobiles, now);
        if (id == null) {
            return false;
        }
        for (Channel robot : robots) {
            insertDelivery(id, robot, null, DeliveryState.QUEUED, 0, now, null, now);
        }
        return true;
    }

    /** The new message's id, or null when the key exists ("on conflict do nothing" waits for a concurrent insert). */
    private @Nullable Long insertMessage(String key, String kind, long institution, @Nullable Long person, String title,
                                         @Nullable String body, @Nullable String link, @Nullable String atMobiles,
                                         LocalDateTime now) {
        int inserted = jdbc.sql("""
                insert into notify_message (dedupe_key, kind, institution_id, person_id, title, body, link, at_mobiles, created_at)
                values (:key, :kind, :institution, :person, :title, :body, :link, :mobiles, :now)
                on conflict do nothing""")
                .param("key", key).param("kind", kind).param("institution", institution)
                .param("person", person, java.sql.Types.BIGINT).param("title", shorten(title.strip(), 200))
                .param("body", body == null || body.isBlank() ? null : shorten(body.strip(), 4000))
                .param("link", link).param("mobiles", atMobiles).param("now", now)
                .update();
        if (inserted == 0) {
            return null;
        }
        return jdbc.sql("select id from notify_message where dedupe_key = ?").param(key).query(Long.class).single();
    }

    private void insertDelivery(long messageId, Channel channel, @Nullable String recipient, DeliveryState state,
                                int attempts, LocalDateTime nextAttempt, @Nullable LocalDateTime sentAt, LocalDateTime created) {
        jdbc.sql("""
                insert into notify_delivery (message_id, channel, recipient, state, attempts, next_attempt_at, sent_at,
                                             created_at, updated_at)
                values (:message, :channel, :recipient, :state, :attempts, :next, :sent, :now, :now)""")
                .param("message", messageId).param("channel", channel.name()).param("recipient", recipient)
                .param("state", state.name()).param("attempts", attempts).param("next", nextAttempt)
                .param("sent", sentAt, java.sql.Types.TIMESTAMP).param("now", created)
                .update();
    }

    private static void requireText(@Nullable String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("message " + name + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("message " + name + " longer than " + max + " characters");
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
