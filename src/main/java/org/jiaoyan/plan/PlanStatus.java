package org.jiaoyan.plan;

/** Where a plan is in its workflow: 草稿 → 已提交 → 审核通过 → 已发布. */
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, PUBLISHED;

    public String messageKey() {
        return "plan.status." + name();
    }
}
