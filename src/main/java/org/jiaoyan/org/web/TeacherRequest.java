package org.jiaoyan.org.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.org.Honour;
import org.jiaoyan.org.PersonData;
import org.jspecify.annotations.Nullable;

/**
 * JSON body of POST/PUT /api/v1/teachers; codes come from the dictionaries (GET them from the teacher list). A date known
 * only to its month is sent as the 1st with its {@code …MonthOnly} flag true, as the teacher list answers it.
 */
record TeacherRequest(@NotNull Long schoolId,
                      @NotBlank @Size(max = 50) String name,
                      @Nullable @Pattern(regexp = "^[MF]$", message = "{api.gender.format}") String gender,
                      @Nullable @Pattern(regexp = "^1\\d{10}$", message = "{person.mobile.format}") String mobile,
                      @Nullable LocalDate birthDate,
                      @Nullable LocalDate workStartDate,
                      @Nullable String titleCode,
                      @Nullable Boolean partyMember,
                      @Nullable @Size(max = 500) String note,
                      @Nullable List<String> subjects,
                      @Nullable List<String> grades,
                      @Nullable List<Honour> honours,
                      @Nullable Integer version,
                      @Nullable Boolean birthDateMonthOnly,
                      @Nullable Boolean workStartDateMonthOnly) {

    PersonData toData() {
        return new PersonData(schoolId, name.trim(), gender, mobile, birthDate, workStartDate, titleCode,
                Boolean.TRUE.equals(partyMember), note, subjects == null ? List.of() : subjects,
                grades == null ? List.of() : grades, honours == null ? List.of() : honours,
                Boolean.TRUE.equals(birthDateMonthOnly), Boolean.TRUE.equals(workStartDateMonthOnly));
    }
}
