package org.jiaoyan.observation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiaoyan.observation.LessonType;
import org.jiaoyan.observation.Observation;
import org.jiaoyan.observation.ObservationData;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The observation entry form: scores arrive as text (scores[criterionId]) so a typo is shown at its row. */
public class ObservationForm {

    private @Nullable Long teacherId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate observedOn = LocalDate.now();
    private @Nullable String className;
    private @Nullable String subjectCode;
    private @Nullable String topic;
    private @Nullable LessonType lessonType = LessonType.REGULAR;
    private @Nullable Long formId;
    private Map<Long, String> scores = new HashMap<>();
    private Map<Long, String> texts = new HashMap<>();
    private @Nullable String strengths;
    private @Nullable String suggestions;
    private @Nullable Long activityId;
    private @Nullable Long planItemId;
    private int version;

    static ObservationForm of(Observation o) {
        ObservationForm f = new ObservationForm();
        f.teacherId = o.teacherId();
        f.observedOn = o.observedOn();
        f.className = o.className();
        f.subjectCode = o.subjectCode();
        f.topic = o.topic();
        f.lessonType = o.lessonType();
        o.scores().forEach((k, v) -> f.scores.put(k, v.stripTrailingZeros().toPlainString()));
        f.texts = new HashMap<>(o.texts());
        f.strengths = o.strengths();
        f.suggestions = o.suggestions();
        f.activityId = o.activityId();
        f.planItemId = o.planItemId();
        f.version = o.version();
        return f;
    }

    /** The input for the service; a score that is not a number becomes an error at its row. */
    ObservationData data(BindingResult result) {
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        scores.forEach((id, text) -> {
            if (text == null || text.isBlank()) {
                return;
            }
            try {
                values.put(id, new BigDecimal(normalise(text)));
            } catch (NumberFormatException e) {
                result.rejectValue("scores[" + id + "]", "observation.score.notNumber");
            }
        });
        return new ObservationData(teacherId, observedOn, className, subjectCode, topic, lessonType, formId, values,
                texts, strengths, suggestions, activityId, planItemId);
    }

    /** Full-width digits and the Chinese full stop, as phone keyboards type them. */
    static String normalise(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.strip().toCharArray()) {
            if (ch >= '０' && ch <= '９') {
                sb.append((char) (ch - '０' + '0'));
            } else if (ch == '．' || ch == '。') {
                sb.append('.');
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    public @Nullable Long getTeacherId() { return teacherId; }
    public void setTeacherId(@Nullable Long teacherId) { this.teacherId = teacherId; }
    public @Nullable LocalDate getObservedOn() { return observedOn; }
    public void setObservedOn(@Nullable LocalDate observedOn) { this.observedOn = observedOn; }
    public @Nullable String getClassName() { return className; }
    public void setClassName(@Nullable String className) { this.className = className; }
    public @Nullable String getSubjectCode() { return subjectCode; }
    public void setSubjectCode(@Nullable String subjectCode) { this.subjectCode = subjectCode; }
    public @Nullable String getTopic() { return topic; }
    public void setTopic(@Nullable String topic) { this.topic = topic; }
    public @Nullable LessonType getLessonType() { return lessonType; }
    public void setLessonType(@Nullable LessonType lessonType) { this.lessonType = lessonType; }
    public @Nullable Long getFormId() { return formId; }
    public void setFormId(@Nullable Long formId) { this.formId = formId; }
    public Map<Long, String> getScores() { return scores; }
    public void setScores(Map<Long, String> scores) { this.scores = scores; }
    public Map<Long, String> getTexts() { return texts; }
    public void setTexts(Map<Long, String> texts) { this.texts = texts; }
    public @Nullable String getStrengths() { return strengths; }
    public void setStrengths(@Nullable String strengths) { this.strengths = strengths; }
    public @Nullable String getSuggestions() { return suggestions; }
    public void setSuggestions(@Nullable String suggestions) { this.suggestions = suggestions; }
    public @Nullable Long getActivityId() { return activityId; }
    public void setActivityId(@Nullable Long activityId) { this.activityId = activityId; }
    public @Nullable Long getPlanItemId() { return planItemId; }
    public void setPlanItemId(@Nullable Long planItemId) { this.planItemId = planItemId; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
