package org.jiaoyan.research;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A line of a project's history: a stage submitted, decided, its due date set. */
public record StageEvent(ProjectStage stage, String action, @Nullable Decision decision, @Nullable String comment,
                         @Nullable String actor, LocalDateTime at) {
}
