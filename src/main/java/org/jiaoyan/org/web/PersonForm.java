package org.jiaoyan.org.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.org.Honour;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.PersonData;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The person edit form as typed; dates bind from date inputs, bad text is a field error (typeMismatch). */
public class PersonForm {

    private int version;
    @NotNull
    private @Nullable Long institutionId;
    @NotBlank
    @Size(max = 50)
    private String name = "";
    private @Nullable String gender;
    @Pattern(regexp = "^$|^1\\d{10}$", message = "{person.mobile.format}")
    private String mobile = "";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate birthDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate workStartDate;
    /** Kept from an imported 出生年月 / 参加工作年月 while the date stays the 1st (see PersonData). */
    private boolean birthMonthOnly;
    private boolean workStartMonthOnly;
    private @Nullable String titleCode;
    private boolean partyMember;
    @Size(max = 500)
    private String note = "";
    private List<String> subjects = new ArrayList<>();
    private List<String> grades = new ArrayList<>();
    private List<HonourRow> honours = new ArrayList<>();

    public static PersonForm of(Person p) {
        PersonForm f = new PersonForm();
        f.version = p.version();
        f.institutionId = p.institutionId();
        f.name = p.name();
        f.gender = p.gender();
        f.mobile = p.mobile() == null ? "" : p.mobile();
        f.birthDate = p.birthDate();
        f.workStartDate = p.workStartDate();
        f.birthMonthOnly = p.birthMonthOnly();
        f.workStartMonthOnly = p.workStartMonthOnly();
        f.titleCode = p.titleCode();
        f.partyMember = p.partyMember();
        f.note = p.note() == null ? "" : p.note();
        f.subjects = new ArrayList<>(p.subjects());
        f.grades = new ArrayList<>(p.grades());
        f.honours = new ArrayList<>(p.honours().stream().map(h -> new HonourRow(h.code(), h.levelCode(), h.year())).toList());
        return f;
    }

    public PersonData toData() {
        List<Honour> hs = honours.stream().filter(h -> h.getCode() != null && !h.getCode().isBlank())
                .map(h -> new Honour(h.getCode(), blankToNull(h.getLevelCode()), h.getYear())).toList();
        return new PersonData(institutionId == null ? 0 : institutionId, name.trim(), blankToNull(gender),
                blankToNull(mobile.trim()), birthDate, workStartDate, blankToNull(titleCode), partyMember,
                blankToNull(note.trim()), subjects, grades, hs, birthMonthOnly, workStartMonthOnly);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** One honour line of the form (骨干教师 · 县级 · 2024). */
    public static class HonourRow {
        private @Nullable String code;
        private @Nullable String levelCode;
        private @Nullable Integer year;

        public HonourRow() {
        }

        HonourRow(String code, @Nullable String levelCode, @Nullable Integer year) {
            this.code = code;
            this.levelCode = levelCode;
            this.year = year;
        }

        public @Nullable String getCode() { return code; }
        public void setCode(@Nullable String code) { this.code = code; }
        public @Nullable String getLevelCode() { return levelCode; }
        public void setLevelCode(@Nullable String levelCode) { this.levelCode = levelCode; }
        public @Nullable Integer getYear() { return year; }
        public void setYear(@Nullable Integer year) { this.year = year; }
    }

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public @Nullable Long getInstitutionId() { return institutionId; }
    public void setInstitutionId(@Nullable Long institutionId) { this.institutionId = institutionId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? "" : name; }
    public @Nullable String getGender() { return gender; }
    public void setGender(@Nullable String gender) { this.gender = gender; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile == null ? "" : mobile.trim(); }
    public @Nullable LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(@Nullable LocalDate birthDate) { this.birthDate = birthDate; }
    public @Nullable LocalDate getWorkStartDate() { return workStartDate; }
    public boolean isBirthMonthOnly() { return birthMonthOnly; }
    public void setBirthMonthOnly(boolean birthMonthOnly) { this.birthMonthOnly = birthMonthOnly; }
    public boolean isWorkStartMonthOnly() { return workStartMonthOnly; }
    public void setWorkStartMonthOnly(boolean workStartMonthOnly) { this.workStartMonthOnly = workStartMonthOnly; }
    public void setWorkStartDate(@Nullable LocalDate workStartDate) { this.workStartDate = workStartDate; }
    public @Nullable String getTitleCode() { return titleCode; }
    public void setTitleCode(@Nullable String titleCode) { this.titleCode = titleCode; }
    public boolean isPartyMember() { return partyMember; }
    public void setPartyMember(boolean partyMember) { this.partyMember = partyMember; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note == null ? "" : note; }
    public List<String> getSubjects() { return subjects; }
    public void setSubjects(List<String> subjects) { this.subjects = subjects == null ? new ArrayList<>() : subjects; }
    public List<String> getGrades() { return grades; }
    public void setGrades(List<String> grades) { this.grades = grades == null ? new ArrayList<>() : grades; }
    public List<HonourRow> getHonours() { return honours; }
    public void setHonours(List<HonourRow> honours) { this.honours = honours == null ? new ArrayList<>() : honours; }
}
