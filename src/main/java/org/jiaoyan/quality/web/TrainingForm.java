package org.jiaoyan.quality.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.quality.StaffMember;
import org.jiaoyan.quality.Training;
import org.jiaoyan.quality.TrainingData;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The 业务学习 form: date, topic, presenter, attendees ticked from the department's staff. */
public class TrainingForm implements QualityRecordController.RecordForm<TrainingData> {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate heldOn;
    private @Nullable String topic;
    private @Nullable Long presenterId;
    private List<Long> attendeeIds = new ArrayList<>();
    private @Nullable String note;
    private int version;

    static TrainingForm of(Training t) {
        TrainingForm f = new TrainingForm();
        f.heldOn = t.heldOn();
        f.topic = t.topic();
        f.presenterId = t.presenterId();
        f.attendeeIds = new ArrayList<>(t.attendees().stream().map(StaffMember::id).toList());
        f.note = t.note();
        f.version = t.version();
        return f;
    }

    @Override
    public TrainingData data(long unitId) {
        return new TrainingData(unitId, heldOn, topic, presenterId, attendeeIds == null ? List.of() : attendeeIds, note);
    }

    public @Nullable LocalDate getHeldOn() { return heldOn; }
    public void setHeldOn(@Nullable LocalDate heldOn) { this.heldOn = heldOn; }
    public @Nullable String getTopic() { return topic; }
    public void setTopic(@Nullable String topic) { this.topic = topic; }
    public @Nullable Long getPresenterId() { return presenterId; }
    public void setPresenterId(@Nullable Long presenterId) { this.presenterId = presenterId; }
    public List<Long> getAttendeeIds() { return attendeeIds; }
    public void setAttendeeIds(@Nullable List<Long> attendeeIds) { this.attendeeIds = attendeeIds == null ? new ArrayList<>() : attendeeIds; }
    public @Nullable String getNote() { return note; }
    public void setNote(@Nullable String note) { this.note = note; }
    @Override
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
