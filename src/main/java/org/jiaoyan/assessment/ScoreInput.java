package org.jiaoyan.assessment;

import org.jspecify.annotations.Nullable;

/** A typed manual score (null: not scored yet) with the checker's comment. */
public record ScoreInput(long criterionId, long subjectId, @Nullable Double score, @Nullable String comment) {

    /** The form field of the cell, where a refusal is shown. */
    public static String field(long criterionId, long subjectId) {
        return "s_" + criterionId + "_" + subjectId;
    }
}
