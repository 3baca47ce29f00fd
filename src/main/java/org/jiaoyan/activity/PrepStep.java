package org.jiaoyan.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One member's step of a 集体备课: the draft of their part, their adapted version, or their reflection after class. */
public record PrepStep(long id, long activityId, long personId, String personName, Kind kind, @Nullable String part,
                       @Nullable String body, @Nullable String fileName, @Nullable String contentType,
                       @Nullable String storageKey, LocalDate dueDate, @Nullable LocalDateTime doneAt, int version) {

    /** 初稿, 个性修改, 课后反思 in the order they happen. */
    public enum Kind { DRAFT, ADAPT, REFLECT }

    /** 已完成 / 逾期完成 / 逾期 / 未到期: everyone sees whose step is late. */
    public enum State { DONE, DONE_LATE, LATE, PENDING }

    public State state(LocalDate today) {
        if (doneAt != null) {
            return doneAt.toLocalDate().isAfter(dueDate) ? State.DONE_LATE : State.DONE;
        }
        return today.isAfter(dueDate) ? State.LATE : State.PENDING;
    }
}
