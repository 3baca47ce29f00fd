package org.jiaoyan.notify.web;

import java.time.LocalTime;
import org.jiaoyan.notify.Preference;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** 通知设置 form: e-mail address and wish, quiet hours (HH:mm as time inputs send them). */
public class PreferencesForm {

    private @Nullable String email;
    private boolean emailEnabled;
    @DateTimeFormat(pattern = "HH:mm")
    private @Nullable LocalTime quietStart;
    @DateTimeFormat(pattern = "HH:mm")
    private @Nullable LocalTime quietEnd;

    static PreferencesForm of(Preference p) {
        PreferencesForm f = new PreferencesForm();
        f.email = p.email();
        f.emailEnabled = p.emailEnabled();
        f.quietStart = p.quietStart();
        f.quietEnd = p.quietEnd();
        return f;
    }

    Preference toPreference() {
        return new Preference(email, emailEnabled, quietStart, quietEnd);
    }

    public @Nullable String getEmail() { return email; }
    public void setEmail(@Nullable String v) { email = v; }
    public boolean isEmailEnabled() { return emailEnabled; }
    public void setEmailEnabled(boolean v) { emailEnabled = v; }
    public @Nullable LocalTime getQuietStart() { return quietStart; }
    public void setQuietStart(@Nullable LocalTime v) { quietStart = v; }
    public @Nullable LocalTime getQuietEnd() { return quietEnd; }
    public void setQuietEnd(@Nullable LocalTime v) { quietEnd = v; }
}
