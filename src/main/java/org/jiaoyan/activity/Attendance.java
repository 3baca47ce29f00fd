package org.jiaoyan.activity;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A participant's sign-in: 已签到, 迟到, or (after the end) 缺席; walk-ins who signed in are participants too. */
public record Attendance(long personId, String name, @Nullable LocalDateTime signedAt, @Nullable String method) {

    public enum State { SIGNED, LATE, ABSENT, WAITING }

    public State state(Activity a, LocalDateTime now) {
        if (signedAt != null) {
            return signedAt.isAfter(a.startsAt().plusMinutes(Activity.LATE_AFTER_MINUTES)) ? State.LATE : State.SIGNED;
        }
        return a.ended(now) ? State.ABSENT : State.WAITING;
    }
}
