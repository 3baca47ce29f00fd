package org.jiaoyan.notify;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One notice in a person's inbox; readAt is null while it is unread. */
public record Notice(long id, String kind, String title, @Nullable String body, @Nullable String link,
                     LocalDateTime createdAt, @Nullable LocalDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }

    /** The link when it stays on this site ("/plans/3"), else null: a notice never redirects to another host. */
    public @Nullable String localLink() {
        return isLocal(link) ? link : null;
    }

    /**
     * A path on this site: starts with one "/" and has no backslash, whitespace or control character (browsers read
     * "//host", "/\host" and "/\t/host" as another host).
     */
    public static boolean isLocal(@Nullable String link) {
        if (link == null || !link.startsWith("/") || link.startsWith("//")) {
            return false;
        }
        return link.chars().noneMatch(c -> c <= ' ' || c == '\\' || c == 0x7f);
    }
}
