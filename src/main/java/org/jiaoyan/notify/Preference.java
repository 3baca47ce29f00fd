package org.jiaoyan.notify;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * A person's notice preferences: the inbox is always on; e-mail when enabled with an address; e-mail waits during the
 * quiet hours (both times set, or neither).
 */
public record Preference(@Nullable String email, boolean emailEnabled, @Nullable LocalTime quietStart,
                         @Nullable LocalTime quietEnd) {

    public static final Preference DEFAULT = new Preference(null, false, null, null);

    public boolean emailWanted() {
        return emailEnabled && email != null && !email.isBlank();
    }

    public @Nullable QuietHours quietHours() {
        return quietStart != null && quietEnd != null && !quietStart.equals(quietEnd) ? new QuietHours(quietStart, quietEnd) : null;
    }
}
