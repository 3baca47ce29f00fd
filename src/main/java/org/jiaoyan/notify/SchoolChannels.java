package org.jiaoyan.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.SecretCipher;
import org.jiaoyan.shared.SecretCipher.UnreadableSecretException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each school's notification channels (SMTP server, DingTalk and WeCom group robots): read and changed by
 * administrators and by the school's 教科室主任 (a department head managing that school) only; anyone else gets a
 * not-found for a school, a forbidden for the pages. Secrets (SMTP password, DingTalk signing secret, both robot
 * webhooks) are stored encrypted ({@link SecretCipher}) for sending and never returned; a plain value from before
 * encryption is read as it is and encrypted at the next start ({@link #encryptPlainSecrets}) or save.
 */
@Service
@Transactional
public class SchoolChannels {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9._:\\[\\]-]+$");
    private static final Logger log = LoggerFactory.getLogger(SchoolChannels.class);
    /** The columns holding secrets (a fixed list, never user input). */
    private static final List<String> SECRET_COLUMNS = List.of("smtp_password", "dingtalk_webhook", "dingtalk_secret", "wecom_webhook");

    private final JdbcClient jdbc;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Webhooks webhooks;
    private final Reasons reasons;
    private final SecretCipher cipher;

    SchoolChannels(JdbcClient jdbc, OrgUnits orgUnits, AuditLog audit, Mailer mailer, Webhooks webhooks, Reasons reasons,
                   SecretCipher cipher) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.reasons = reasons;
        this.cipher = cipher;
    }

    /** Schools whose channels the current user may configure (none for most users). */
    @Transactional(readOnly = true)
    public List<OrgUnit> schools() {
        CurrentUser user = Access.user();
        if (user.isAdmin()) {
            return orgUnits.institutions();
        }
        return user.has(Role.DEPT_HEAD) ? orgUnits.managedInstitutions() : List.of();
    }

    /** Whether the current user configures any school (shows the menu entries and opens the pages). */
    @Transactional(readOnly = true)
    public boolean configuresAny() {
        CurrentUser user = Access.user();
        return user.isAdmin() || (user.has(Role.DEPT_HEAD) && user.scope().managesAny());
    }

    /** The settings of every school the user configures, in one query (the overview for administrators). */
    @Transactional(readOnly = true)
    public List<ChannelSettings> overview() {
        if (!configuresAny()) {
            throw new ForbiddenException();
        }
        List<OrgUnit> schools = schools();
        if (schools.isEmpty()) {
            return List.of();
        }
        Map<Long, ChannelSettings> stored = new java.util.HashMap<>();
        jdbc.sql("select * from notify_channel_settings where institution_id in (:ids)")
                .param("ids", schools.stream().map(OrgUnit::id).toList())
                .query((rs, i) -> settings(rs, "")).list()
                .forEach(c -> stored.put(c.institutionId(), c));
        return schools.stream().map(u -> {
            ChannelSettings c = stored.get(u.id());
            return c == null ? empty(u) : new ChannelSettings(u.id(), u.displayName(), c.smtpHost(), c.smtpPort(),
                    c.smtpUsername(), c.smtpPasswordSet(), c.smtpFrom(), c.smtpTls(), c.dingtalkWebhookMasked(),
                    c.dingtalkSecretSet(), c.wecomWebhookMasked(), c.secretsUnreadable(), c.version(), c.updatedAt(),
                    c.updatedBy());
        }).toList();
    }

    private static ChannelSettings empty(OrgUnit school) {
        return new ChannelSettings(school.id(), school.displayName(), null, null, null, false, null, true, null, false,
                null, false, 0, null, null);
    }

    @Transactional(readOnly = true)
    public ChannelSettings get(long institutionId) {
        OrgUnit school = requireConfigurable(institutionId);
        return jdbc.sql("select * from notify_channel_settings where institution_id = ?").param(institutionId)
                .query((rs, i) -> settings(rs, school.displayName())).optional()
                .orElseGet(() -> empty(school));
    }

    public void update(long institutionId, ChannelSettingsUpdate u) {
        OrgUnit school = requireConfigurable(institutionId);
        validate(u);
        Optional<Stored> before = asStored(institutionId);
        Stored old = before.orElse(Stored.NONE);
        // what was typed (the password as typed, the others stripped); null: nothing typed
        String password = u.newSmtpPassword() == null || u.newSmtpPassword().isBlank() ? null : u.newSmtpPassword();
        String dingtalkWebhook = blankToNull(u.newDingtalkWebhook());
        String dingtalkSecret = blankToNull(u.newDingtalkSecret());
        String wecomWebhook = blankToNull(u.newWecomWebhook());
        Stored after = new Stored(blankToNull(u.smtpHost()), u.smtpPort(), blankToNull(u.smtpUsername()),
                next(u.clearSmtpPassword(), password, old.smtpPassword()), blankToNull(u.smtpFrom()), u.smtpTls(),
                next(u.clearDingtalkWebhook(), dingtalkWebhook, old.dingtalkWebhook()),
                next(u.clearDingtalkSecret(), dingtalkSecret, old.dingtalkSecret()),
                next(u.clearWecomWebhook(), wecomWebhook, old.wecomWebhook()), List.of());
        int n;
        if (before.isEmpty()) {
            if (u.version() != 0) {
                throw new StaleEditException();
            }
            n = bind(jdbc.sql("""
                    insert into notify_channel_settings (institution_id, smtp_host, smtp_port, smtp_username, smtp_password,
                           smtp_from, smtp_tls, dingtalk_webhook, dingtalk_secret, wecom_webhook, version, updated_at, updated_by)
                    values (:id, :host, :port, :user, :password, :from, :tls, :ding, :secret, :wecom, 1, :now, :by)
                    on conflict do nothing"""), institutionId, after).update();
        } else {
            n = bind(jdbc.sql("""
                    update notify_channel_settings set smtp_host = :host, smtp_port = :port, smtp_username = :user,
                           smtp_password = :password, smtp_from = :from, smtp_tls = :tls, dingtalk_webhook = :ding,
                           dingtalk_secret = :secret, wecom_webhook = :wecom, version = version + 1, updated_at = :now,
                           updated_by = :by
                     where institution_id = :id and version = :version"""), institutionId, after)
                    .param("version", u.version()).update();
        }
        if (n == 0) {
            throw new StaleEditException();
        }
        List<String> changes = new ArrayList<>();
        String diff = AuditLog.diff(old.visible(), after.visible());
        if (diff != null) {
            changes.add(diff);
        }
        // secrets: only that they changed (webhooks masked), never their value
        secretChange(changes, "smtpPassword", u.clearSmtpPassword(), password, old.smtpPassword(), v -> "******");
        secretChange(changes, "dingtalkWebhook", u.clearDingtalkWebhook(), dingtalkWebhook, old.dingtalkWebhook(),
                WebhookAddress::masked);
        secretChange(changes, "dingtalkSecret", u.clearDingtalkSecret(), dingtalkSecret, old.dingtalkSecret(), v -> "******");
        secretChange(changes, "wecomWebhook", u.clearWecomWebhook(), wecomWebhook, old.wecomWebhook(), WebhookAddress::masked);
        audit.success("UPDATE", "notify_channels", institutionId, school.displayName(),
                changes.isEmpty() ? null : String.join("; ", changes));
    }

    /**
     * Sends a test message on one channel with the stored settings, right now (not through the outbox); a failure is a
     * ValidationException carrying the reason (notify.test.failed). to: the address for an e-mail test.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void sendTest(long institutionId, Channel channel, @Nullable String to) {
        OrgUnit school = requireConfigurable(institutionId);
        Stored s = stored(institutionId).orElse(Stored.NONE);
        if (!s.readable(channel)) {
            throw new ValidationException(null, "notify.test.failed", unreadableReason(channel));
        }
        String title = reasons.text("notify.test.title");
        String text = reasons.text("notify.test.body", school.displayName(), Access.user().displayName());
        SendResult result = switch (channel) {
            case EMAIL -> {
                String address = blankToNull(to) == null ? null : to.strip();
                if (address == null || address.length() > 200 || !EMAIL.matcher(address).matches()) {
                    throw new ValidationException("testTo", "notify.error.email");
                }
                SmtpServer server = s.smtp().orElseThrow(() -> new ValidationException(null, "notify.test.notConfigured"));
                yield mailer.send(server, address, title, text);
            }
            case DINGTALK -> {
                if (s.dingtalkWebhook() == null) {
                    throw new ValidationException(null, "notify.test.notConfigured");
                }
                yield webhooks.dingTalk(s.dingtalkWebhook(), s.dingtalkSecret(), title, "#### " + title + "\n\n" + text, List.of());
            }
            case WECOM -> {
                if (s.wecomWebhook() == null) {
                    throw new ValidationException(null, "notify.test.notConfigured");
                }
                yield webhooks.weCom(s.wecomWebhook(), "**" + title + "**\n" + text);
            }
            case INBOX -> throw new NotFoundException();
        };
        if (!result.ok()) {
            throw new ValidationException(null, "notify.test.failed", String.valueOf(result.error()));
        }
    }

    /**
     * The stored settings with the secrets decrypted, for sending; no user check (the sender runs as a job). A secret
     * that cannot be decrypted is null and named in {@link Stored#unreadable()} (with a warning in the log).
     */
    @Transactional(readOnly = true)
    Optional<Stored> stored(long institutionId) {
        return asStored(institutionId).map(s -> {
            List<String> unreadable = new ArrayList<>();
            return new Stored(s.smtpHost(), s.smtpPort(), s.smtpUsername(),
                    decrypt(institutionId, "smtpPassword", s.smtpPassword(), unreadable), s.smtpFrom(), s.smtpTls(),
                    decrypt(institutionId, "dingtalkWebhook", s.dingtalkWebhook(), unreadable),
                    decrypt(institutionId, "dingtalkSecret", s.dingtalkSecret(), unreadable),
                    decrypt(institutionId, "wecomWebhook", s.wecomWebhook(), unreadable), List.copyOf(unreadable));
        });
    }

    /** The failure reason for a channel whose stored secret cannot be decrypted (send log, test message). */
    String unreadableReason(Channel channel) {
        return reasons.text("notify.error.secretUnreadable", reasons.text(channel.messageKey()));
    }

    /** The row with the secrets as stored (encrypted, or plain from before encryption). */
    private Optional<Stored> asStored(long institutionId) {
        return jdbc.sql("select * from notify_channel_settings where institution_id = ?").param(institutionId)
                .query((rs, i) -> new Stored(rs.getString("smtp_host"), (Integer) rs.getObject("smtp_port", Integer.class),
                        rs.getString("smtp_username"), rs.getString("smtp_password"), rs.getString("smtp_from"),
                        rs.getBoolean("smtp_tls"), rs.getString("dingtalk_webhook"), rs.getString("dingtalk_secret"),
                        rs.getString("wecom_webhook"), List.of()))
                .optional();
    }

    private @Nullable String decrypt(long institutionId, String field, @Nullable String stored, List<String> unreadable) {
        try {
            return cipher.decrypt(stored);
        } catch (UnreadableSecretException e) {
            log.warn("Notify channels of school {}: {} cannot be decrypted: {}", institutionId, field, e.getMessage());
            unreadable.add(field);
            return null;
        }
    }

    /** The plain value of a stored secret, or null when there is none or it cannot be decrypted. */
    private @Nullable String readable(@Nullable String stored) {
        try {
            return cipher.decrypt(stored);
        } catch (UnreadableSecretException e) {
            return null;
        }
    }

    /** A secret's new stored form: cleared, the typed one encrypted, or the stored one kept (a plain one encrypted now). */
    private @Nullable String next(boolean clear, @Nullable String typed, @Nullable String stored) {
        if (clear) {
            return null;
        }
        if (typed != null) {
            return cipher.encrypt(typed);
        }
        return stored == null || SecretCipher.isEncrypted(stored) ? stored : cipher.encrypt(stored);
    }

    private void secretChange(List<String> changes, String field, boolean clear, @Nullable String typed,
                              @Nullable String stored, java.util.function.Function<String, @Nullable String> shown) {
        if (clear) {
            if (stored != null) {
                changes.add(AuditLog.fact(field, null));
            }
        } else if (typed != null && !typed.equals(readable(stored))) {
            changes.add(AuditLog.fact(field, shown.apply(typed)));
        }
    }

    /**
     * Encrypts every secret still stored in plain text (from before encryption); run at each start. Each value is
     * replaced only if it is still the plain one read (two nodes starting together do not clash); version and
     * updated_at stay, as the settings did not change. Also counts the stored secrets the current key cannot decrypt.
     */
    @Transactional
    SecretsAtStart encryptPlainSecrets() {
        int encrypted = 0;
        int unreadable = 0;
        List<Map<String, Object>> rows = jdbc.sql("select institution_id, " + String.join(", ", SECRET_COLUMNS)
                + " from notify_channel_settings order by institution_id").query().listOfRows();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("institution_id")).longValue();
            for (String column : SECRET_COLUMNS) {
                String value = (String) row.get(column);
                if (value == null) {
                    continue;
                }
                if (SecretCipher.isEncrypted(value)) {
                    if (readable(value) == null) {
                        unreadable++;
                    }
                    continue;
                }
                encrypted += jdbc.sql("update notify_channel_settings set " + column + " = :encrypted"
                                + " where institution_id = :id and " + column + " = :plain")
                        .param("encrypted", cipher.encrypt(value)).param("id", id).param("plain", value).update();
            }
        }
        return new SecretsAtStart(encrypted, unreadable);
    }

    /** What {@link #encryptPlainSecrets} found: plain values it encrypted, encrypted values the key cannot read. */
    record SecretsAtStart(int encrypted, int unreadable) {
    }

    /** The school of the id when the user may configure it; else not found (another school's settings stay hidden). */
    private OrgUnit requireConfigurable(long institutionId) {
        CurrentUser user = Access.user();
        if (!configuresAny()) {
            throw new ForbiddenException();
        }
        if (!user.isAdmin() && !user.scope().canManageInstitution(institutionId)) {
            throw new NotFoundException();
        }
        OrgUnit unit = orgUnits.get(institutionId);
        if (unit.type() != UnitType.INSTITUTION || unit.deleted()) {
            throw new NotFoundException();
        }
        return unit;
    }

    private static void validate(ChannelSettingsUpdate u) {
        List<FieldProblem> problems = new ArrayList<>();
        String host = blankToNull(u.smtpHost());
        if (host != null && (host.length() > 200 || !HOST.matcher(host).matches())) {
            problems.add(new FieldProblem("smtpHost", "notify.error.host"));
        }
        if (u.smtpPort() != null && (u.smtpPort() < 1 || u.smtpPort() > 65535)) {
            problems.add(new FieldProblem("smtpPort", "notify.error.port"));
        } else if (host != null && u.smtpPort() == null) {
            problems.add(new FieldProblem("smtpPort", "notify.error.portRequired"));
        }
        String from = blankToNull(u.smtpFrom());
        if (from != null && (from.length() > 200 || !EMAIL.matcher(from).matches())) {
            problems.add(new FieldProblem("smtpFrom", "notify.error.email"));
        } else if (host != null && from == null) {
            problems.add(new FieldProblem("smtpFrom", "notify.error.fromRequired"));
        }
        if (u.smtpUsername() != null && u.smtpUsername().strip().length() > 200) {
            problems.add(new FieldProblem("smtpUsername", "notify.error.tooLong", 200));
        }
        if (u.newSmtpPassword() != null && u.newSmtpPassword().length() > 500) {
            problems.add(new FieldProblem("newSmtpPassword", "notify.error.tooLong", 500));
        }
        if (!isWebUrl(u.newDingtalkWebhook())) {
            problems.add(new FieldProblem("newDingtalkWebhook", "notify.error.webhookUrl"));
        }
        if (u.newDingtalkSecret() != null && u.newDingtalkSecret().strip().length() > 200) {
            problems.add(new FieldProblem("newDingtalkSecret", "notify.error.tooLong", 200));
        }
        if (!isWebUrl(u.newWecomWebhook())) {
            problems.add(new FieldProblem("newWecomWebhook", "notify.error.webhookUrl"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Blank, or an absolute http(s) URL with a host, at most 500 characters. */
    static boolean isWebUrl(@Nullable String url) {
        String u = blankToNull(url);
        if (u == null) {
            return true;
        }
        if (u.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long institutionId, Stored s) {
        return spec.param("id", institutionId).param("host", s.smtpHost()).param("port", s.smtpPort(), java.sql.Types.INTEGER)
                .param("user", s.smtpUsername()).param("password", s.smtpPassword()).param("from", s.smtpFrom())
                .param("tls", s.smtpTls()).param("ding", s.dingtalkWebhook()).param("secret", s.dingtalkSecret())
                .param("wecom", s.wecomWebhook()).param("now", LocalDateTime.now()).param("by", Access.actor());
    }

    private ChannelSettings settings(ResultSet rs, String name) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        boolean unreadable = false;
        for (String column : SECRET_COLUMNS) {
            String value = rs.getString(column);
            unreadable |= value != null && readable(value) == null;
        }
        return new ChannelSettings(rs.getLong("institution_id"), name, rs.getString("smtp_host"),
                rs.getObject("smtp_port", Integer.class), rs.getString("smtp_username"),
                rs.getString("smtp_password") != null, rs.getString("smtp_from"), rs.getBoolean("smtp_tls"),
                maskedWebhook(rs.getString("dingtalk_webhook")), rs.getString("dingtalk_secret") != null,
                maskedWebhook(rs.getString("wecom_webhook")), unreadable,
                rs.getInt("version"), updated == null ? null : updated.toLocalDateTime(), rs.getString("updated_by"));
    }

    /** A stored webhook as a page may show it; one that cannot be decrypted is only ****. */
    private @Nullable String maskedWebhook(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        String plain = readable(stored);
        return plain == null ? "****" : WebhookAddress.masked(plain);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The stored row, secrets included; package-private, for sending only. unreadable: the secrets (field names) that
     * could not be decrypted; they are null here.
     */
    record Stored(@Nullable String smtpHost, @Nullable Integer smtpPort, @Nullable String smtpUsername,
                  @Nullable String smtpPassword, @Nullable String smtpFrom, boolean smtpTls,
                  @Nullable String dingtalkWebhook, @Nullable String dingtalkSecret, @Nullable String wecomWebhook,
                  List<String> unreadable) {

        static final Stored NONE = new Stored(null, null, null, null, null, true, null, null, null, List.of());

        /** Whether every secret the channel needs could be decrypted. */
        boolean readable(Channel channel) {
            return switch (channel) {
                case EMAIL -> !unreadable.contains("smtpPassword");
                case DINGTALK -> !unreadable.contains("dingtalkWebhook") && !unreadable.contains("dingtalkSecret");
                case WECOM -> !unreadable.contains("wecomWebhook");
                case INBOX -> true;
            };
        }

        /** The mail server when e-mail is on (host, port and sender address set). */
        Optional<SmtpServer> smtp() {
            if (smtpHost == null || smtpPort == null || smtpFrom == null) {
                return Optional.empty();
            }
            return Optional.of(new SmtpServer(smtpHost, smtpPort, smtpUsername, smtpPassword, smtpFrom, smtpTls));
        }

        /** The fields an audit entry may show. */
        Map<String, Object> visible() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("smtpHost", smtpHost);
            m.put("smtpPort", smtpPort);
            m.put("smtpUsername", smtpUsername);
            m.put("smtpFrom", smtpFrom);
            m.put("smtpTls", smtpTls);
            return m;
        }

        @Override
        public String toString() {
            return "Stored" + visible(); // never the secrets
        }
    }
}
