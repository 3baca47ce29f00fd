package org.jiaoyan.quality.web;

import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.quality.QualityFilter;
import org.jiaoyan.quality.StaffMember;
import org.jiaoyan.quality.Training;
import org.jiaoyan.quality.Trainings;
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

/** 业务学习 / 轮流授课: sessions by department and month, who presented how often this term, the form and the page. */
@Controller
@RequestMapping("/quality/trainings")
class TrainingController {

    private final Trainings trainings;
    private final QualityDepartments departments;
    private final QualityPages pages;

    TrainingController(Trainings trainings, QualityDepartments departments, QualityPages pages) {
        this.trainings = trainings;
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
        QualityFilter filter = pages.listModel("trainings", unit, month, model);
        model.addAttribute("page", trainings.list(filter, PageQuery.of(page, 20, null, null)));
        Department focus = (Department) model.getAttribute("focus");
        SchoolTerm term = pages.term();
        if (focus != null && term != null) {
            model.addAttribute("term", term);
            model.addAttribute("rotation", trainings.presentedCounts(focus.id(), term.startDate(), term.endDate()));
        }
        return hx != null ? "quality/training-list :: results" : "quality/training-list";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long unit, Model model) {
        Department d = pages.newRecordDepartment(unit);
        TrainingForm form = new TrainingForm();
        form.setHeldOn(java.time.LocalDate.now());
        // everyone of the department attended unless unticked
        form.setAttendeeIds(new java.util.ArrayList<>(departments.staff(d.id()).stream().map(StaffMember::id).toList()));
        return formView(form, d, null, model);
    }

    @PostMapping("/new")
    String create(@RequestParam long unit, @ModelAttribute("form") TrainingForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Department d = pages.newRecordDepartment(unit);
        if (!result.hasErrors()) {
            try {
                long id = trainings.create(form.data(d.id()));
                Flash.success(redirect, "saved");
                return "redirect:/quality/trainings/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, d, null, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Training t = trainings.get(id);
        return formView(TrainingForm.of(t), departments.get(t.unitId()), t, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") TrainingForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Training t = trainings.get(id);
        if (!result.hasErrors()) {
            try {
                trainings.update(id, form.getVersion(), form.data(t.unitId()));
                Flash.success(redirect, "saved");
                return "redirect:/quality/trainings/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, departments.get(t.unitId()), t, model);
    }

    private String formView(TrainingForm form, Department d, @Nullable Training existing, Model model) {
        pages.formModel(d, existing == null, model);
        model.addAttribute("form", form);
        model.addAttribute("training", existing);
        return "quality/training-form";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Training t = trainings.get(id);
        model.addAttribute("nav", "quality");
        model.addAttribute("t", t);
        model.addAttribute("canManage", trainings.canManage(t));
        return "quality/training-detail";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            trainings.delete(id, version);
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:/quality/trainings/" + id;
        }
        Flash.success(redirect, "deleted");
        return "redirect:/quality/trainings";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        trainings.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/quality/trainings/" + id;
    }
}
