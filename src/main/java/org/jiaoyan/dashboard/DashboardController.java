package org.jiaoyan.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.OrgStatistics;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.TaskRow;
import org.jiaoyan.quality.QualityOverview;
import org.jiaoyan.rules.Compliance;
import org.jiaoyan.rules.RuleWords;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 工作台 by role and by kind of institution ({@link Menu}): everyone sees their open plan tasks; at a school their
 * activities and a teacher their observations this month (given and received); at a hospital each department's quality
 * records at a glance; whoever reads whole institutions their counts; a principal the plans waiting for review; a county
 * researcher the cross-school view (also on its own page, /county).
 */
@Controller
class DashboardController {

    /** The figures a school's 工作台 shows (keys of OrgStatistics.Summary and of dashboard.*). */
    static final List<String> SCHOOL_FIGURES = List.of("people", "under40", "under3Years", "partyMembers", "institutions", "groups");
    /** A hospital's: one hospital, counted by its departments (科室). */
    static final List<String> HOSPITAL_FIGURES = List.of("people", "under40", "under3Years", "partyMembers", "departments");

    private final OrgStatistics statistics;
    private final Terms terms;
    private final PlanItems items;
    private final Plans plans;
    private final Activities activities;
    private final Metrics metrics;
    private final CountyOverview county;
    private final Compliance compliance;
    private final RuleWords ruleWords;
    private final Menu menu;
    private final QualityOverview quality;

    DashboardController(OrgStatistics statistics, Terms terms, PlanItems items, Plans plans, Activities activities,
                        Metrics metrics, CountyOverview county, Compliance compliance, RuleWords ruleWords, Menu menu,
                        QualityOverview quality) {
        this.menu = menu;
        this.quality = quality;
        this.compliance = compliance;
        this.ruleWords = ruleWords;
        this.statistics = statistics;
        this.terms = terms;
        this.items = items;
        this.plans = plans;
        this.activities = activities;
        this.metrics = metrics;
        this.county = county;
    }

    @GetMapping("/")
    String home(Model model, java.util.Locale locale) {
        LocalDate today = LocalDate.now();
        CurrentUser user = Access.user();
        DataScope scope = user.scope();
        model.addAttribute("nav", "home");
        model.addAttribute("today", today);
        // school figures only for those who read whole schools: a teacher's scope would read "学校 0"
        boolean schoolWide = scope.all() || !scope.readInstitutions().isEmpty() || !scope.manageInstitutions().isEmpty();
        if (schoolWide) {
            model.addAttribute("stats", statistics.forCurrentUser(today));
            model.addAttribute("statKeys", menu.hospital() ? HOSPITAL_FIGURES : SCHOOL_FIGURES);
        }
        if (menu.shows("activities")) {
            model.addAttribute("upcoming", activities.upcoming(today.atStartOfDay(), today.plusDays(8).atStartOfDay()));
        }
        SchoolTerm term = terms.current(today).orElse(null);
        if (menu.hospital()) {
            model.addAttribute("glance", quality.glance(today, term));
            model.addAttribute("month", YearMonth.from(today).toString());
        }
        model.addAttribute("reviewer", user.isAdmin() || user.has(Role.PRINCIPAL) || user.has(Role.COUNTY_RESEARCHER));
        model.addAttribute("awaitingReview", plans.awaitingReview());
        model.addAttribute("reviewSchool", user.isAdmin() ? null : user.institutionId());
        if (user.personId() != null) {
            // 制度: what this person still has to do this period, shown to them only
            var outstanding = compliance.outstanding(user.personId(), today);
            model.addAttribute("rulesApplying", !outstanding.isEmpty());
            model.addAttribute("stillToDo", ruleWords.stillToDo(outstanding, locale));
        }
        if (user.personId() != null && menu.shows("observations")) {
            LocalDate monthStart = today.withDayOfMonth(1);
            LocalDate monthEnd = today.with(TemporalAdjusters.lastDayOfMonth());
            List<Long> me = List.of(user.personId());
            Map<Long, Long> given = metrics.count("observation.by-observer", monthStart, monthEnd, me);
            Map<Long, Long> received = metrics.count("observation.of-teacher", monthStart, monthEnd, me);
            model.addAttribute("observationsGiven", given.getOrDefault(user.personId(), 0L));
            model.addAttribute("observationsReceived", received.getOrDefault(user.personId(), 0L));
        }
        if (user.has(Role.COUNTY_RESEARCHER)) {
            model.addAttribute("county", county.overview(today));
        }
        if (term != null) {
            model.addAttribute("term", term);
            model.addAttribute("week", term.weekOf(today));
            List<TaskRow> open = items.myTasks(term.id(), true, today);
            model.addAttribute("tasks", open.stream().limit(5).toList());
            model.addAttribute("openTasks", open.size());
            model.addAttribute("overdueTasks", open.stream().filter(r -> r.status() == ItemStatus.OVERDUE).count());
        }
        return "dashboard/home";
    }

    /** The county's cross-school view on a page of its own (researchers and administrators). */
    @GetMapping("/county")
    String county(Model model) {
        if (!CountyOverview.isFor(Access.user())) {
            throw new ForbiddenException();
        }
        model.addAttribute("nav", "county");
        model.addAttribute("county", county.overview(LocalDate.now()));
        return "dashboard/county";
    }
}
