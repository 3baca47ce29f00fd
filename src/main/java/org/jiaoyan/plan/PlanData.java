package org.jiaoyan.plan;

import org.jspecify.annotations.Nullable;

/** What creates a plan: the office (an institution or one of its departments), the term, a title, a template. */
public record PlanData(long unitId, long termId, String title, @Nullable PlanTemplate template, int remindDays) {
}
