package org.jiaoyan.org;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jiaoyan.shared.ChineseDates;
import org.jspecify.annotations.Nullable;

/** A teacher or staff member as lists and details show them; age and years of service derive from dates. */
public record Person(long id, long institutionId, String institutionName, String name, @Nullable String gender,
                     @Nullable String mobile, @Nullable LocalDate birthDate, @Nullable LocalDate workStartDate,
                     @Nullable String titleCode, boolean partyMember, PersonStatus status, @Nullable String note,
                     List<String> subjects, List<String> grades, List<Honour> honours, int version,
                     @Nullable LocalDateTime deletedAt, @Nullable LocalDateTime updatedAt, boolean birthMonthOnly,
                     boolean workStartMonthOnly) {

    /** 周岁 on the given date, null when the birth date is unknown. */
    public @Nullable Integer age(LocalDate on) {
        return ChineseDates.fullYears(birthDate, on);
    }

    /** Completed years since the start of teaching (教龄). */
    public @Nullable Integer yearsOfService(LocalDate on) {
        return ChineseDates.fullYears(workStartDate, on);
    }

    public @Nullable Integer age() {
        return age(LocalDate.now());
    }

    public @Nullable Integer yearsOfService() {
        return yearsOfService(LocalDate.now());
    }

    public Person withDetails(List<String> subjects, List<String> grades, List<Honour> honours) {
        return new Person(id, institutionId, institutionName, name, gender, mobile, birthDate, workStartDate,
                titleCode, partyMember, status, note, subjects, grades, honours, version, deletedAt, updatedAt, birthMonthOnly,
                workStartMonthOnly);
    }
}
