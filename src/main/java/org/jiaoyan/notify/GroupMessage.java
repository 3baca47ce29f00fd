package org.jiaoyan.notify;

import java.util.List;

/**
 * A message to a school's group robots for {@link Outbox#toGroups}: body is Markdown as DingTalk and WeCom read it;
 * atMobiles are mobile numbers DingTalk mentions (@) in the group (WeCom ignores them).
 */
public record GroupMessage(long institutionId, String kind, String dedupeKey, String title, String body, List<String> atMobiles) {

    public GroupMessage {
        atMobiles = List.copyOf(atMobiles);
    }
}
