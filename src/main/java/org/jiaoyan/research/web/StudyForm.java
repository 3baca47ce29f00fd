package org.jiaoyan.research.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A theory-study session as typed. */
public class StudyForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate studiedOn;
    private @Nullable String topic;
    private @Nullable String reading;
    private @Nullable String notes;
    private @Nullable String attendees;

    public @Nullable LocalDate getStudiedOn() {
        return studiedOn;
    }

    public void setStudiedOn(@Nullable LocalDate studiedOn) {
        this.studiedOn = studiedOn;
    }

    public @Nullable String getTopic() {
        return topic;
    }

    public void setTopic(@Nullable String topic) {
        this.topic = topic;
    }

    public @Nullable String getReading() {
        return reading;
    }

    public void setReading(@Nullable String reading) {
        this.reading = reading;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public void setNotes(@Nullable String notes) {
        this.notes = notes;
    }

    public @Nullable String getAttendees() {
        return attendees;
    }

    public void setAttendees(@Nullable String attendees) {
        this.attendees = attendees;
    }
}
