package org.jiaoyan.assessment.web;

import org.jiaoyan.web.Typed;

import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.assessment.SchemeData;
import org.jiaoyan.assessment.SchemeItemKind;
import org.jspecify.annotations.Nullable;

/**
 * The 细则 editor as typed: category rows with their item rows, in order, and the 修改说明. Field paths are the
 * service's ({@code categories[0].items[1].points}), so its refusals land at the field; numbers are kept as typed
 * (a word where a number belongs reaches the service as NaN, which it refuses at the field in its words).
 */
public class SchemeForm {

    private int basedOn;
    private @Nullable String exemptBelow;
    private @Nullable String note;
    private List<CategoryRow> categories = new ArrayList<>();

    static SchemeForm of(SchemeData d, int basedOn) {
        SchemeForm f = new SchemeForm();
        f.basedOn = basedOn;
        f.exemptBelow = text(d.exemptBelow());
        for (SchemeData.CategoryData c : d.categories()) {
            CategoryRow row = new CategoryRow();
            row.name = c.name();
            row.cap = text(c.cap());
            row.weight = text(c.weight());
            for (SchemeData.ItemData i : c.items()) {
                ItemRow item = new ItemRow();
                item.code = i.code();
                item.kind = i.kind();
                item.name = i.name();
                item.metricId = i.metricId();
                item.ruleId = i.ruleId() == null ? null : String.valueOf(i.ruleId());
                item.points = text(i.points());
                item.deduction = text(i.deduction());
                item.cap = text(i.cap());
                row.items.add(item);
            }
            f.categories.add(row);
        }
        return f;
    }

    SchemeData data() {
        List<SchemeData.CategoryData> cats = new ArrayList<>();
        for (CategoryRow c : categories) {
            if (c == null) {
                continue;
            }
            List<SchemeData.ItemData> items = new ArrayList<>();
            for (ItemRow i : c.items) {
                if (i != null) {
                    items.add(new SchemeData.ItemData(blank(i.code), i.kind, i.name, blank(i.metricId), Typed.parseLong(i.ruleId),
                            Typed.parseDouble(i.points), Typed.parseDouble(i.deduction), Typed.parseDouble(i.cap)));
                }
            }
            cats.add(new SchemeData.CategoryData(c.name, Typed.parseDouble(c.cap), Typed.parseDouble(c.weight), items));
        }
        return new SchemeData(Typed.parseDouble(exemptBelow), note, cats);
    }

    private static @Nullable String text(@Nullable Double v) {
        return v == null ? null : ScorePages.points(v);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public int getBasedOn() { return basedOn; }
    public void setBasedOn(int basedOn) { this.basedOn = basedOn; }
    public @Nullable String getExemptBelow() { return exemptBelow; }
    public void setExemptBelow(@Nullable String exemptBelow) { this.exemptBelow = exemptBelow; }
    public @Nullable String getNote() { return note; }
    public void setNote(@Nullable String note) { this.note = note; }
    public List<CategoryRow> getCategories() { return categories; }
    public void setCategories(List<CategoryRow> categories) { this.categories = categories; }

    /** A category row: name, cap (本类最多), weight (计入总分的倍数) and its items. */
    public static class CategoryRow {
        private @Nullable String name;
        private @Nullable String cap;
        private @Nullable String weight;
        private List<ItemRow> items = new ArrayList<>();

        public @Nullable String getName() { return name; }
        public void setName(@Nullable String name) { this.name = name; }
        public @Nullable String getCap() { return cap; }
        public void setCap(@Nullable String cap) { this.cap = cap; }
        public @Nullable String getWeight() { return weight; }
        public void setWeight(@Nullable String weight) { this.weight = weight; }
        public List<ItemRow> getItems() { return items; }
        public void setItems(List<ItemRow> items) { this.items = items; }
    }

    /** An item row: kind, name, the metric (RECORD) or rule (RULE) it counts, points, deduction, cap; code kept from the revision. */
    public static class ItemRow {
        private @Nullable String code;
        private @Nullable SchemeItemKind kind;
        private @Nullable String name;
        private @Nullable String metricId;
        private @Nullable String ruleId;
        private @Nullable String points;
        private @Nullable String deduction;
        private @Nullable String cap;

        public @Nullable String getCode() { return code; }
        public void setCode(@Nullable String code) { this.code = code; }
        public @Nullable SchemeItemKind getKind() { return kind; }
        public void setKind(@Nullable SchemeItemKind kind) { this.kind = kind; }
        public @Nullable String getName() { return name; }
        public void setName(@Nullable String name) { this.name = name; }
        public @Nullable String getMetricId() { return metricId; }
        public void setMetricId(@Nullable String metricId) { this.metricId = metricId; }
        public @Nullable String getRuleId() { return ruleId; }
        public void setRuleId(@Nullable String ruleId) { this.ruleId = ruleId; }
        public @Nullable String getPoints() { return points; }
        public void setPoints(@Nullable String points) { this.points = points; }
        public @Nullable String getDeduction() { return deduction; }
        public void setDeduction(@Nullable String deduction) { this.deduction = deduction; }
        public @Nullable String getCap() { return cap; }
        public void setCap(@Nullable String cap) { this.cap = cap; }
    }
}
