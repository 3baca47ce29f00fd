package org.jiaoyan.research.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** One week of the research plan as typed (version empty for a week not planned yet). */
public class WeekForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate weekStart;
    private @Nullable String content;
    private @Nullable Long personId;
    private boolean done;
    private @Nullable Integer version;

    public @Nullable LocalDate getWeekStart() {
        return weekStart;
    }

    public void setWeekStart(@Nullable LocalDate weekStart) {
        this.weekStart = weekStart;
    }

    public @Nullable String getContent() {
        return content;
    }

    public void setContent(@Nullable String content) {
        this.content = content;
    }

    public @Nullable Long getPersonId() {
        return personId;
    }

    public void setPersonId(@Nullable Long personId) {
        this.personId = personId;
    }

    public boolean isDone() {
        return done;
    }

    public void setDone(boolean done) {
        this.done = done;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
