package org.jiaoyan.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A round's 通报 as its reader may see it: the lines they may read in ranking order (all of them, or in a teachers'
 * round read by a staff member only their own), which of them are the reader's (their own line, or the groups they
 * belong to), how many were ranked, the school that issues it and the day it was published (null for a draft).
 */
public record CheckNotice(CheckRound round, List<CheckCriterion> criteria, List<CheckSheet.Line> lines, Set<Long> own,
                          int ranked, boolean wholeRanking, String schoolName, @Nullable LocalDate publishedOn) {

    public boolean isOwn(CheckSheet.Line line) {
        return own.contains(line.subjectId());
    }

    /** The reader's own lines (a teacher in a teachers' round, the groups of a member in a groups' round). */
    public List<CheckSheet.Line> ownLines() {
        return lines.stream().filter(this::isOwn).toList();
    }

    /** The date under the 通报: the day it was published, else (a draft being read before publishing) the given day. */
    public LocalDate dateOr(LocalDate today) {
        return publishedOn != null ? publishedOn : today;
    }
}
