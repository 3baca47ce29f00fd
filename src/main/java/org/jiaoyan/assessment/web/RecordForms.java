package org.jiaoyan.assessment.web;

import org.jspecify.annotations.Nullable;

/** The two forms of the records page as typed (kept when the service refuses them, shown with the problems). */
final class RecordForms {

    private RecordForms() {
    }

    /** 请假: a teacher, from, to, why. */
    public static class LeaveForm {
        private @Nullable String personId;
        private @Nullable String from;
        private @Nullable String to;
        private @Nullable String reason;

        public @Nullable String getPersonId() { return personId; }
        public void setPersonId(@Nullable String personId) { this.personId = personId; }
        public @Nullable String getFrom() { return from; }
        public void setFrom(@Nullable String from) { this.from = from; }
        public @Nullable String getTo() { return to; }
        public void setTo(@Nullable String to) { this.to = to; }
        public @Nullable String getReason() { return reason; }
        public void setReason(@Nullable String reason) { this.reason = reason; }
    }

    /** 成果登记: who, which ENTRY item, what, when. */
    public static class EntryForm {
        private @Nullable String subjectId;
        private @Nullable String itemCode;
        private @Nullable String title;
        private @Nullable String on;

        public @Nullable String getSubjectId() { return subjectId; }
        public void setSubjectId(@Nullable String subjectId) { this.subjectId = subjectId; }
        public @Nullable String getItemCode() { return itemCode; }
        public void setItemCode(@Nullable String itemCode) { this.itemCode = itemCode; }
        public @Nullable String getTitle() { return title; }
        public void setTitle(@Nullable String title) { this.title = title; }
        public @Nullable String getOn() { return on; }
        public void setOn(@Nullable String on) { this.on = on; }
    }
}
