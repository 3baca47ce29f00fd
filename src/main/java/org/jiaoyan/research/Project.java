package org.jiaoyan.research;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A research project as lists and pages show it. */
public record Project(long id, long institutionId, String institutionName, long organizerId, String organizerName,
                      @Nullable Long roundId, @Nullable String roundName, @Nullable Long parentId,
                      @Nullable String parentTitle, ProjectLevel level, boolean yearly, @Nullable String projectNo,
                      String title, long leadId, String leadName, @Nullable String discipline,
                      @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable Long groupId,
                      ProjectStage stage, @Nullable String approvalLetter, @Nullable LocalDate approvedOn,
                      @Nullable String summary, int version) {

    public boolean personal() {
        return level == ProjectLevel.PERSONAL;
    }

    /** Whether it is a first-level sub-project (一级子课题) of another. */
    public boolean sub() {
        return parentId != null;
    }
}
