package org.jiaoyan.plan;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An owner's part of a schedule item with several owners (one 备课组 of 16): who, their mark, their records, and
 * whether it counts as done. doneByName is the person's name (never the login).
 */
public record ItemShare(long id, @Nullable Long personId, @Nullable Long unitId, String name, ItemState state, int recordCount,
                        boolean done, @Nullable String note, @Nullable LocalDateTime doneAt, @Nullable String doneBy,
                        @Nullable String doneByName) {
}
