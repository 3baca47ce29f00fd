package org.jiaoyan.plan;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A semester plan of an office (学期工作计划) with its workflow state; sections and items are loaded separately. */
public record Plan(long id, long institutionId, String institutionName, long unitId, String unitName, long termId,
                   String title, PlanStatus status, int revision, @Nullable String reviewNote, int remindDays,
                   @Nullable Long copiedFrom, @Nullable LocalDateTime submittedAt, @Nullable String submittedBy,
                   @Nullable LocalDateTime approvedAt, @Nullable String approvedBy,
                   @Nullable LocalDateTime publishedAt, @Nullable String publishedBy,
                   int version, LocalDateTime updatedAt, @Nullable String updatedBy) {

    public boolean published() {
        return status == PlanStatus.PUBLISHED;
    }

    /** Drafts are edited freely; submitted and approved plans are locked; published plans change by revision. */
    public boolean editable() {
        return status == PlanStatus.DRAFT || status == PlanStatus.PUBLISHED;
    }
}
