package org.jiaoyan.notify;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A school's channels as pages show them: the SMTP password and the DingTalk signing secret are never included, only
 * whether one is stored. A blank host / webhook means the channel is off.
 */
public record ChannelSettings(long institutionId, String institutionName,
                              @Nullable String smtpHost, @Nullable Integer smtpPort, @Nullable String smtpUsername,
                              boolean smtpPasswordSet, @Nullable String smtpFrom, boolean smtpTls,
                              @Nullable String dingtalkWebhook, boolean dingtalkSecretSet, @Nullable String wecomWebhook,
                              int version, @Nullable LocalDateTime updatedAt, @Nullable String updatedBy) {

    public boolean emailOn() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    public boolean dingTalkOn() {
        return dingtalkWebhook != null && !dingtalkWebhook.isBlank();
    }

    public boolean weComOn() {
        return wecomWebhook != null && !wecomWebhook.isBlank();
    }
}
