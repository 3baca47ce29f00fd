package org.jiaoyan.rules.web;

import java.time.LocalDate;
import org.jiaoyan.rules.Comparison;
import org.jiaoyan.rules.PeriodKind;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.RuleSpec;
import org.jiaoyan.rules.SubjectFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The rule editor's fields; the service validates (messages at the field). */
public class RuleForm {

    private @Nullable Long school;
    /** Set for a county rule (县区制度), instead of school. */
    private @Nullable Long region;
    private @Nullable String templateCode;
    private String name = "";
    private String metricId = "";
    private SubjectFilter filter = SubjectFilter.ALL_TEACHERS;
    private @Nullable String filterValue;
    private PeriodKind periodKind = PeriodKind.MONTH;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate customFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate customTo;
    private Comparison comparison = Comparison.AT_LEAST;
    private @Nullable Integer threshold = 1;
    private @Nullable Integer thresholdHigh;
    private @Nullable Integer remindDays = 2;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate validFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate validTo;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate effectiveFrom;
    private boolean publicRanking;
    private @Nullable String note;
    private int version;

    static RuleForm of(String name, RuleSpec s) {
        RuleForm f = new RuleForm();
        f.name = name;
        f.metricId = s.metricId();
        f.filter = s.filter();
        f.filterValue = s.filterValue();
        f.periodKind = s.periodKind();
        f.customFrom = s.customFrom();
        f.customTo = s.customTo();
        f.comparison = s.comparison();
        f.threshold = s.threshold();
        f.thresholdHigh = s.thresholdHigh();
        f.remindDays = s.remindDays();
        f.validFrom = s.validFrom();
        f.validTo = s.validTo();
        return f;
    }

    static RuleForm of(Rule r) {
        RuleForm f = of(r.name(), r.spec());
        f.publicRanking = r.publicRanking();
        f.version = r.version();
        f.templateCode = r.templateCode();
        f.school = r.institutionId();
        f.region = r.regionId();
        return f;
    }

    RuleSpec spec() {
        return new RuleSpec(metricId == null ? "" : metricId, filter == null ? SubjectFilter.ALL_TEACHERS : filter,
                filterValue, periodKind == null ? PeriodKind.MONTH : periodKind, customFrom, customTo,
                comparison == null ? Comparison.AT_LEAST : comparison, threshold == null ? -1 : threshold, thresholdHigh,
                remindDays == null ? 2 : remindDays, validFrom, validTo);
    }

    public @Nullable Long getSchool() { return school; }
    public void setSchool(@Nullable Long school) { this.school = school; }
    public @Nullable Long getRegion() { return region; }
    public void setRegion(@Nullable Long region) { this.region = region; }
    public @Nullable String getTemplateCode() { return templateCode; }
    public void setTemplateCode(@Nullable String templateCode) { this.templateCode = templateCode; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMetricId() { return metricId; }
    public void setMetricId(String metricId) { this.metricId = metricId; }
    public SubjectFilter getFilter() { return filter; }
    public void setFilter(SubjectFilter filter) { this.filter = filter; }
    public @Nullable String getFilterValue() { return filterValue; }
    public void setFilterValue(@Nullable String filterValue) { this.filterValue = filterValue; }
    public PeriodKind getPeriodKind() { return periodKind; }
    public void setPeriodKind(PeriodKind periodKind) { this.periodKind = periodKind; }
    public @Nullable LocalDate getCustomFrom() { return customFrom; }
    public void setCustomFrom(@Nullable LocalDate customFrom) { this.customFrom = customFrom; }
    public @Nullable LocalDate getCustomTo() { return customTo; }
    public void setCustomTo(@Nullable LocalDate customTo) { this.customTo = customTo; }
    public Comparison getComparison() { return comparison; }
    public void setComparison(Comparison comparison) { this.comparison = comparison; }
    public @Nullable Integer getThreshold() { return threshold; }
    public void setThreshold(@Nullable Integer threshold) { this.threshold = threshold; }
    public @Nullable Integer getThresholdHigh() { return thresholdHigh; }
    public void setThresholdHigh(@Nullable Integer thresholdHigh) { this.thresholdHigh = thresholdHigh; }
    public @Nullable Integer getRemindDays() { return remindDays; }
    public void setRemindDays(@Nullable Integer remindDays) { this.remindDays = remindDays; }
    public @Nullable LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(@Nullable LocalDate validFrom) { this.validFrom = validFrom; }
    public @Nullable LocalDate getValidTo() { return validTo; }
    public void setValidTo(@Nullable LocalDate validTo) { this.validTo = validTo; }
    public @Nullable LocalDate getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(@Nullable LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
    public boolean isPublicRanking() { return publicRanking; }
    public void setPublicRanking(boolean publicRanking) { this.publicRanking = publicRanking; }
    public @Nullable String getNote() { return note; }
    public void setNote(@Nullable String note) { this.note = note; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
