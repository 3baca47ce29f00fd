package org.jiaoyan.quality.web;

import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.quality.StaffMember;
import org.jiaoyan.quality.Training;
import org.jiaoyan.quality.TrainingData;
import org.jiaoyan.quality.Trainings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 业务学习 / 轮流授课: sessions by department and month, who presented how often this term, the form and the page. */
@Controller
@RequestMapping("/quality/trainings")
class TrainingController extends QualityRecordController<Training, TrainingData, TrainingForm> {

    private final Trainings trainings;

    TrainingController(Trainings trainings, QualityDepartments departments, QualityPages pages) {
        super("trainings", "training", "t", trainings, departments, pages);
        this.trainings = trainings;
    }

    /** Who presented how often this term (轮流授课). */
    @Override
    void termSummary(Department focus, SchoolTerm term, Model model) {
        model.addAttribute("term", term);
        model.addAttribute("rotation", trainings.presentedCounts(focus.id(), term.startDate(), term.endDate()));
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

    @Override
    TrainingForm formOf(Training t) {
        return TrainingForm.of(t);
    }
}
