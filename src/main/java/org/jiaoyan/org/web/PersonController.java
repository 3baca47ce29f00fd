package org.jiaoyan.org.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.org.AgeBand;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.PersonFilter;
import org.jiaoyan.org.PersonStatus;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Pages for teachers and staff: filtered list, detail, create/edit, recycle bin, transfer and status. */
@Controller
@RequestMapping("/people")
class PersonController {

    private final People people;
    private final OrgUnits units;
    private final Dictionaries dictionaries;
    private final MessageSource messages;

    PersonController(People people, OrgUnits units, Dictionaries dictionaries, MessageSource messages) {
        this.people = people;
        this.units = units;
        this.dictionaries = dictionaries;
        this.messages = messages;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "people");
    }

    @GetMapping
    String list(ListParams p, Model model, @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        PersonFilter filter = p.filter(false);
        // labels resolved once for the page (two map look-ups a row), not by a dictionary call in every cell
        Map<String, String> subjects = dictionaries.labelMap(DictKind.SUBJECT);
        Map<String, String> titles = dictionaries.labelMap(DictKind.TITLE);
        LocalDate today = LocalDate.now();
        model.addAttribute("page", people.search(filter, p.pageQuery()).map(x -> PersonRow.of(x, subjects, titles, today)));
        model.addAttribute("params", p);
        model.addAttribute("institutions", units.institutions());
        model.addAttribute("subjectOptions", dictionaries.labelsByCode(DictKind.SUBJECT));
        model.addAttribute("titleOptions", dictionaries.labelsByCode(DictKind.TITLE));
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("statuses", PersonStatus.values());
        model.addAttribute("canManage", Access.scope().managesAny());
        return hx != null ? "org/person-list :: results" : "org/person-list";
    }

    @GetMapping("/recycle-bin")
    String recycleBin(ListParams p, Model model) {
        model.addAttribute("nav", "recycle");
        model.addAttribute("page", people.search(p.filter(true), p.pageQuery()));
        model.addAttribute("params", p);
        return "org/person-recycle-bin";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Person person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("history", people.history(id));
        model.addAttribute("canManage", Access.scope().canManageInstitution(person.institutionId()));
        model.addAttribute("transferTargets", units.managedInstitutions().stream()
                .filter(u -> u.id() != person.institutionId()).toList());
        model.addAttribute("today", LocalDate.now());
        return "org/person-detail";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long schoolId, Model model) {
        PersonForm form = new PersonForm();
        var managed = units.managedInstitutions();
        form.setInstitutionId(schoolId != null ? schoolId : managed.size() == 1 ? managed.get(0).id() : null);
        model.addAttribute("form", form);
        return formView(model, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") PersonForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = people.create(form.toData());
                Flash.success(redirect, "saved");
                return "redirect:/people/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(model, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Person p = people.get(id);
        model.addAttribute("form", PersonForm.of(p));
        return formView(model, p);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Person p = people.get(id);
        if (!result.hasErrors()) {
            try {
                people.update(id, form.getVersion(), form.toData());
                Flash.success(redirect, "saved");
                return "redirect:/people/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(model, p);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        people.delete(id, version);
        Flash.success(redirect, "deleted");
        return "redirect:/people";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        try {
            people.restore(id);
            Flash.success(redirect, "restored");
            return "redirect:/people/" + id;
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/people/recycle-bin";
        }
    }

    @PostMapping("/{id}/transfer")
    String transfer(@PathVariable long id, @RequestParam int version, @RequestParam long institutionId,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
                    @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        try {
            people.transfer(id, version, institutionId, effectiveDate, note);
            Flash.success(redirect, "person.transferred");
        } catch (ValidationException | StaleEditException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable long id, @RequestParam int version, @RequestParam PersonStatus status,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
                  @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        try {
            people.changeStatus(id, version, status, effectiveDate, note);
            Flash.success(redirect, "saved");
        } catch (ValidationException | StaleEditException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/people/" + id;
    }

    private String formView(Model model, @Nullable Person existing) {
        model.addAttribute("person", existing);
        model.addAttribute("institutionOptions", options(units.managedInstitutions()));
        addChoices(model);
        return "org/person-form";
    }

    private void addChoices(Model model) {
        model.addAttribute("institutions", units.institutions());
        model.addAttribute("subjectOptions", dictionaries.labelsByCode(DictKind.SUBJECT));
        model.addAttribute("gradeOptions", dictionaries.labelsByCode(DictKind.GRADE));
        model.addAttribute("titleOptions", dictionaries.labelsByCode(DictKind.TITLE));
        model.addAttribute("honourOptions", dictionaries.labelsByCode(DictKind.HONOUR));
        model.addAttribute("levelOptions", dictionaries.labelsByCode(DictKind.HONOUR_LEVEL));
        Map<String, String> genders = new LinkedHashMap<>();
        genders.put("M", messages.getMessage("gender.M", null, LocaleContextHolder.getLocale()));
        genders.put("F", messages.getMessage("gender.F", null, LocaleContextHolder.getLocale()));
        model.addAttribute("genderOptions", genders);
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("statuses", PersonStatus.values());
    }

    private static Map<String, String> options(java.util.List<OrgUnit> list) {
        Map<String, String> m = new LinkedHashMap<>();
        list.forEach(u -> m.put(String.valueOf(u.id()), u.name()));
        return m;
    }

    /** A row of the teacher list: the person with labels, age and years of service already worked out. */
    record PersonRow(Person person, String subjects, String title, @Nullable Integer age, @Nullable Integer yearsOfService) {

        static PersonRow of(Person p, Map<String, String> subjectLabels, Map<String, String> titleLabels, LocalDate today) {
            StringBuilder s = new StringBuilder();
            for (String code : p.subjects()) {
                s.append(s.isEmpty() ? "" : "、").append(subjectLabels.getOrDefault(code, code));
            }
            String title = p.titleCode() == null ? "" : titleLabels.getOrDefault(p.titleCode(), p.titleCode());
            return new PersonRow(p, s.toString(), title, p.age(today), p.yearsOfService(today));
        }
    }

    /** Query parameters of the list, the export and the recycle bin. */
    record ListParams(@Nullable Long schoolId, @Nullable String subject, @Nullable String title, @Nullable AgeBand age,
                      @Nullable String q, @Nullable PersonStatus status, @Nullable Integer page, @Nullable Integer size,
                      @Nullable String sort, @Nullable String dir) {

        PersonFilter filter(boolean deleted) {
            return new PersonFilter(schoolId, blank(subject), blank(title), age, blank(q), status, deleted);
        }

        PageQuery pageQuery() {
            return PageQuery.of(page, size, sort, dir);
        }

        private static @Nullable String blank(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
