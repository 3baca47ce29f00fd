package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** An observation in a list or a 听课记录. */
public record ObservationRow(long id, LocalDate observedOn, long observerId, String observerName, long teacherId,
                             String teacherName, String institutionName, @Nullable String className,
                             @Nullable String subjectCode, String topic, LessonType lessonType,
                             @Nullable BigDecimal total, @Nullable String formName, @Nullable String strengths,
                             @Nullable String suggestions, @Nullable LocalDateTime acknowledgedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
