package org.jiaoyan.activity;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A group activity with its organiser, time and place, the texts of its 方案 / 记录 / 总结 and its sign-in state. */
public record Activity(long id, long institutionId, String institutionName, long organiserUnitId, String organiserName,
                       long typeId, String typeName, String title, LocalDateTime startsAt, LocalDateTime endsAt,
                       @Nullable String place, @Nullable Long planItemId, @Nullable String planText,
                       @Nullable String recordText, @Nullable String summaryText,
                       @Nullable String signinToken, @Nullable LocalDateTime signinExpiresAt, int version) {

    /** 迟到: signed in more than this many minutes after the start. */
    public static final int LATE_AFTER_MINUTES = 10;

    public boolean ended(LocalDateTime now) {
        return now.isAfter(endsAt);
    }

    public boolean signinOpen(LocalDateTime now) {
        return signinToken != null && signinExpiresAt != null && now.isBefore(signinExpiresAt);
    }
}
