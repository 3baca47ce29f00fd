package org.jiaoyan.org;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a form, an API call or an import row supplies to create or change a person (already parsed). A date known only to
 * the month (出生年月 1985.03) is the 1st of that month with its {@code …MonthOnly} flag set.
 */
public record PersonData(long institutionId, String name, @Nullable String gender, @Nullable String mobile,
                         @Nullable LocalDate birthDate, @Nullable LocalDate workStartDate, @Nullable String titleCode,
                         boolean partyMember, @Nullable String note, List<String> subjects, List<String> grades,
                         List<Honour> honours, boolean birthMonthOnly, boolean workStartMonthOnly) {

    public PersonData {
        subjects = List.copyOf(subjects);
        grades = List.copyOf(grades);
        honours = List.copyOf(honours);
        // only the 1st of a month can stand for "that month, day unknown"
        birthMonthOnly = birthMonthOnly && birthDate != null && birthDate.getDayOfMonth() == 1;
        workStartMonthOnly = workStartMonthOnly && workStartDate != null && workStartDate.getDayOfMonth() == 1;
    }

    /** Both dates to the day (a form or an API call with full dates). */
    public PersonData(long institutionId, String name, @Nullable String gender, @Nullable String mobile,
                      @Nullable LocalDate birthDate, @Nullable LocalDate workStartDate, @Nullable String titleCode,
                      boolean partyMember, @Nullable String note, List<String> subjects, List<String> grades,
                      List<Honour> honours) {
        this(institutionId, name, gender, mobile, birthDate, workStartDate, titleCode, partyMember, note, subjects, grades,
                honours, false, false);
    }
}
