package org.jiaoyan.activity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jiaoyan.activity.Activity;
import org.jiaoyan.activity.ActivityData;
import org.springframework.format.annotation.DateTimeFormat;

/** The activity form: one date, start and end time (activities happen within a day), place, participants, plan item. */
public class ActivityForm {

    @NotNull
    private Long organiserUnitId;
    @NotNull
    private Long typeId;
    @NotBlank
    @Size(max = 200)
    private String title;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    @NotNull
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime startTime = LocalTime.of(15, 30);
    @NotNull
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime endTime = LocalTime.of(16, 30);
    @Size(max = 100)
    private String place;
    private boolean everyone;
    private Long planItemId;
    private int version;

    static ActivityForm of(Activity a) {
        ActivityForm f = new ActivityForm();
        f.organiserUnitId = a.organiserUnitId();
        f.typeId = a.typeId();
        f.title = a.title();
        f.date = a.startsAt().toLocalDate();
        f.startTime = a.startsAt().toLocalTime();
        f.endTime = a.endsAt().toLocalTime();
        f.place = a.place();
        f.planItemId = a.planItemId();
        f.version = a.version();
        return f;
    }

    ActivityData data() {
        return new ActivityData(organiserUnitId, typeId, title, date.atTime(startTime), date.atTime(endTime), place, everyone,
                planItemId);
    }

    public Long getOrganiserUnitId() {
        return organiserUnitId;
    }

    public void setOrganiserUnitId(Long organiserUnitId) {
        this.organiserUnitId = organiserUnitId;
    }

    public Long getTypeId() {
        return typeId;
    }

    public void setTypeId(Long typeId) {
        this.typeId = typeId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    public LocalTime getEndTime() {
        return endTime;
    }

    public void setEndTime(LocalTime endTime) {
        this.endTime = endTime;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public boolean isEveryone() {
        return everyone;
    }

    public void setEveryone(boolean everyone) {
        this.everyone = everyone;
    }

    public Long getPlanItemId() {
        return planItemId;
    }

    public void setPlanItemId(Long planItemId) {
        this.planItemId = planItemId;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
