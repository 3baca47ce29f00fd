package org.jiaoyan.account;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One line of the login log. */
public record LoginLogEntry(long id, LocalDateTime at, String username, LoginOutcome outcome, @Nullable String ip,
                            @Nullable String userAgent) {
}
