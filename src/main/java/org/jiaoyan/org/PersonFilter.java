package org.jiaoyan.org;

import org.jspecify.annotations.Nullable;

/** Filters of the people list, the export and the API; nulls mean "any". */
public record PersonFilter(@Nullable Long institutionId, @Nullable String subjectCode, @Nullable String titleCode,
                           @Nullable AgeBand ageBand, @Nullable String q, @Nullable PersonStatus status,
                           boolean deleted) {

    public static PersonFilter active() {
        return new PersonFilter(null, null, null, null, null, null, false);
    }
}
