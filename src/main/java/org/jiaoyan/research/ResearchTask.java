package org.jiaoyan.research;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** 研究任务: what a member does for the project, by when, and when it was done. */
public record ResearchTask(long id, long projectId, long personId, String personName, String title, LocalDate dueDate,
                           @Nullable LocalDate doneOn, int version) {

    public boolean late(LocalDate today) {
        return doneOn == null ? dueDate.isBefore(today) : doneOn.isAfter(dueDate);
    }
}
