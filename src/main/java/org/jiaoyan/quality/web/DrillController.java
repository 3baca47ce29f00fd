package org.jiaoyan.quality.web;

import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.Drill;
import org.jiaoyan.quality.Drills;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.quality.QualityFilter;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 应急演练，人人过关: drills by department and month with who has not passed yet this term, the pass/fail form (quick to
 * tick on a phone), the drill's page with later passes of those who failed, and 补考 (a new drill of the same scenario).
 */
@Controller
@RequestMapping("/quality/drills")
class DrillController {

    private final Drills drills;
    private final QualityDepartments departments;
    private final QualityPages pages;

    DrillController(Drills drills, QualityDepartments departments, QualityPages pages) {
        this.drills = drills;
        this.departments = departments;
        this.pages = pages;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id", "unitId");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String month,
                @RequestParam(required = false) @Nullable Integer page, Model model,
                @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        QualityFilter filter = pages.listModel("drills", unit, month, model);
        model.addAttribute("page", drills.list(filter, PageQuery.of(page, 20, null, null)));
        Department focus = (Department) model.getAttribute("focus");
        SchoolTerm term = pages.term();
        if (focus != null && term != null) {
            model.addAttribute("term", term);
            model.addAttribute("notYetPassed", drills.notYetPassed(focus.id(), term.startDate(), term.endDate()));
        }
        return hx != null ? "quality/drill-list :: results" : "quality/drill-list";
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

    @PostMapping("/new")
    String create(@RequestParam long unit, @ModelAttribute("form") DrillForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Department d = pages.newRecordDepartment(unit);
        if (!result.hasErrors()) {
            try {
                long id = drills.create(form.data(d.id()));
                Flash.success(redirect, "saved");
                return "redirect:/quality/drills/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, d, null, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Drill d = drills.get(id);
        return formView(DrillForm.of(d), departments.get(d.unitId()), d, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") DrillForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Drill d = drills.get(id);
        if (!result.hasErrors()) {
            try {
                drills.update(id, form.getVersion(), form.data(d.unitId()));
                Flash.success(redirect, "saved");
                return "redirect:/quality/drills/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, departments.get(d.unitId()), d, model);
    }

    private String formView(DrillForm form, Department d, @Nullable Drill existing, Model model) {
        pages.formModel(d, existing == null, model);
        model.addAttribute("form", form);
        model.addAttribute("drill", existing);
        model.addAttribute("commonScenarios", Drills.COMMON_SCENARIOS);
        if (!model.containsAttribute("retakeIds")) {
            model.addAttribute("retakeIds", java.util.List.of());
        }
        return "quality/drill-form";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Drill d = drills.get(id);
        model.addAttribute("nav", "quality");
        model.addAttribute("d", d);
        model.addAttribute("canManage", drills.canManage(d));
        model.addAttribute("retakeNeeded", d.results().stream().anyMatch(r -> !r.passed() && r.laterPassOn() == null));
        return "quality/drill-detail";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            drills.delete(id, version);
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:/quality/drills/" + id;
        }
        Flash.success(redirect, "deleted");
        return "redirect:/quality/drills";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        drills.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/quality/drills/" + id;
    }
}
