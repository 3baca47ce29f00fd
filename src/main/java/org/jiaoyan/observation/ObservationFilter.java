package org.jiaoyan.observation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the observation list: period, whose (MINE: I observed; OF_ME: I was observed; empty: all I may see),
 * one observer or observed teacher, lesson type, and text in topic or names.
 */
public record ObservationFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Whose whose,
                                @Nullable Long observerId, @Nullable Long teacherId, @Nullable LessonType lessonType,
                                @Nullable String text, @Nullable Long institutionId) {

    /** All schools the user reads (the 学校 filter empty). */
    public ObservationFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Whose whose, @Nullable Long observerId,
                             @Nullable Long teacherId, @Nullable LessonType lessonType, @Nullable String text) {
        this(from, to, whose, observerId, teacherId, lessonType, text, null);
    }

    public enum Whose {
        MINE, OF_ME
    }

    public static ObservationFilter none() {
        return new ObservationFilter(null, null, null, null, null, null, null);
    }
}
