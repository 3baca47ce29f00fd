package org.jiaoyan.plan.export;

import org.jiaoyan.word.OfficialDocument;
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
 * 工作 (done items month by month with their evidence count and the owners' notes), 三、未完成的工作及原因 (cancelled
 * and overdue items with the owners' reasons; items not yet due, when drafted mid-term, listed apart), 四、下学期打算 (left for the office to write). The result is
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
        // items whose time has not come or not ended (a summary drafted mid-term): not 未完成, listed on their own
        List<PlanItem> pending = new ArrayList<>();
        int cancelled = 0;
        Map<String, int[]> byCategory = new LinkedHashMap<>(); // planned, done, cancelled, not done, pending
        for (PlanItem it : all) {
            ItemStatus s = it.status(today);
            int[] c = byCategory.computeIfAbsent(category(it, l), k -> new int[5]);
            c[0]++;
            if (s == ItemStatus.DONE) {
                done.add(it);
                c[1]++;
            } else if (s == ItemStatus.NOT_STARTED || s == ItemStatus.IN_PROGRESS) {
                pending.add(it);
                c[4]++;
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
        int overdue = all.size() - done.size() - cancelled - pending.size();
        h.tag("p", pending.isEmpty()
                ? l.text("planexport.summary.totals", Labels.office(plan), all.size(), done.size(), cancelled, overdue)
                : l.text("planexport.summary.totalsPending", Labels.office(plan), all.size(), done.size(), cancelled, overdue,
                        pending.size()));
        if (!byCategory.isEmpty()) {
            categoryTable(h, byCategory, l, !pending.isEmpty());
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
                // "完成依据0份" beside "已按计划完成" reads as a contradiction: say there is no evidence instead
                String line = it.recordCount() > 0
                        ? l.text("planexport.summary.doneItem", it.content(), it.ownerLabel(), it.recordCount())
                        : it.recordKind() != RecordKind.NONE
                        ? l.text("planexport.summary.doneItemNoEvidence", it.content(), it.ownerLabel())
                        : l.text("planexport.summary.doneItemMarked", it.content(), it.ownerLabel());
                h.tag("li", it.note() == null ? line : line + l.text("planexport.summary.note", it.note()));
            }
            h.close("ol");
        }

        h.tag("h2", l.text("planexport.summary.notDone"));
        if (notDone.isEmpty()) {
            h.tag("p", l.text(pending.isEmpty() ? "planexport.summary.allDone" : "planexport.summary.noneOverdue"));
        } else {
            h.open("ol");
            for (PlanItem it : notDone) {
                String reason = it.note() == null ? l.text("planexport.summary.noReason") : it.note();
                h.tag("li", l.text("planexport.summary.openItem", it.content(), l.time(it), it.ownerLabel(),
                        l.status(it.status(today))) + l.text("planexport.summary.reason", reason));
            }
            h.close("ol");
        }

        if (!pending.isEmpty()) {
            h.tag("p", l.text("planexport.summary.pending", pending.size()));
            h.open("ol");
            for (PlanItem it : pending) {
                h.tag("li", l.text("planexport.summary.openItem", it.content(), l.time(it), it.ownerLabel(),
                        l.status(it.status(today))));
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

    private static void categoryTable(Html h, Map<String, int[]> byCategory, Labels l, boolean withPending) {
        int columns = withPending ? 5 : 4;
        h.open("table");
        h.open("tr");
        for (String key : List.of("category", "planned", "done", "cancelled", "notDone", "pending").subList(0, columns + 1)) {
            h.tag("th", l.text("planexport.summary.col." + key));
        }
        h.close("tr");
        int[] total = new int[columns];
        byCategory.forEach((name, c) -> {
            h.open("tr");
            h.tag("td", name);
            for (int i = 0; i < columns; i++) {
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
