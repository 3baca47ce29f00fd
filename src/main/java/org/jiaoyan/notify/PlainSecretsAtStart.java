package org.jiaoyan.notify;

import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.notify.SchoolChannels.SecretsAtStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At each start: encrypts the channel secrets still stored in plain text (saved before encryption came), masks the
 * webhooks that audit entries of that time recorded in full, and says in the log when stored secrets cannot be
 * decrypted with the current key (the key file was lost or replaced).
 */
@Component
class PlainSecretsAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlainSecretsAtStart.class);

    private final SchoolChannels channels;
    private final AuditLog audit;

    PlainSecretsAtStart(SchoolChannels channels, AuditLog audit) {
        this.channels = channels;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecretsAtStart found = channels.encryptPlainSecrets();
        if (found.encrypted() > 0) {
            log.info("Notify channels: encrypted {} secret(s) that were stored in plain text", found.encrypted());
        }
        int redacted = audit.redactChanges("notify_channels", WebhookAddress::maskAll);
        if (redacted > 0) {
            log.info("Notify channels: masked the webhook addresses in {} audit entries", redacted);
        }
        if (found.unreadable() > 0) {
            log.error("Notify channels: {} stored secret(s) cannot be decrypted with the current secret key (another "
                    + "key file or JIAOYAN_SECRET_KEY than the one they were saved with). Restore that key, or have the "
                    + "schools enter them again under 通知渠道; until then those channels fail.", found.unreadable());
        }
    }
}
