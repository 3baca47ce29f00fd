package org.jiaoyan.org.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.org.SchoolTerm;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** Term form: school year, semester, dates and up to a few holidays (blank holiday rows are ignored). */
public class TermForm {

    private int version;
    @NotNull
    @Min(2000)
    @Max(2100)
    private @Nullable Integer schoolYear;
    @NotNull
    private @Nullable Integer semester = 1;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;
    private List<HolidayRow> holidays = new ArrayList<>();

    static TermForm blank() {
        TermForm f = new TermForm();
        f.padHolidays();
        return f;
    }

    static TermForm of(SchoolTerm t) {
        TermForm f = new TermForm();
        f.version = t.version();
        f.schoolYear = t.schoolYear();
        f.semester = t.semester();
        f.startDate = t.startDate();
        f.endDate = t.endDate();
        t.holidays().forEach(h -> f.holidays.add(new HolidayRow(h.name(), h.startDate(), h.endDate())));
        f.padHolidays();
        return f;
    }

    void padHolidays() {
        while (holidays.size() < 4) {
            holidays.add(new HolidayRow());
        }
    }

    List<SchoolTerm.Holiday> holidayList() {
        return holidays.stream().filter(h -> h.getName() != null && !h.getName().isBlank() && h.getStartDate() != null)
                .map(h -> new SchoolTerm.Holiday(h.getName().trim(), h.getStartDate(),
                        h.getEndDate() == null ? h.getStartDate() : h.getEndDate()))
                .toList();
    }

    /** One holiday row. */
    public static class HolidayRow {
        private @Nullable String name;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate startDate;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate endDate;

        public HolidayRow() {
        }

        HolidayRow(String name, LocalDate startDate, LocalDate endDate) {
            this.name = name;
            this.startDate = startDate;
            this.endDate = endDate;
        }

        public @Nullable String getName() { return name; }
        public void setName(@Nullable String name) { this.name = name; }
        public @Nullable LocalDate getStartDate() { return startDate; }
        public void setStartDate(@Nullable LocalDate startDate) { this.startDate = startDate; }
        public @Nullable LocalDate getEndDate() { return endDate; }
        public void setEndDate(@Nullable LocalDate endDate) { this.endDate = endDate; }
    }

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public @Nullable Integer getSchoolYear() { return schoolYear; }
    public void setSchoolYear(@Nullable Integer schoolYear) { this.schoolYear = schoolYear; }
    public @Nullable Integer getSemester() { return semester; }
    public void setSemester(@Nullable Integer semester) { this.semester = semester; }
    public @Nullable LocalDate getStartDate() { return startDate; }
    public void setStartDate(@Nullable LocalDate startDate) { this.startDate = startDate; }
    public @Nullable LocalDate getEndDate() { return endDate; }
    public void setEndDate(@Nullable LocalDate endDate) { this.endDate = endDate; }
    public List<HolidayRow> getHolidays() { return holidays; }
    public void setHolidays(List<HolidayRow> holidays) { this.holidays = holidays == null ? new ArrayList<>() : holidays; }
}
