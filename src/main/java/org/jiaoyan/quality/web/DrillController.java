package org.jiaoyan.quality.web;

import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.Drill;
import org.jiaoyan.quality.DrillData;
import org.jiaoyan.quality.Drills;
import org.jiaoyan.quality.QualityDepartments;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 应急演练，人人过关: drills by department and month with who has not passed yet this term, the pass/fail form (quick to
 * tick on a phone), the drill's page with later passes of those who failed, and 补考 (a new drill of the same scenario).
 */
@Controller
@RequestMapping("/quality/drills")
class DrillController extends QualityRecordController<Drill, DrillData, DrillForm> {

    private final Drills drills;

    DrillController(Drills drills, QualityDepartments departments, QualityPages pages) {
        super("drills", "drill", "d", drills, departments, pages);
        this.drills = drills;
    }

    /** Who has not passed a drill yet this term (人人过关). */
    @Override
    void termSummary(Department focus, SchoolTerm term, Model model) {
        model.addAttribute("term", term);
        model.addAttribute("notYetPassed", drills.notYetPassed(focus.id(), term.startDate(), term.endDate()));
    }

    /** A new drill; with retake=id (补考) it has the scenario of that drill and marks those who failed it (待补考). */
    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Long retake,
                      Model model) {
        DrillForm form = new DrillForm();
        form.setHeldOn(java.time.LocalDate.now());
        Department d;
        if (retake != null) {
            Drill earlier = drills.get(retake);
            d = pages.newRecordDepartment(earlier.unitId());
            form.setScenario(earlier.scenario());
            model.addAttribute("retakeIds", earlier.results().stream().filter(r -> !r.passed() && r.laterPassOn() == null)
                    .map(org.jiaoyan.quality.DrillResult::personId).toList());
        } else {
            d = pages.newRecordDepartment(unit);
        }
        return formView(form, d, null, model);
    }

    @Override
    DrillForm formOf(Drill d) {
        return DrillForm.of(d);
    }

    @Override
    void formChoices(Model model) {
        model.addAttribute("commonScenarios", Drills.COMMON_SCENARIOS);
        if (!model.containsAttribute("retakeIds")) {
            model.addAttribute("retakeIds", java.util.List.of());
        }
    }

    @Override
    void detailExtras(Drill d, Model model) {
        model.addAttribute("retakeNeeded", d.results().stream().anyMatch(r -> !r.passed() && r.laterPassOn() == null));
    }
}
