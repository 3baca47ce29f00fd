package org.jiaoyan.observation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.observation.CriterionData;
import org.jiaoyan.observation.FormVersion;
import org.jiaoyan.observation.Scoring;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/** The form designer: name, scoring, a description and one row per criterion (empty rows are ignored). */
public class FormDesignForm {

    static final int EMPTY_ROWS = 3;

    private @Nullable String name;
    private @Nullable Scoring scoring = Scoring.POINTS;
    private @Nullable String description;
    private int version;
    private List<Row> criteria = new ArrayList<>();

    /** One criterion row; points as text so a typo is shown at the row. */
    public static class Row {
        private @Nullable String group;
        private @Nullable String name;
        private @Nullable String descriptor;
        private @Nullable String points;
        private boolean textField;

        public @Nullable String getGroup() { return group; }
        public void setGroup(@Nullable String group) { this.group = group; }
        public @Nullable String getName() { return name; }
        public void setName(@Nullable String name) { this.name = name; }
        public @Nullable String getDescriptor() { return descriptor; }
        public void setDescriptor(@Nullable String descriptor) { this.descriptor = descriptor; }
        public @Nullable String getPoints() { return points; }
        public void setPoints(@Nullable String points) { this.points = points; }
        public boolean isTextField() { return textField; }
        public void setTextField(boolean textField) { this.textField = textField; }
    }

    static FormDesignForm of(FormVersion v, int version) {
        FormDesignForm f = new FormDesignForm();
        f.name = v.formName();
        f.scoring = v.scoring();
        f.description = v.description();
        f.version = version;
        v.criteria().forEach(c -> {
            Row r = new Row();
            r.group = c.group();
            r.name = c.name();
            r.descriptor = c.descriptor();
            r.points = c.points() == null ? null : c.points().stripTrailingZeros().toPlainString();
            r.textField = c.textField();
            f.criteria.add(r);
        });
        return f.withEmptyRows(EMPTY_ROWS);
    }

    FormDesignForm withEmptyRows(int n) {
        for (int i = 0; i < n; i++) {
            criteria.add(new Row());
        }
        return this;
    }

    List<CriterionData> data(BindingResult result) {
        List<CriterionData> out = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            Row r = criteria.get(i);
            BigDecimal points = null;
            if (r.points != null && !r.points.isBlank()) {
                try {
                    points = new BigDecimal(ObservationForm.normalise(r.points));
                } catch (NumberFormatException e) {
                    result.rejectValue("criteria[" + i + "].points", "observation.score.notNumber");
                }
            }
            out.add(new CriterionData(r.group, r.name, r.descriptor, points, r.textField));
        }
        return out;
    }

    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable Scoring getScoring() { return scoring; }
    public void setScoring(@Nullable Scoring scoring) { this.scoring = scoring; }
    public @Nullable String getDescription() { return description; }
    public void setDescription(@Nullable String description) { this.description = description; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public List<Row> getCriteria() { return criteria; }
    public void setCriteria(List<Row> criteria) { this.criteria = criteria; }
}
