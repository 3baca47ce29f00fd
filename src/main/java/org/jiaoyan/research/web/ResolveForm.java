package org.jiaoyan.research.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The resolution of an inspection's follow-up as typed. */
public class ResolveForm {

    private @Nullable Long inspectionId;
    private @Nullable Integer version;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate resolvedOn;
    private @Nullable String resolution;

    public @Nullable Long getInspectionId() {
        return inspectionId;
    }

    public void setInspectionId(@Nullable Long inspectionId) {
        this.inspectionId = inspectionId;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }

    public @Nullable LocalDate getResolvedOn() {
        return resolvedOn;
    }

    public void setResolvedOn(@Nullable LocalDate resolvedOn) {
        this.resolvedOn = resolvedOn;
    }

    public @Nullable String getResolution() {
        return resolution;
    }

    public void setResolution(@Nullable String resolution) {
        this.resolution = resolution;
    }
}
