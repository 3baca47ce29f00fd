package org.jiaoyan.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An item in someone's 我的任务 list, with the plan it comes from and its status as this person sees it: with several
 * owners, the part of their own person or group (a group that has done its part sees 已完成 while others are open).
 */
public record TaskRow(PlanItem item, long planId, String planTitle, String unitName, ItemStatus status) {

    /** Days late for this person on the given day (0 when their part is not overdue). */
    public long daysOverdue(LocalDate today) {
        return status == ItemStatus.OVERDUE ? ChronoUnit.DAYS.between(item.periodEnd(), today) : 0;
    }
}
