package org.jiaoyan.plan.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.TimeKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The plan as a calendar (FullCalendar month/week/list with teaching-week numbers) and its event feed. */
@Controller
class CalendarController {

    private final Plans plans;
    private final PlanItems items;
    private final Terms terms;
    private final MessageSource messages;

    CalendarController(Plans plans, PlanItems items, Terms terms, MessageSource messages) {
        this.plans = plans;
        this.items = items;
        this.terms = terms;
        this.messages = messages;
    }

    @GetMapping("/plans/{id}/calendar")
    String calendar(@PathVariable long id, Model model) {
        Plan p = plans.get(id);
        SchoolTerm term = terms.get(p.termId());
        model.addAttribute("nav", "plans");
        model.addAttribute("plan", p);
        model.addAttribute("rights", plans.rights(p));
        model.addAttribute("term", term);
        model.addAttribute("tab", "calendar");
        LocalDate today = LocalDate.now();
        model.addAttribute("initialDate", term.contains(today) ? today : term.startDate());
        model.addAttribute("firstMonday", term.weekStart(1));
        return "plan/plan-calendar";
    }

    /**
     * Events between start and end (FullCalendar's range, end exclusive): one per item, a repeating item once per week
     * or month it runs in the range. All-day events; the end date is exclusive as FullCalendar expects.
     */
    @GetMapping("/plans/{id}/calendar/events")
    @ResponseBody
    List<Map<String, Object>> events(@PathVariable long id, @RequestParam String start, @RequestParam String end,
                                     @RequestParam(defaultValue = "false") boolean compact) {
        // FullCalendar sends 2026-08-31T00:00:00+08:00 (or a plain date): the date part is what counts
        try {
            LocalDate from = LocalDate.parse(start.substring(0, Math.min(10, start.length())));
            List<Map<String, Object>> events = events(id, from, LocalDate.parse(end.substring(0, Math.min(10, end.length()))));
            return compact ? compact(events, from) : events;
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.jiaoyan.shared.ValidationException("start", "typeMismatch.java.time.LocalDate");
        }
    }

    List<Map<String, Object>> events(long id, LocalDate from, LocalDate to) {
        Plan p = plans.get(id);
        SchoolTerm term = terms.get(p.termId());
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlanItem it : items.items(id)) {
            if (it.periodEnd().isBefore(from) || !it.periodStart().isBefore(to)) {
                continue;
            }
            ItemStatus status = it.status(today);
            if (it.time().kind() == TimeKind.WEEKLY) {
                for (LocalDate monday = it.periodStart().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                     monday.isBefore(to) && !monday.isAfter(it.periodEnd()); monday = monday.plusWeeks(1)) {
                    if (!monday.plusDays(5).isAfter(from)) {
                        continue;
                    }
                    out.add(event(it, status, max(monday, it.periodStart()), min(monday.plusDays(4), it.periodEnd())));
                }
            } else if (it.time().kind() == TimeKind.MONTHLY) {
                for (YearMonth m = YearMonth.from(it.periodStart()); !m.atDay(1).isAfter(it.periodEnd()) && m.atDay(1).isBefore(to);
                     m = m.plusMonths(1)) {
                    if (m.atEndOfMonth().isBefore(from)) {
                        continue;
                    }
                    out.add(event(it, status, max(m.atDay(1), it.periodStart()), min(m.atEndOfMonth(), it.periodEnd())));
                }
            } else {
                out.add(event(it, status, it.periodStart(), it.periodEnd()));
            }
        }
        return out;
    }

    /**
     * For list views (the phone): a multi-day event is listed once, on its first day in the range, with its last day in
     * the title, instead of once on every day it spans.
     */
    private static List<Map<String, Object>> compact(List<Map<String, Object>> events, LocalDate from) {
        for (Map<String, Object> e : events) {
            LocalDate start = LocalDate.parse((String) e.get("start"));
            LocalDate last = LocalDate.parse((String) e.get("end")).minusDays(1);
            if (last.isAfter(start)) {
                LocalDate shown = start.isBefore(from) ? from : start;
                e.put("start", shown.toString());
                e.put("end", shown.plusDays(1).toString());
                e.put("title", e.get("title") + "（至" + last.getMonthValue() + "月" + last.getDayOfMonth() + "日）");
            }
        }
        return events;
    }

    private Map<String, Object> event(PlanItem it, ItemStatus status, LocalDate start, LocalDate last) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", it.id());
        String owner = it.ownerLabel();
        e.put("title", owner.isBlank() ? it.content() : it.content() + "（" + owner + "）");
        e.put("start", start.toString());
        e.put("end", last.plusDays(1).toString());
        e.put("allDay", true);
        e.put("routine", it.time().kind().repeating() ? 1 : 0);
        e.put("url", "/plans/" + it.planId() + "/items/" + it.id());
        e.put("classNames", List.of("item-" + status.name().toLowerCase()));
        e.put("color", switch (status) {
            case DONE -> "#198754";
            case OVERDUE -> "#dc3545";
            case IN_PROGRESS -> "#0d6efd";
            case CANCELLED -> "#f8f9fa";
            case NOT_STARTED -> "#6c757d";
        });
        if (status == ItemStatus.CANCELLED) { // as the 取消 badge of the legend: light with a border and dark text
            e.put("borderColor", "#adb5bd");
            e.put("textColor", "#212529");
        }
        e.put("status", messages.getMessage(status.messageKey(), null, LocaleContextHolder.getLocale()));
        return e;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
