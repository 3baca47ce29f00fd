package org.jiaoyan.quality;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One participant's result in a drill; for a fail, the day they later passed a drill of the same scenario in the same
 * department (补考通过), if they have.
 */
public record DrillResult(long personId, String name, @Nullable String titleCode, boolean passed, @Nullable String note,
                          @Nullable LocalDate laterPassOn) {
}
