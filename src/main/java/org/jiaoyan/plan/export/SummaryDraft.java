package org.jiaoyan.plan.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.plan.HtmlSanitiser;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.Schedule;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts the term's 工作总结 from the plan and what was recorded against it: 一、基本情况 (counts, per category), 二、完成的
 * 工作 (done items month by month with their evidence count and the owners' notes), 三、未完成的工作及原因 (cancelled,
 * overdue and still open items with the owners' reasons), 四、下学期打算 (left for the office to write). The result is
 * sanitised HTML for the summary editor; nothing is saved here.
 */
@Component
public class SummaryDraft {

    private final Plans plans;
    private final PlanItems items;
    private final HtmlSanitiser sanitiser;
    private final MessageSource messages;

    SummaryDraft(Plans plans, PlanItems items, HtmlSanitiser sanitiser, MessageSource messages) {
        this.plans = plans;
        this.items = items;
        this.sanitiser = sanitiser;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public String html(long planId, Locale locale) {
        return html(planId, locale, LocalDate.now());
    }

    @Transactional(readOnly = true)
    public String html(long planId, Locale locale, LocalDate today) {
        Plan plan = plans.get(planId);
        Labels l = new Labels(messages, locale);
        List<PlanItem> all = Schedule.ordered(items.items(planId));
        List<PlanItem> done = new ArrayList<>();
        List<PlanItem> notDone = new ArrayList<>();
        int cancelled = 0;
        Map<String, int[]> byCategory = new LinkedHashMap<>(); // planned, done, cancelled, not done
        for (PlanItem it : all) {
            ItemStatus s = it.status(today);
            int[] c = byCategory.computeIfAbsent(category(it, l), k -> new int[4]);
            c[0]++;
            if (s == ItemStatus.DONE) {
                done.add(it);
                c[1]++;
            } else {
                notDone.add(it);
                if (s == ItemStatus.CANCELLED) {
                    cancelled++;
                    c[2]++;
                } else {
                    c[3]++;
                }
            }
        }

        Html h = new Html();
        h.tag("h2", title(plan, l));
        h.tag("h2", l.text("planexport.summary.basics"));
        h.tag("p", l.text("planexport.summary.totals", Labels.office(plan), all.size(), done.size(), cancelled,
                all.size() - done.size() - cancelled));
        if (!byCategory.isEmpty()) {
            categoryTable(h, byCategory, l);
        }

        h.tag("h2", l.text("planexport.summary.done"));
        if (done.isEmpty()) {
            h.tag("p", l.text("planexport.summary.noneDone"));
        }
        int k = 0;
        for (Schedule.Group g : Schedule.groups(done)) {
            k++;
            String month = g.routine() ? l.text("planexport.schedule.routine") : l.month(g.month().getMonthValue());
            h.tag("h3", l.text("planexport.summary.monthHeading", l.english() ? String.valueOf(k)
                    : OfficialDocument.chineseNumber(k), month));
            h.open("ol");
            for (PlanItem it : g.items()) {
                boolean counted = it.recordKind() != RecordKind.NONE || it.recordCount() > 0;
                String line = counted
                        ? l.text("planexport.summary.doneItem", it.content(), it.ownerLabel(), it.recordCount())
                        : l.text("planexport.summary.doneItemMarked", it.content(), it.ownerLabel());
                h.tag("li", it.note() == null ? line : line + l.text("planexport.summary.note", it.note()));
            }
            h.close("ol");
        }

        h.tag("h2", l.text("planexport.summary.notDone"));
        if (notDone.isEmpty()) {
            h.tag("p", l.text("planexport.summary.allDone"));
        } else {
            h.open("ol");
            for (PlanItem it : notDone) {
                String reason = it.note() == null ? l.text("planexport.summary.noReason") : it.note();
                h.tag("li", l.text("planexport.summary.openItem", it.content(), l.time(it), it.ownerLabel(),
                        l.status(it.status(today))) + l.text("planexport.summary.reason", reason));
            }
            h.close("ol");
        }

        h.tag("h2", l.text("planexport.summary.next"));
        h.raw("<p><br></p>");
        return sanitiser.clean(h.toString());
    }

    /** 工作计划 becomes 工作总结 in the plan's title; other titles get the summary suffix. */
    static String title(Plan plan, Labels labels) {
        String t = plan.title().strip();
        int i = t.lastIndexOf("计划");
        return i >= 0 ? t.substring(0, i) + "总结" + t.substring(i + 2) : labels.text("planexport.summary.title", t);
    }

    private static String category(PlanItem it, Labels l) {
        return it.category() == null || it.category().isBlank() ? l.text("planexport.summary.noCategory") : it.category();
    }

    private static void categoryTable(Html h, Map<String, int[]> byCategory, Labels l) {
        h.open("table");
        h.open("tr");
        for (String key : List.of("category", "planned", "done", "cancelled", "notDone")) {
            h.tag("th", l.text("planexport.summary.col." + key));
        }
        h.close("tr");
        int[] total = new int[4];
        byCategory.forEach((name, c) -> {
            h.open("tr");
            h.tag("td", name);
            for (int i = 0; i < 4; i++) {
                h.tag("td", String.valueOf(c[i]));
                total[i] += c[i];
            }
            h.close("tr");
        });
        h.open("tr");
        h.tag("td", l.text("planexport.summary.total"));
        for (int t : total) {
            h.tag("td", String.valueOf(t));
        }
        h.close("tr");
        h.close("table");
    }

    /** A small HTML builder that escapes all text. */
    private static final class Html {
        private final StringBuilder b = new StringBuilder();

        void tag(String name, @Nullable String text) {
            b.append('<').append(name).append('>').append(Entities.escape(text == null ? "" : text))
                    .append("</").append(name).append('>');
        }

        void open(String name) {
            b.append('<').append(name).append('>');
        }

        void close(String name) {
            b.append("</").append(name).append('>');
        }

        void raw(String html) {
            b.append(html);
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
