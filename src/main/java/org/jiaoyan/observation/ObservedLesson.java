package org.jiaoyan.observation;

import java.time.LocalDate;

/** Who observed whom when: the fact mentoring counts (no scores, no text). */
public record ObservedLesson(long observerId, long teacherId, LocalDate observedOn, LessonType lessonType) {
}
