package org.jiaoyan.notify;

import org.jspecify.annotations.Nullable;

/**
 * New settings for a school. The secrets are write-only, pages never send them back: a blank new… keeps the stored
 * one, clear… removes it (clearing a webhook switches its robot off). version is the one the form was opened with.
 */
public record ChannelSettingsUpdate(@Nullable String smtpHost, @Nullable Integer smtpPort, @Nullable String smtpUsername,
                                    @Nullable String newSmtpPassword, boolean clearSmtpPassword, @Nullable String smtpFrom,
                                    boolean smtpTls, @Nullable String newDingtalkWebhook, boolean clearDingtalkWebhook,
                                    @Nullable String newDingtalkSecret, boolean clearDingtalkSecret,
                                    @Nullable String newWecomWebhook, boolean clearWecomWebhook, int version) {
}
