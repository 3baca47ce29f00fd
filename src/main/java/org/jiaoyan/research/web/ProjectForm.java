package org.jiaoyan.research.web;

import java.time.LocalDate;
import org.jiaoyan.research.Project;
import org.jiaoyan.research.ProjectData;
import org.jiaoyan.research.ProjectLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The project form: what the office or a lead types; kept as typed when the service refuses it. */
public class ProjectForm {

    private @Nullable Long roundId;
    private @Nullable Long parentId;
    private ProjectLevel level = ProjectLevel.SCHOOL;
    private boolean yearly;
    private @Nullable String title;
    private @Nullable Long leadId;
    private @Nullable String discipline;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;
    private @Nullable String summary;
    private int version;

    static ProjectForm of(Project p) {
        ProjectForm f = new ProjectForm();
        f.roundId = p.roundId();
        f.parentId = p.parentId();
        f.level = p.level();
        f.yearly = p.yearly();
        f.title = p.title();
        f.leadId = p.leadId();
        f.discipline = p.discipline();
        f.startDate = p.startDate();
        f.endDate = p.endDate();
        f.summary = p.summary();
        f.version = p.version();
        return f;
    }

    ProjectData data(long institutionId) {
        return new ProjectData(institutionId, roundId, parentId, level, yearly, title == null ? "" : title,
                leadId == null ? 0 : leadId, discipline, startDate, endDate, summary);
    }

    public @Nullable Long getRoundId() { return roundId; }
    public void setRoundId(@Nullable Long roundId) { this.roundId = roundId; }
    public @Nullable Long getParentId() { return parentId; }
    public void setParentId(@Nullable Long parentId) { this.parentId = parentId; }
    public ProjectLevel getLevel() { return level; }
    public void setLevel(ProjectLevel level) { this.level = level; }
    public boolean isYearly() { return yearly; }
    public void setYearly(boolean yearly) { this.yearly = yearly; }
    public @Nullable String getTitle() { return title; }
    public void setTitle(@Nullable String title) { this.title = title; }
    public @Nullable Long getLeadId() { return leadId; }
    public void setLeadId(@Nullable Long leadId) { this.leadId = leadId; }
    public @Nullable String getDiscipline() { return discipline; }
    public void setDiscipline(@Nullable String discipline) { this.discipline = discipline; }
    public @Nullable LocalDate getStartDate() { return startDate; }
    public void setStartDate(@Nullable LocalDate startDate) { this.startDate = startDate; }
    public @Nullable LocalDate getEndDate() { return endDate; }
    public void setEndDate(@Nullable LocalDate endDate) { this.endDate = endDate; }
    public @Nullable String getSummary() { return summary; }
    public void setSummary(@Nullable String summary) { this.summary = summary; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
