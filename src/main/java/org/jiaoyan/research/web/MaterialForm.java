package org.jiaoyan.research.web;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** Monthly process material as typed: the month (yyyy-MM), title, note, and the filing day the office may give. */
public class MaterialForm {

    private @Nullable YearMonth month;
    private @Nullable String title;
    private @Nullable String note;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate filedOn;

    public @Nullable YearMonth getMonth() {
        return month;
    }

    public void setMonth(@Nullable YearMonth month) {
        this.month = month;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note;
    }

    public @Nullable LocalDate getFiledOn() {
        return filedOn;
    }

    public void setFiledOn(@Nullable LocalDate filedOn) {
        this.filedOn = filedOn;
    }
}
