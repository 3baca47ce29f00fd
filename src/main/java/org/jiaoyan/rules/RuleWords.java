package org.jiaoyan.rules;

import java.time.LocalDate;
import java.util.Locale;
import org.jiaoyan.org.Sector;
import org.jiaoyan.shared.ChineseDates;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A rule in the office's own words: 每个教研组每个教学周至少 1 次教研活动, 每个科室每周质控 1—2 项; and what a person
 * still has to do (还需听课 1 节). Keys rule.say.*; the healthcare sector has its own words where they differ.
 */
@Component
public class RuleWords {

    private final MessageSource messages;

    public RuleWords(MessageSource messages) {
        this.messages = messages;
    }

    public String sentence(RuleSpec s, @Nullable Sector sector, Locale locale) {
        return subjects(s, sector, locale) + requirement(s, locale);
    }

    /** Who the rule is about: 每个教研组, 每位 40 周岁以下教师. */
    public String subjects(RuleSpec s, @Nullable Sector sector, Locale locale) {
        return msg(sectorKey("rule.say.subject." + s.filter().name(), sector, locale), locale, subjectValue(s, locale));
    }

    /** What it asks of each, per period: 每个教学周至少 1 次教研活动. */
    public String requirement(RuleSpec s, Locale locale) {
        String period = s.periodKind() == PeriodKind.CUSTOM
                ? msg("rule.say.period.CUSTOM", locale, date(s.customFrom()), date(s.customTo()))
                : msg("rule.say.period." + s.periodKind().name(), locale);
        String amount = s.comparison() == Comparison.BETWEEN
                ? amount(s.metricId(), msg("rule.say.range", locale, s.threshold(), s.thresholdHigh()), locale)
                : amount(s.metricId(), String.valueOf(s.threshold()), locale);
        String comparison = msg("rule.say.comparison." + s.comparison().name(), locale);
        // 至少 1 次教研活动, but 至少听课 2 节: a space only between a word and a number
        boolean number = !amount.isEmpty() && Character.isDigit(amount.charAt(0));
        return period + comparison + (number && !comparison.isEmpty() ? " " : "") + amount;
    }

    /**
     * The county rule's terms as the arguments of the rule.tighten.* messages: {0} the requirement (每个教学周至少 1 次
     * 教研活动), {1} the subjects (每个教研组), {2} when it starts applying, {3} until when, {4} the whole sentence.
     */
    public Object[] countyTerms(RuleSpec county, Locale locale) {
        return new Object[] {requirement(county, locale), subjects(county, null, locale),
                county.validFrom() == null ? msg("rule.tighten.validFrom.open", locale)
                        : msg("rule.tighten.validFrom.on", locale, date(county.validFrom())),
                county.validTo() == null ? msg("rule.tighten.validTo.open", locale)
                        : msg("rule.tighten.validTo.on", locale, date(county.validTo())),
                sentence(county, null, locale)};
    }

    /** 听课 1 节, 3 次教研活动 … for a number. */
    public String amount(String metricId, Object n, Locale locale) {
        String key = "rule.say.amount." + metricId;
        return messages.getMessage(key, new Object[] {n}, null, locale) != null
                ? messages.getMessage(key, new Object[] {n}, locale) : msg("rule.say.amount.other", locale, n);
    }

    /** The metric's name, for pickers; for metrics no module publishes yet, the pending name. */
    public String metricName(String metricId, @Nullable String labelKey, Locale locale) {
        if (labelKey != null) {
            return messages.getMessage(labelKey, null, metricId, locale);
        }
        return messages.getMessage("metric.pending." + metricId, null, metricId, locale);
    }

    private String subjectValue(RuleSpec s, Locale locale) {
        if (s.filter() == SubjectFilter.GROUPS && s.filterValue() != null) {
            return messages.getMessage("rule.groupKind." + s.filterValue().strip(), null, s.filterValue(), locale);
        }
        return s.filterValue() == null ? "" : s.filterValue().strip();
    }

    private String sectorKey(String key, @Nullable Sector sector, Locale locale) {
        if (sector == Sector.HEALTHCARE && messages.getMessage(key + ".HEALTHCARE", null, null, locale) != null) {
            return key + ".HEALTHCARE";
        }
        return key;
    }

    private String date(@Nullable LocalDate d) {
        return d == null ? "" : ChineseDates.date(d);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /**
     * What a person still has to do in the current periods, one line per period kind: 本月还需：听课 1 节，发表 2 篇教研博客;
     * 本周还需：1 次教研活动（你负责的语文教研组）. Empty when everything is done (or nothing applies).
     */
    public java.util.List<String> stillToDo(java.util.List<Compliance.Outstanding> items, Locale locale) {
        java.util.Map<PeriodKind, java.util.List<String>> byPeriod = new java.util.EnumMap<>(PeriodKind.class);
        // two rules on the same count for the same subject and period (a county rule and the school's stricter one):
        // what is still missing is the larger of the two, not their sum
        java.util.Map<String, Compliance.Outstanding> strictest = new java.util.LinkedHashMap<>();
        for (Compliance.Outstanding o : items) {
            String key = o.rule().spec().periodKind() + "|" + o.rule().spec().metricId() + "|" + o.subject().id();
            strictest.merge(key, o, (a, b) -> b.missing() > a.missing() ? b : a);
        }
        for (Compliance.Outstanding o : strictest.values()) {
            ComplianceState st = o.cell().state();
            if (o.missing() <= 0 || st == ComplianceState.MET || st == ComplianceState.EXEMPT) {
                continue;
            }
            String what = amount(o.rule().spec().metricId(), o.missing(), locale);
            if (!o.subject().leaders().isEmpty() || o.rule().spec().filter() == SubjectFilter.PAIRS) {
                what += msg("me.compliance.asLeader", locale, o.subject().name());
            }
            byPeriod.computeIfAbsent(o.rule().spec().periodKind(), k -> new java.util.ArrayList<>()).add(what);
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        byPeriod.forEach((kind, whats) -> lines.add(msg("me.compliance.stillNeeded", locale,
                msg("me.compliance.period." + kind.name(), locale), String.join("，", whats))));
        return lines;
    }
}
