package org.jiaoyan.assessment;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A term's results of a school and level: one entry per teacher or group in ranking order (exempt ones last), with the
 * points per category. Live while the term runs; frozen from publication (公示) on, locked when final.
 */
public record ScoreBoard(long institutionId, long termId, CheckLevel level, Scheme scheme, LocalDate asOf,
                         @Nullable Long resultId, @Nullable ResultStatus status, List<Entry> entries) {

    /**
     * A subject's result: category points in the scheme's order, total (null when exempt), rank among its kind
     * (groups rank within 教研组 and within 备课组), the share of the term in place and the words why.
     */
    public record Entry(long subjectId, String name, @Nullable String kind, double[] categoryPoints, @Nullable Double total,
                        @Nullable Integer rank, double inPlace, @Nullable String note) {

        public boolean exempt() {
            return total == null;
        }
    }

    public boolean published() {
        return status != null;
    }

    public boolean locked() {
        return status == ResultStatus.LOCKED;
    }

    public @Nullable Entry entry(long subjectId) {
        return entries.stream().filter(e -> e.subjectId() == subjectId).findFirst().orElse(null);
    }
}
