package org.jiaoyan.activity;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One person's share of a 集体备课: the part they drafted (if any) and how many of their steps are handed in. */
public record PrepPart(long activityId, String title, LocalDateTime startsAt, @Nullable String part, int stepsDone,
                       int steps) {
}
