package org.jiaoyan.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** A monthly check round (月查) of a school; groupId is the group checked when the level is TEACHERS. */
public record CheckRound(long id, long institutionId, YearMonth month, CheckLevel level, @Nullable Long groupId,
                         @Nullable String groupName, String title, @Nullable String docNumber, @Nullable String noticeText,
                         CheckStatus status, int revision, int version) {

    public boolean published() {
        return status == CheckStatus.PUBLISHED;
    }

    public LocalDate from() {
        return month.atDay(1);
    }

    public LocalDate to() {
        return month.atEndOfMonth();
    }
}
