package org.jiaoyan.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jiaoyan.plan.ItemData;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.RecordKind;

/** A schedule item as the form edits it: the time and owners as text, read by the service. */
public class ItemForm {

    @Size(max = 100)
    private String category;
    @NotBlank
    @Size(max = 1000)
    private String content;
    @NotBlank
    @Size(max = 100)
    private String time;
    @Size(max = 300)
    private String ownerText;
    @Size(max = 300)
    private String participantText;
    private RecordKind recordKind = RecordKind.NONE;
    private int version;
    @Size(max = 1000)
    private String reason;

    static ItemForm of(PlanItem it) {
        ItemForm f = new ItemForm();
        f.category = it.category();
        f.content = it.content();
        f.time = it.timeLabel();
        f.ownerText = it.ownerLabel();
        f.participantText = it.participantText();
        f.recordKind = it.recordKind();
        f.version = it.version();
        return f;
    }

    ItemData data() {
        return new ItemData(category, content, time, null, ownerText, participantText, recordKind);
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getOwnerText() {
        return ownerText;
    }

    public void setOwnerText(String ownerText) {
        this.ownerText = ownerText;
    }

    public String getParticipantText() {
        return participantText;
    }

    public void setParticipantText(String participantText) {
        this.participantText = participantText;
    }

    public RecordKind getRecordKind() {
        return recordKind;
    }

    public void setRecordKind(RecordKind recordKind) {
        this.recordKind = recordKind;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
