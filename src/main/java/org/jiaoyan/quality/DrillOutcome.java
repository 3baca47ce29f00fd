package org.jiaoyan.quality;

import org.jspecify.annotations.Nullable;

/** What the form sends for one participant of a drill: passed or not, and a note (未过关原因 …). */
public record DrillOutcome(long personId, boolean passed, @Nullable String note) {
}
