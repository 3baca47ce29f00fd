package org.jiaoyan.observation.web;

import java.util.Objects;
import org.jiaoyan.observation.EvaluationForm;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.FormVersion;
import org.jiaoyan.observation.Scoring;
import org.jiaoyan.org.OrgUnits;
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

/** 评价表: the school's forms, one form with its versions, and the designer (department heads, admins). */
@Controller
@RequestMapping("/forms")
class FormController {

    private final EvaluationForms forms;
    private final OrgUnits units;

    FormController(EvaluationForms forms, OrgUnits units) {
        this.forms = forms;
        this.units = units;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "forms");
    }

    /** The forms of the user's school (or the chosen one); a department head's first visit creates the defaults. */
    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long school, Model model) {
        Long institution = school != null ? school : Access.user().institutionId();
        model.addAttribute("schools", units.institutions());
        model.addAttribute("school", institution);
        if (institution == null) {
            model.addAttribute("forms", java.util.List.of());
            model.addAttribute("canDesign", false);
            return "observation/form-list";
        }
        boolean design = forms.canDesign(institution);
        if (design) {
            forms.ensureDefaults(institution);
        }
        model.addAttribute("forms", forms.of(institution));
        model.addAttribute("canDesign", design);
        return "observation/form-list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model) {
        EvaluationForm f = forms.get(id);
        var versions = forms.versions(id);
        FormVersion shown = version == null ? versions.get(0)
                : versions.stream().filter(v -> v.id() == version).findFirst().orElseThrow(NotFoundException::new);
        model.addAttribute("f", f);
        model.addAttribute("versions", versions);
        model.addAttribute("shown", shown);
        model.addAttribute("canDesign", forms.canDesign(f.institutionId()));
        return "observation/form-detail";
    }

    @GetMapping("/recycle-bin")
    String recycleBin(Model model) {
        model.addAttribute("rows", forms.deleted());
        return "observation/form-recycle-bin";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        forms.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/forms/" + id;
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long school, Model model) {
        Long institution = school != null ? school : Access.user().institutionId();
        if (institution == null || !forms.canDesign(institution)) {
            throw new org.jiaoyan.shared.ForbiddenException();
        }
        model.addAttribute("form", new FormDesignForm().withEmptyRows(8));
        model.addAttribute("school", institution);
        return view(null, model);
    }

    @PostMapping("/new")
    String create(@RequestParam long school, @ModelAttribute("form") FormDesignForm form, BindingResult result,
                  @RequestParam(required = false) @Nullable String addRows, Model model, RedirectAttributes redirect) {
        model.addAttribute("school", school);
        var rows = form.data(result);
        if (addRows != null) {
            form.withEmptyRows(FormDesignForm.EMPTY_ROWS);
            return view(null, model);
        }
        if (!result.hasErrors()) {
            try {
                long id = forms.create(school, Objects.requireNonNullElse(form.getName(), ""),
                        Objects.requireNonNullElse(form.getScoring(), Scoring.POINTS), form.getDescription(), rows);
                Flash.success(redirect, "saved");
                return "redirect:/forms/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return view(null, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        EvaluationForm f = forms.get(id);
        if (!forms.canDesign(f.institutionId())) {
            throw new org.jiaoyan.shared.ForbiddenException();
        }
        model.addAttribute("form", FormDesignForm.of(forms.current(id), f.version()));
        return view(f, model);
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute("form") FormDesignForm form, BindingResult result,
                @RequestParam(required = false) @Nullable String addRows, Model model, RedirectAttributes redirect) {
        EvaluationForm f = forms.get(id);
        var rows = form.data(result);
        if (addRows != null) {
            form.withEmptyRows(FormDesignForm.EMPTY_ROWS);
            return view(f, model);
        }
        if (!result.hasErrors()) {
            try {
                long versionId = forms.update(id, form.getVersion(), Objects.requireNonNullElse(form.getName(), ""),
                        Objects.requireNonNullElse(form.getScoring(), Scoring.POINTS), form.getDescription(), rows);
                Flash.success(redirect, versionId == f.currentVersionId() ? "saved" : "observation.form.newVersion");
                return "redirect:/forms/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return view(f, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        EvaluationForm f = forms.get(id);
        forms.delete(id, version);
        Flash.success(redirect, "observation.form.deleted");
        return "redirect:/forms?school=" + f.institutionId();
    }

    private String view(@Nullable EvaluationForm existing, Model model) {
        model.addAttribute("existing", existing);
        model.addAttribute("scorings", Scoring.values());
        return "observation/form-design";
    }
}
