package org.jiaoyan.research.web;

import org.jiaoyan.research.ProjectStage;
import org.jspecify.annotations.Nullable;

/** Assigning a reviewer to a project's 申报 or 结题. */
public class AssignForm {

    private @Nullable ProjectStage stage;
    private @Nullable Long formId;
    private @Nullable Long reviewerId;
    private boolean blind;

    public @Nullable ProjectStage getStage() {
        return stage;
    }

    public void setStage(@Nullable ProjectStage stage) {
        this.stage = stage;
    }

    public @Nullable Long getFormId() {
        return formId;
    }

    public void setFormId(@Nullable Long formId) {
        this.formId = formId;
    }

    public @Nullable Long getReviewerId() {
        return reviewerId;
    }

    public void setReviewerId(@Nullable Long reviewerId) {
        this.reviewerId = reviewerId;
    }

    public boolean isBlind() {
        return blind;
    }

    public void setBlind(boolean blind) {
        this.blind = blind;
    }
}
