package org.jiaoyan.assessment.web;

import java.time.YearMonth;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.CheckRoundData;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The new-round form: month (yyyy-MM), level, group (teachers' round), title and 文号. */
public class CheckRoundForm {

    @DateTimeFormat(pattern = "yyyy-MM")
    private @Nullable YearMonth month;
    private @Nullable CheckLevel level;
    private @Nullable Long groupId;
    private @Nullable String title;
    private @Nullable String docNumber;

    CheckRoundData data() {
        return new CheckRoundData(month, level, groupId, title, docNumber);
    }

    public @Nullable YearMonth getMonth() { return month; }
    public void setMonth(@Nullable YearMonth month) { this.month = month; }
    public @Nullable CheckLevel getLevel() { return level; }
    public void setLevel(@Nullable CheckLevel level) { this.level = level; }
    public @Nullable Long getGroupId() { return groupId; }
    public void setGroupId(@Nullable Long groupId) { this.groupId = groupId; }
    public @Nullable String getTitle() { return title; }
    public void setTitle(@Nullable String title) { this.title = title; }
    public @Nullable String getDocNumber() { return docNumber; }
    public void setDocNumber(@Nullable String docNumber) { this.docNumber = docNumber; }
}
