package org.jiaoyan.research;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What the form sends to create or edit a project; members are set separately. */
public record ProjectData(long institutionId, @Nullable Long roundId, @Nullable Long parentId, ProjectLevel level,
                          boolean yearly, String title, long leadId, @Nullable String discipline,
                          @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable String summary) {
}
