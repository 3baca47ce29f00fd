package org.jiaoyan.assessment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A round with its criteria, one line per subject in ranking order, its revisions, and what the user may do. */
public record CheckSheet(CheckRound round, List<CheckCriterion> criteria, List<Line> lines, List<Revision> revisions,
                         boolean canManage) {

    public record Score(@Nullable Double score, @Nullable String comment) {
    }

    /** A subject's line: its scores by criterion id, the total and the rank (ties share a rank: 1, 1, 3). */
    public record Line(long subjectId, String name, Map<Long, Score> scores, double total, int rank) {

        public @Nullable Score score(long criterionId) {
            return scores.get(criterionId);
        }
    }

    /** A correction: the revision it replaced, why, who and when, and the ranking it replaced. */
    public record Revision(int revision, String reason, @Nullable String ranking, LocalDateTime at, @Nullable String by) {
    }

    public boolean editable() {
        return canManage && !round.published();
    }
}
