package org.jiaoyan.plan.export;

import java.util.Locale;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.RecordKind;
import org.springframework.context.MessageSource;

/** The words of the exports in the reader's language (messages/planexport). */
final class Labels {

    private final MessageSource messages;
    private final Locale locale;

    Labels(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String status(ItemStatus status) {
        return text(status.messageKey());
    }

    String recordKind(RecordKind kind) {
        return text(kind.messageKey());
    }

    /** 九月, 元月 … as the offices head their month rows. */
    String month(int month) {
        return text("planexport.month." + month);
    }

    boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** The item's time as written, else the normal label in the reader's language. */
    String time(PlanItem item) {
        if (item.timeText() != null && !item.timeText().isBlank()) {
            return item.timeText();
        }
        return english() ? item.time().labelEn() : item.time().label();
    }

    String term(SchoolTerm term) {
        return english() ? term.labelEn() : term.label();
    }

    /** The office that writes the plan: the institution, or the institution's department (示范县实验小学教科室). */
    static String office(Plan plan) {
        return plan.unitId() == plan.institutionId() ? plan.institutionName() : plan.institutionName() + plan.unitName();
    }

    /** The line under the title: office and term (示范县实验小学教科室 · 2026—2027学年第一学期). */
    String officeLine(Plan plan, SchoolTerm term) {
        return text("planexport.officeLine", office(plan), term(term));
    }
}
