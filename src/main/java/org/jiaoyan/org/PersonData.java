package org.jiaoyan.org;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a form, an API call or an import row supplies to create or change a person (already parsed). */
public record PersonData(long institutionId, String name, @Nullable String gender, @Nullable String mobile,
                         @Nullable LocalDate birthDate, @Nullable LocalDate workStartDate, @Nullable String titleCode,
                         boolean partyMember, @Nullable String note, List<String> subjects, List<String> grades,
                         List<Honour> honours) {

    public PersonData {
        subjects = List.copyOf(subjects);
        grades = List.copyOf(grades);
        honours = List.copyOf(honours);
    }
}
