package org.jiaoyan.activity;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What creates or changes an activity. Participants: the organiser unit's members, or with everyone the whole
 * institution's staff. planItemId links the plan item the activity fulfils.
 */
public record ActivityData(long organiserUnitId, long typeId, String title, LocalDateTime startsAt, LocalDateTime endsAt,
                           @Nullable String place, boolean everyone, @Nullable Long planItemId) {
}
