package org.jiaoyan.plan;

import org.jspecify.annotations.Nullable;

/**
 * A schedule item as entered: the time as text (9—12月, 第3周, 9.1—9.5, 每周) or already read, and owners and
 * participants as text (王丽、教科室、各教研组长、全体) resolved against the plan's institution.
 */
public record ItemData(@Nullable String category, String content, @Nullable String timeText,
                       @Nullable ScheduleTime time, @Nullable String ownerText, @Nullable String participantText,
                       RecordKind recordKind) {
}
