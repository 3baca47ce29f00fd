package org.jiaoyan.research.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.research.ProjectStage;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** 立项公示 / 结题公示 as typed: the projects ticked in the results table, title, body, the period. */
public class NoticeForm {

    private @Nullable ProjectStage stage;
    private @Nullable Long roundId;
    private @Nullable String title;
    private @Nullable String body;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate publishFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate publishUntil;
    private List<Long> projectIds = new ArrayList<>();

    public @Nullable ProjectStage getStage() {
        return stage;
    }

    public void setStage(@Nullable ProjectStage stage) {
        this.stage = stage;
    }

    public @Nullable Long getRoundId() {
        return roundId;
    }

    public void setRoundId(@Nullable Long roundId) {
        this.roundId = roundId;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getBody() {
        return body;
    }

    public void setBody(@Nullable String body) {
        this.body = body;
    }

    public @Nullable LocalDate getPublishFrom() {
        return publishFrom;
    }

    public void setPublishFrom(@Nullable LocalDate publishFrom) {
        this.publishFrom = publishFrom;
    }

    public @Nullable LocalDate getPublishUntil() {
        return publishUntil;
    }

    public void setPublishUntil(@Nullable LocalDate publishUntil) {
        this.publishUntil = publishUntil;
    }

    public List<Long> getProjectIds() {
        return projectIds;
    }

    public void setProjectIds(List<Long> projectIds) {
        this.projectIds = projectIds;
    }
}
