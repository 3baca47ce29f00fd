package org.jiaoyan.notify;

import org.jspecify.annotations.Nullable;

/**
 * A notice to send to one person. The kind names the sender's purpose ("plan.reminder"; a message key
 * notice.kind.&lt;kind&gt; in the sender's bundle labels it in the inbox); link is a local path ("/plans/3") opened
 * when the notice is clicked (any other link is never followed); dedupeKey is unique across all notices, so include
 * the person ("plan.reminder:item:42:person:7:2026-09-01"): sending the same key again does nothing.
 */
public record NoticeRequest(long personId, String kind, String title, @Nullable String body, @Nullable String link,
                            String dedupeKey) {
}
