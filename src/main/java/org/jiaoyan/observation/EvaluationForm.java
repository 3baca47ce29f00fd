package org.jiaoyan.observation;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** An evaluation form of an institution (课堂评价表 …) with its current version and how often it was used. */
public record EvaluationForm(long id, long institutionId, String institutionName, String name, long currentVersionId,
                             int versionNo, Scoring scoring, int criteria, long observations, int version,
                             @Nullable LocalDateTime updatedAt) {
}
