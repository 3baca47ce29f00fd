package org.jiaoyan.notify;

import org.jspecify.annotations.Nullable;

/**
 * New settings for a school. A blank newSmtpPassword / newDingtalkSecret keeps the stored one (pages never send it
 * back), clear… removes it; version is the one the form was opened with.
 */
public record ChannelSettingsUpdate(@Nullable String smtpHost, @Nullable Integer smtpPort, @Nullable String smtpUsername,
                                    @Nullable String newSmtpPassword, boolean clearSmtpPassword, @Nullable String smtpFrom,
                                    boolean smtpTls, @Nullable String dingtalkWebhook, @Nullable String newDingtalkSecret,
                                    boolean clearDingtalkSecret, @Nullable String wecomWebhook, int version) {
}
