package org.jiaoyan.plan;

import java.time.LocalDateTime;

/** A plan as the list shows it, with its item counts by status (one grouped query for the page). */
public record PlanRow(long id, String title, String institutionName, String unitName, long termId, PlanStatus status,
                      int revision, LocalDateTime updatedAt, int items, int done, int overdue) {

    public int percentDone() {
        return items == 0 ? 0 : Math.round(done * 100f / items);
    }
}
