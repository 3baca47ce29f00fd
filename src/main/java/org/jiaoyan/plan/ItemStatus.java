package org.jiaoyan.plan;

/** What a schedule item shows: 未开始 / 进行中 / 已完成 / 逾期 / 取消 (derived from state, records and the date). */
public enum ItemStatus {
    NOT_STARTED, IN_PROGRESS, DONE, OVERDUE, CANCELLED;

    public String messageKey() {
        return "plan.itemStatus." + name();
    }

    /** Bootstrap colour of the badge. */
    public String colour() {
        return switch (this) {
            case NOT_STARTED -> "secondary";
            case IN_PROGRESS -> "primary";
            case DONE -> "success";
            case OVERDUE -> "danger";
            case CANCELLED -> "light";
        };
    }
}
