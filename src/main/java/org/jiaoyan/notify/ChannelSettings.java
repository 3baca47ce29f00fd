package org.jiaoyan.notify;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A school's channels as pages show them. Secrets are never included: the SMTP password and the DingTalk signing secret
 * only as whether one is stored, the robot webhooks (their URL carries the robot's token) only masked, e.g.
 * https://oapi.dingtalk.com/robot/send?access_token=****3f9a. A blank host / webhook means the channel is off.
 * secretsUnreadable: a stored secret cannot be decrypted with the current key and must be entered again.
 */
public record ChannelSettings(long institutionId, String institutionName,
                              @Nullable String smtpHost, @Nullable Integer smtpPort, @Nullable String smtpUsername,
                              boolean smtpPasswordSet, @Nullable String smtpFrom, boolean smtpTls,
                              @Nullable String dingtalkWebhookMasked, boolean dingtalkSecretSet,
                              @Nullable String wecomWebhookMasked, boolean secretsUnreadable,
                              int version, @Nullable LocalDateTime updatedAt, @Nullable String updatedBy) {

    public boolean emailOn() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    public boolean dingTalkOn() {
        return dingtalkWebhookMasked != null;
    }

    public boolean weComOn() {
        return wecomWebhookMasked != null;
    }
}
