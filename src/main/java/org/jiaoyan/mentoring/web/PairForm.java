package org.jiaoyan.mentoring.web;

import org.jspecify.annotations.Nullable;

/** A new pair: school year, mentor, apprentice, and the reason when the rule is set aside. */
public class PairForm {

    private int schoolYear;
    private @Nullable Long mentorId;
    private @Nullable Long apprenticeId;
    private @Nullable String overrideReason;
    private @Nullable String note;

    public int getSchoolYear() { return schoolYear; }
    public void setSchoolYear(int schoolYear) { this.schoolYear = schoolYear; }
    public @Nullable Long getMentorId() { return mentorId; }
    public void setMentorId(@Nullable Long mentorId) { this.mentorId = mentorId; }
    public @Nullable Long getApprenticeId() { return apprenticeId; }
    public void setApprenticeId(@Nullable Long apprenticeId) { this.apprenticeId = apprenticeId; }
    public @Nullable String getOverrideReason() { return overrideReason; }
    public void setOverrideReason(@Nullable String overrideReason) { this.overrideReason = overrideReason; }
    public @Nullable String getNote() { return note; }
    public void setNote(@Nullable String note) { this.note = note; }
}
