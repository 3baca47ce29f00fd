package org.jiaoyan.assessment;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** What the new-round form gives: the month, the level, the group (TEACHERS), title and 文号. */
public record CheckRoundData(@Nullable YearMonth month, @Nullable CheckLevel level, @Nullable Long groupId,
                             @Nullable String title, @Nullable String docNumber) {
}
