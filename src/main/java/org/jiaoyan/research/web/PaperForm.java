package org.jiaoyan.research.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A member's paper of a term as typed. */
public class PaperForm {

    private @Nullable Long personId;
    private @Nullable Long termId;
    private @Nullable String title;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate writtenOn;
    private @Nullable String publishedIn;

    public @Nullable Long getPersonId() {
        return personId;
    }

    public void setPersonId(@Nullable Long personId) {
        this.personId = personId;
    }

    public @Nullable Long getTermId() {
        return termId;
    }

    public void setTermId(@Nullable Long termId) {
        this.termId = termId;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable LocalDate getWrittenOn() {
        return writtenOn;
    }

    public void setWrittenOn(@Nullable LocalDate writtenOn) {
        this.writtenOn = writtenOn;
    }

    public @Nullable String getPublishedIn() {
        return publishedIn;
    }

    public void setPublishedIn(@Nullable String publishedIn) {
        this.publishedIn = publishedIn;
    }
}
