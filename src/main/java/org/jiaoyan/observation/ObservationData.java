package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An observation as entered: whom, when, what lesson, on which form (its current version is used), the scores
 * (criterion id → points or rating), the text fields, strengths and suggestions; optionally the activity it belongs
 * to and the plan item it fulfils.
 */
public record ObservationData(@Nullable Long teacherId, @Nullable LocalDate observedOn, @Nullable String className,
                              @Nullable String subjectCode, @Nullable String topic, @Nullable LessonType lessonType,
                              @Nullable Long formId, Map<Long, BigDecimal> scores, Map<Long, String> texts,
                              @Nullable String strengths, @Nullable String suggestions, @Nullable Long activityId,
                              @Nullable Long planItemId) {
}
