package org.jiaoyan.quality;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What creates or changes a training session (as typed; the service checks it). */
public record TrainingData(long unitId, @Nullable LocalDate heldOn, @Nullable String topic, @Nullable Long presenterId,
                           List<Long> attendeeIds, @Nullable String note) {

    public TrainingData {
        attendeeIds = List.copyOf(attendeeIds);
    }
}
