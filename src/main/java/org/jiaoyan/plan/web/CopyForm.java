package org.jiaoyan.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Copy forward: the target term and the new plan's title. */
public class CopyForm {

    @NotNull
    private Long termId;
    @NotBlank
    @Size(max = 200)
    private String title;

    public Long getTermId() {
        return termId;
    }

    public void setTermId(Long termId) {
        this.termId = termId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
