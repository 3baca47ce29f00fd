package org.jiaoyan.assessment;

import java.util.Locale;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.security.Access;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Each line of a 细则 in plain words: "每一条“听课节数（听课人）”记 0.5 分，本项最多 10 分". */
@Component("schemeWords")
public class SchemeWords {

    private final MessageSource messages;
    private final Metrics metrics;
    private final Rules rules;

    SchemeWords(MessageSource messages, Metrics metrics, Rules rules) {
        this.messages = messages;
        this.metrics = metrics;
        this.rules = rules;
    }

    public String item(Scheme.Item item, Locale locale) {
        String points = CheckRounds.fmt(item.points());
        String text = switch (item.kind()) {
            case RECORD -> {
                String label = item.metricId() != null && metrics.published(item.metricId())
                        ? text(metrics.definition(item.metricId()).labelKey(), locale) : String.valueOf(item.metricId());
                yield text("assessment.words.RECORD", locale, text("assessment.words.RECORD.label", locale, label), points);
            }
            case RULE -> {
                String name = item.ruleId() == null ? "?" : ruleName(item.ruleId());
                String s = text("assessment.words.RULE", locale, name, points);
                yield item.deduction() > 0 ? s + text("assessment.words.RULE.deduction", locale, CheckRounds.fmt(item.deduction())) : s;
            }
            case CHECK -> text("assessment.words.CHECK", locale, points);
            case ENTRY -> text("assessment.words.ENTRY", locale, points);
        };
        return item.cap() == null ? text : text + text("assessment.words.cap", locale, CheckRounds.fmt(item.cap()));
    }

    public String category(Scheme.Category category, Locale locale) {
        String s = category.cap() == null ? "" : text("assessment.words.category.cap", locale, CheckRounds.fmt(category.cap()));
        if (category.weight() != 1) {
            s = s + text("assessment.words.category.weight", locale, CheckRounds.fmt(category.weight()));
        }
        return s.startsWith("，") || s.startsWith(",") ? s.substring(1).strip() : s;
    }

    public String proRata(Scheme scheme, Locale locale) {
        return text("assessment.words.proRata", locale, Scorecards.percent(scheme.exemptBelow()));
    }

    public String floor(Locale locale) {
        return text("assessment.words.floor", locale);
    }

    private String ruleName(long ruleId) {
        try {
            return Access.asSystem(() -> rules.get(ruleId)).name();
        } catch (RuntimeException e) {
            return "#" + ruleId;
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
