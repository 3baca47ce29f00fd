package org.jiaoyan.plan;

import java.time.LocalDate;

/** A plan the person wrote (created under one of their user names), with its office, term and workflow status. */
public record AuthoredPlan(long id, String title, String unitName, int schoolYear, int semester, LocalDate termStart,
                           PlanStatus status) {
}
