package org.jiaoyan.dashboard;

import java.time.LocalDate;
import org.jiaoyan.org.OrgStatistics;
import org.jiaoyan.org.Terms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: counts of people, groups and schools in the user's scope, the current term and teaching week. */
@Controller
class DashboardController {

    private final OrgStatistics statistics;
    private final Terms terms;

    DashboardController(OrgStatistics statistics, Terms terms) {
        this.statistics = statistics;
        this.terms = terms;
    }

    @GetMapping("/")
    String home(Model model) {
        LocalDate today = LocalDate.now();
        model.addAttribute("nav", "home");
        model.addAttribute("today", today);
        model.addAttribute("stats", statistics.forCurrentUser(today));
        terms.current(today).ifPresent(t -> {
            model.addAttribute("term", t);
            model.addAttribute("week", t.weekOf(today));
        });
        return "dashboard/home";
    }
}
