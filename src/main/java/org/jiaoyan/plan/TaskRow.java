package org.jiaoyan.plan;

/** An item in someone's 我的任务 list, with the plan it comes from. */
public record TaskRow(PlanItem item, long planId, String planTitle, String unitName) {
}
