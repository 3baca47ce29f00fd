package org.jiaoyan.plan.web;

import java.time.LocalDate;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.PlanItems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 我的任务: the items of published plans the user owns, overdue first; made for the phone. */
@Controller
class TaskController {

    private final PlanItems items;
    private final Terms terms;

    TaskController(PlanItems items, Terms terms) {
        this.items = items;
        this.terms = terms;
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(defaultValue = "open") String show, Model model) {
        LocalDate today = LocalDate.now();
        boolean open = !"all".equals(show);
        Long term = terms.current(today).map(t -> t.id()).orElse(null);
        model.addAttribute("nav", "tasks");
        model.addAttribute("tasks", items.myTasks(term, open, today));
        model.addAttribute("today", today);
        model.addAttribute("show", open ? "open" : "all");
        return "plan/tasks";
    }
}
