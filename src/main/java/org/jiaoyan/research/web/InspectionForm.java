package org.jiaoyan.research.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A stage inspection by the office as typed. */
public class InspectionForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate inspectedOn;
    private @Nullable String findings;
    private @Nullable String followUp;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate followUpDue;

    public @Nullable LocalDate getInspectedOn() {
        return inspectedOn;
    }

    public void setInspectedOn(@Nullable LocalDate inspectedOn) {
        this.inspectedOn = inspectedOn;
    }

    public @Nullable String getFindings() {
        return findings;
    }

    public void setFindings(@Nullable String findings) {
        this.findings = findings;
    }

    public @Nullable String getFollowUp() {
        return followUp;
    }

    public void setFollowUp(@Nullable String followUp) {
        this.followUp = followUp;
    }

    public @Nullable LocalDate getFollowUpDue() {
        return followUpDue;
    }

    public void setFollowUpDue(@Nullable LocalDate followUpDue) {
        this.followUpDue = followUpDue;
    }
}
