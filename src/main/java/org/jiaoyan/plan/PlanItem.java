package org.jiaoyan.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A schedule item (行事历 row): category, content, time, owners and participants, the kind of record that fulfils
 * it, and what people and records say about it. {@link #status(LocalDate)} is the one rule for 未开始 / 进行中 /
 * 已完成 / 逾期 / 取消 (PlanQueries.STATUS_SQL mirrors it for counts).
 */
public record PlanItem(long id, long planId, int sortOrder, @Nullable String category, String content,
                       ScheduleTime time, @Nullable String timeText, LocalDate periodStart, LocalDate periodEnd,
                       @Nullable String ownerText, boolean ownerAll, List<Party> owners,
                       @Nullable String participantText, List<Party> participants, RecordKind recordKind,
                       ItemState state, int recordCount, int requiredCount, @Nullable String note, @Nullable LocalDateTime doneAt,
                       @Nullable String doneBy, @Nullable String doneByName, int shareCount, int sharesDone, int version) {

    public ItemStatus status(LocalDate today) {
        return status(state, recordKind, recordCount, requiredCount, shareCount, sharesDone, time.kind().repeating(),
                periodStart, periodEnd, today);
    }

    /**
     * The rule. An item with several owners (shares) is fulfilled when every owner's part is done; with one owner, by
     * the owner's mark or (records kinds) by enough linked records. A manager's close (state DONE) fulfils either.
     */
    public static ItemStatus status(ItemState state, RecordKind kind, int records, int required, int shares, int sharesDone,
                                    boolean repeating, LocalDate start, LocalDate end, LocalDate today) {
        if (state == ItemState.CANCELLED) {
            return ItemStatus.CANCELLED;
        }
        boolean fulfilled = state == ItemState.DONE || (shares > 1 ? sharesDone >= shares
                : kind != RecordKind.NONE && records >= Math.max(1, required));
        // a repeating item (每周, 每月) runs the whole term: its records show progress, not completion
        if (fulfilled && (!repeating || state == ItemState.DONE || today.isAfter(end))) {
            return ItemStatus.DONE;
        }
        if (today.isAfter(end)) {
            return ItemStatus.OVERDUE;
        }
        return today.isBefore(start) ? ItemStatus.NOT_STARTED : ItemStatus.IN_PROGRESS;
    }

    /** Whether the item is done per owner ("9/16 组已完成"). */
    public boolean shared() {
        return shareCount > 1;
    }

    /** Whether a button may finish it: only 负责人标记 items; records kinds are done by their records. */
    public boolean markable() {
        return recordKind == RecordKind.NONE;
    }

    /** The time as the office wrote it when there is such text, else the normal label. */
    public String timeLabel() {
        return timeText != null && !timeText.isBlank() ? timeText : time.label();
    }

    /** Owners as one line: the written text, else the resolved names. */
    public String ownerLabel() {
        if (ownerText != null && !ownerText.isBlank()) {
            return ownerText;
        }
        return String.join("、", owners.stream().map(Party::name).toList());
    }

    /** Days late on the given day (0 when not overdue). */
    public long daysOverdue(LocalDate today) {
        return status(today) == ItemStatus.OVERDUE ? java.time.temporal.ChronoUnit.DAYS.between(periodEnd, today) : 0;
    }
}
