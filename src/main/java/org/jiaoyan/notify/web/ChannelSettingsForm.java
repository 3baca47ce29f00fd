package org.jiaoyan.notify.web;

import org.jiaoyan.notify.ChannelSettings;
import org.jiaoyan.notify.ChannelSettingsUpdate;
import org.jspecify.annotations.Nullable;

/**
 * The school's channel settings form. The secrets (password, signing secret, both webhooks) are write-only: always empty
 * when the page shows, blank keeps the stored one, clear… removes it.
 */
public class ChannelSettingsForm {

    private @Nullable String smtpHost;
    private @Nullable Integer smtpPort;
    private @Nullable String smtpUsername;
    private @Nullable String newSmtpPassword;
    private boolean clearSmtpPassword;
    private @Nullable String smtpFrom;
    private boolean smtpTls = true;
    private @Nullable String newDingtalkWebhook;
    private boolean clearDingtalkWebhook;
    private @Nullable String newDingtalkSecret;
    private boolean clearDingtalkSecret;
    private @Nullable String newWecomWebhook;
    private boolean clearWecomWebhook;
    private int version;

    static ChannelSettingsForm of(ChannelSettings s) {
        ChannelSettingsForm f = new ChannelSettingsForm();
        f.smtpHost = s.smtpHost();
        f.smtpPort = s.smtpPort();
        f.smtpUsername = s.smtpUsername();
        f.smtpFrom = s.smtpFrom();
        f.smtpTls = s.smtpTls();
        f.version = s.version();
        return f;
    }

    ChannelSettingsUpdate toUpdate() {
        return new ChannelSettingsUpdate(smtpHost, smtpPort, smtpUsername, newSmtpPassword, clearSmtpPassword, smtpFrom,
                smtpTls, newDingtalkWebhook, clearDingtalkWebhook, newDingtalkSecret, clearDingtalkSecret, newWecomWebhook,
                clearWecomWebhook, version);
    }

    /** Before the form is shown again: what was typed stays, except the secrets. */
    void forgetSecrets() {
        newSmtpPassword = null;
        newDingtalkWebhook = null;
        newDingtalkSecret = null;
        newWecomWebhook = null;
    }

    public @Nullable String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(@Nullable String v) { smtpHost = v; }
    public @Nullable Integer getSmtpPort() { return smtpPort; }
    public void setSmtpPort(@Nullable Integer v) { smtpPort = v; }
    public @Nullable String getSmtpUsername() { return smtpUsername; }
    public void setSmtpUsername(@Nullable String v) { smtpUsername = v; }
    public @Nullable String getNewSmtpPassword() { return newSmtpPassword; }
    public void setNewSmtpPassword(@Nullable String v) { newSmtpPassword = v; }
    public boolean isClearSmtpPassword() { return clearSmtpPassword; }
    public void setClearSmtpPassword(boolean v) { clearSmtpPassword = v; }
    public @Nullable String getSmtpFrom() { return smtpFrom; }
    public void setSmtpFrom(@Nullable String v) { smtpFrom = v; }
    public boolean isSmtpTls() { return smtpTls; }
    public void setSmtpTls(boolean v) { smtpTls = v; }
    public @Nullable String getNewDingtalkWebhook() { return newDingtalkWebhook; }
    public void setNewDingtalkWebhook(@Nullable String v) { newDingtalkWebhook = v; }
    public boolean isClearDingtalkWebhook() { return clearDingtalkWebhook; }
    public void setClearDingtalkWebhook(boolean v) { clearDingtalkWebhook = v; }
    public @Nullable String getNewDingtalkSecret() { return newDingtalkSecret; }
    public void setNewDingtalkSecret(@Nullable String v) { newDingtalkSecret = v; }
    public boolean isClearDingtalkSecret() { return clearDingtalkSecret; }
    public void setClearDingtalkSecret(boolean v) { clearDingtalkSecret = v; }
    public @Nullable String getNewWecomWebhook() { return newWecomWebhook; }
    public void setNewWecomWebhook(@Nullable String v) { newWecomWebhook = v; }
    public boolean isClearWecomWebhook() { return clearWecomWebhook; }
    public void setClearWecomWebhook(boolean v) { clearWecomWebhook = v; }
    public int getVersion() { return version; }
    public void setVersion(int v) { version = v; }
}
