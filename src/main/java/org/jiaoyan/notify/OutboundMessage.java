package org.jiaoyan.notify;

import org.jspecify.annotations.Nullable;

/**
 * A message to one person for {@link Outbox#toPerson}: kind names the sender's purpose ("rules.digest"), dedupeKey is
 * unique across all outbox messages (include the person and the day), link is a local path ("/plans/3").
 */
public record OutboundMessage(long personId, String kind, String dedupeKey, String title, @Nullable String body,
                              @Nullable String link) {
}
