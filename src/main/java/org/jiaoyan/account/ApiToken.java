package org.jiaoyan.account;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A personal API token as its owner sees it; the secret itself is shown only once, at creation. */
public record ApiToken(long id, String name, String prefix, LocalDateTime createdAt, @Nullable LocalDateTime lastUsedAt,
                       @Nullable LocalDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
