package org.jiaoyan.quality;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** 业务学习: a training session of a department, given by one staff member in turn, with who attended. */
public record Training(long id, long institutionId, long unitId, String unitName, LocalDate heldOn, String topic,
                       long presenterId, String presenterName, @Nullable String note, int attendeeCount,
                       List<StaffMember> attendees, int version) implements QualityRecord {
}
