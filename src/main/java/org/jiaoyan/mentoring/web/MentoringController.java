package org.jiaoyan.mentoring.web;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.mentoring.MentorPair;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 青蓝工程: the pairs of a school year, the weekly mutual-observation view, one pair's year, new pairs. */
@Controller
@RequestMapping("/mentoring")
class MentoringController {

    private final MentorPairs pairs;
    private final Terms terms;
    private final OrgUnits units;
    private final Dictionaries dictionaries;

    MentoringController(MentorPairs pairs, Terms terms, OrgUnits units, Dictionaries dictionaries) {
        this.pairs = pairs;
        this.terms = terms;
        this.units = units;
        this.dictionaries = dictionaries;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "mentoring");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable Long school,
                Model model) {
        int y = year != null ? year : MentorPairs.currentSchoolYear(LocalDate.now());
        Long inst = school != null ? school : null;
        List<MentorPair> list = pairs.list(y, inst);
        common(y, inst, model);
        model.addAttribute("pairs", list);
        model.addAttribute("titles", dictionaries.labelsByCode(DictKind.TITLE));
        model.addAttribute("today", LocalDate.now());
        return "mentoring/pair-list";
    }

    /** The weekly view: rows are pairs, columns teaching weeks; both directions per cell, gaps marked. */
    @GetMapping("/weeks")
    String weeks(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable Long term,
                 @RequestParam(required = false) @Nullable Long school, Model model) {
        LocalDate today = LocalDate.now();
        int y = year != null ? year : MentorPairs.currentSchoolYear(today);
        List<SchoolTerm> yearTerms = pairs.termsOf(y);
        SchoolTerm t = term != null ? yearTerms.stream().filter(x -> x.id() == term).findFirst().orElseThrow(NotFoundException::new)
                : yearTerms.stream().filter(x -> x.contains(today)).findFirst()
                        .orElse(yearTerms.isEmpty() ? null : yearTerms.get(0));
        Long inst = school != null ? school : Access.user().institutionId();
        common(y, inst, model);
        model.addAttribute("yearTerms", yearTerms);
        model.addAttribute("term", t);
        model.addAttribute("matrix", t == null ? null : pairs.weeks(pairs.list(y, inst), t, today));
        return "mentoring/pair-weeks";
    }

    @GetMapping("/recycle-bin")
    String recycleBin(Model model) {
        model.addAttribute("rows", pairs.deleted());
        return "mentoring/pair-recycle-bin";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        pairs.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/mentoring/" + id;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("s", pairs.summary(id, LocalDate.now()));
        MentorPair p = pairs.get(id);
        model.addAttribute("canManage", pairs.canManage(p.institutionId()));
        model.addAttribute("titles", dictionaries.labelsByCode(DictKind.TITLE));
        return "mentoring/pair-detail";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long school, Model model) {
        PairForm form = new PairForm();
        form.setSchoolYear(MentorPairs.currentSchoolYear(LocalDate.now()));
        return formView(form, institution(school), model);
    }

    @PostMapping("/new")
    String create(@RequestParam(required = false) @Nullable Long school, @ModelAttribute("form") PairForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        long inst = institution(school);
        try {
            long id = pairs.create(inst, form.getSchoolYear(), form.getMentorId(), form.getApprenticeId(),
                    form.getOverrideReason(), form.getNote());
            Flash.success(redirect, "mentoring.saved");
            return "redirect:/mentoring/" + id;
        } catch (ValidationException e) {
            Forms.reject(e, result);
        }
        return formView(form, inst, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            pairs.delete(id, version);
            Flash.success(redirect, "mentoring.deleted");
            return "redirect:/mentoring";
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:/mentoring/" + id;
        }
    }

    private long institution(@Nullable Long school) {
        Long inst = school != null ? school : Access.user().institutionId();
        if (inst == null) {
            throw new NotFoundException();
        }
        return inst;
    }

    private String formView(PairForm form, long institution, Model model) {
        var candidates = pairs.candidates(institution);
        model.addAttribute("form", form);
        model.addAttribute("school", institution);
        model.addAttribute("candidates", candidates);
        model.addAttribute("titles", dictionaries.labelsByCode(DictKind.TITLE));
        model.addAttribute("yearStart", org.jiaoyan.mentoring.MentorEligibility.yearStart(form.getSchoolYear()));
        model.addAttribute("years", years());
        return "mentoring/pair-form";
    }

    private void common(int year, @Nullable Long school, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("years", years());
        model.addAttribute("school", school);
        model.addAttribute("schools", units.institutions());
        model.addAttribute("canCreate", school != null ? pairs.canManage(school)
                : Access.user().institutionId() != null && pairs.canManage(Access.user().institutionId()));
    }

    private List<Integer> years() {
        TreeSet<Integer> ys = new TreeSet<>(java.util.Comparator.reverseOrder());
        terms.all().forEach(t -> ys.add(t.schoolYear()));
        ys.add(MentorPairs.currentSchoolYear(LocalDate.now()));
        return List.copyOf(ys);
    }

}
