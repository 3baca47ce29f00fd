package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One observed lesson with its scores (criterion id → score or text) on the form version it was scored on. */
public record Observation(long id, long institutionId, long observerId, String observerName, long teacherId,
                          String teacherName, LocalDate observedOn, @Nullable String className,
                          @Nullable String subjectCode, String topic, LessonType lessonType,
                          @Nullable Long formVersionId, @Nullable BigDecimal total, @Nullable String strengths,
                          @Nullable String suggestions, @Nullable Long activityId, @Nullable Long planItemId,
                          @Nullable LocalDateTime acknowledgedAt, @Nullable String reply,
                          Map<Long, BigDecimal> scores, Map<Long, String> texts, int version,
                          @Nullable LocalDateTime createdAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** "张老师《秋天的雨》" for plan item links and exports. */
    public String label() {
        return label(teacherName, topic);
    }

    /** The teacher and the lesson's title in 《》, once: a topic typed as 《桂林山水》 keeps its own marks. */
    public static String label(String teacherName, String topic) {
        String t = topic.strip();
        return teacherName + (t.startsWith("《") ? t : "《" + t + "》");
    }
}
