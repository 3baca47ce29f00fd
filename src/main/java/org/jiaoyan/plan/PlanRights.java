package org.jiaoyan.plan;

/** What the current user may do with a plan now; pages show buttons from it, the service checks again. */
public record PlanRights(boolean edit, boolean submit, boolean review, boolean publish, boolean editor,
                         boolean seesDrafts) {
}
