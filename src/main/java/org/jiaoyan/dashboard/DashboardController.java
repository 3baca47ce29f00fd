package org.jiaoyan.dashboard;

import java.time.LocalDate;
import org.jiaoyan.org.OrgStatistics;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.TaskRow;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: the user's open plan tasks, counts of people, groups and schools in their scope, the term and teaching week. */
@Controller
class DashboardController {

    private final OrgStatistics statistics;
    private final Terms terms;
    private final PlanItems items;
    private final org.jiaoyan.activity.Activities activities;

    DashboardController(OrgStatistics statistics, Terms terms, PlanItems items, org.jiaoyan.activity.Activities activities) {
        this.statistics = statistics;
        this.terms = terms;
        this.items = items;
        this.activities = activities;
    }

    @GetMapping("/")
    String home(Model model) {
        LocalDate today = LocalDate.now();
        model.addAttribute("nav", "home");
        model.addAttribute("today", today);
        model.addAttribute("stats", statistics.forCurrentUser(today));
        model.addAttribute("upcoming", activities.upcoming(today.atStartOfDay(), today.plusDays(8).atStartOfDay()));
        terms.current(today).ifPresent(t -> {
            model.addAttribute("term", t);
            model.addAttribute("week", t.weekOf(today));
            List<TaskRow> open = items.myTasks(t.id(), true, today);
            model.addAttribute("tasks", open.stream().limit(5).toList());
            model.addAttribute("openTasks", open.size());
            model.addAttribute("overdueTasks", open.stream().filter(r -> r.status() == ItemStatus.OVERDUE).count());
        });
        return "dashboard/home";
    }
}
