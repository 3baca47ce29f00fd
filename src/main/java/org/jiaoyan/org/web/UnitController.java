package org.jiaoyan.org.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** 组织机构: institutions, their departments and groups (教研组/备课组/课题组) with leaders and members. */
@Controller
@RequestMapping("/units")
class UnitController {

    private final OrgUnits units;
    private final People people;
    private final Dictionaries dictionaries;
    private final MessageSource messages;

    UnitController(OrgUnits units, People people, Dictionaries dictionaries, MessageSource messages) {
        this.units = units;
        this.people = people;
        this.dictionaries = dictionaries;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "units");
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("institutions", units.institutions());
        model.addAttribute("isAdmin", Access.user().isAdmin());
        return "org/unit-list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        OrgUnit institution = units.get(id);
        List<OrgUnit> all = units.unitsOf(id, null, false);
        model.addAttribute("institution", institution);
        model.addAttribute("departments", all.stream().filter(u -> u.type() == UnitType.DEPARTMENT).toList());
        Map<GroupKind, List<OrgUnit>> groups = new LinkedHashMap<>();
        for (GroupKind k : GroupKind.values()) {
            groups.put(k, all.stream().filter(u -> u.type() == UnitType.GROUP && u.groupKind() == k).toList());
        }
        model.addAttribute("groups", groups);
        model.addAttribute("deleted", units.unitsOf(id, null, true));
        model.addAttribute("canManage", Access.scope().canManageInstitution(id));
        return "org/unit-detail";
    }

    @GetMapping("/new")
    String newInstitution(Model model) {
        Access.requireAdmin();
        UnitForm form = new UnitForm();
        form.setType(UnitType.INSTITUTION);
        form.setParentId(units.regions().isEmpty() ? null : units.regions().get(0).id());
        model.addAttribute("form", form);
        return formView(model, null, null);
    }

    @GetMapping("/{id}/new")
    String newChild(@PathVariable long id, @RequestParam UnitType type, Model model) {
        OrgUnit institution = units.get(id);
        UnitForm form = new UnitForm();
        form.setType(type == UnitType.DEPARTMENT ? UnitType.DEPARTMENT : UnitType.GROUP);
        form.setParentId(id);
        model.addAttribute("form", form);
        return formView(model, institution, null);
    }

    @PostMapping("/save")
    String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        OrgUnit parent = form.getParentId() == null ? null : units.get(form.getParentId());
        OrgUnit institution = parent != null && parent.type() == UnitType.INSTITUTION ? parent : null;
        if (!result.hasErrors()) {
            try {
                long id = units.create(form.toData(institution == null ? form.getSector() : institution.sector()));
                Flash.success(redirect, "saved");
                return "redirect:/units/" + (institution == null ? id : institution.id());
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(model, institution, null);
    }

    @GetMapping("/unit/{unitId}/edit")
    String edit(@PathVariable long unitId, Model model) {
        OrgUnit unit = units.get(unitId);
        model.addAttribute("form", UnitForm.of(unit));
        return formView(model, institutionOf(unit), unit);
    }

    @PostMapping("/unit/{unitId}/edit")
    String update(@PathVariable long unitId, @Valid @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        OrgUnit unit = units.get(unitId);
        form.setType(unit.type());
        form.setParentId(unit.parentId());
        OrgUnit institution = institutionOf(unit);
        if (!result.hasErrors()) {
            try {
                units.update(unitId, form.getVersion(), form.toData(institution == null ? form.getSector() : institution.sector()));
                Flash.success(redirect, "saved");
                return "redirect:/units/" + (unit.type() == UnitType.INSTITUTION ? unitId : unit.institutionId());
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(model, institution, unit);
    }

    @PostMapping("/unit/{unitId}/delete")
    String delete(@PathVariable long unitId, @RequestParam int version, RedirectAttributes redirect) {
        OrgUnit unit = units.get(unitId);
        try {
            units.delete(unitId, version);
            Flash.success(redirect, "deleted");
        } catch (ValidationException | StaleEditException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/units" + (unit.type() == UnitType.INSTITUTION ? "" : "/" + unit.institutionId());
    }

    @PostMapping("/unit/{unitId}/restore")
    String restore(@PathVariable long unitId, RedirectAttributes redirect) {
        OrgUnit unit = units.get(unitId);
        units.restore(unitId);
        Flash.success(redirect, "restored");
        return "redirect:/units/" + (unit.type() == UnitType.INSTITUTION ? unitId : unit.institutionId());
    }

    @GetMapping("/unit/{unitId}/members")
    String members(@PathVariable long unitId, Model model) {
        OrgUnit unit = units.get(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("people", people.ofInstitution(unit.institutionId()));
        model.addAttribute("memberIds", units.memberIds(unitId));
        model.addAttribute("canManage", Access.scope().canManageInstitution(unit.institutionId()));
        return "org/unit-members";
    }

    @PostMapping("/unit/{unitId}/members")
    String saveMembers(@PathVariable long unitId, @RequestParam(required = false) @Nullable List<Long> personIds,
                       RedirectAttributes redirect) {
        OrgUnit unit = units.get(unitId);
        try {
            units.setMembers(unitId, personIds == null ? List.of() : personIds);
            Flash.success(redirect, "saved");
            return "redirect:/units/" + unit.institutionId();
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/units/unit/" + unitId + "/members";
        }
    }

    private @Nullable OrgUnit institutionOf(OrgUnit unit) {
        return unit.type() == UnitType.INSTITUTION || unit.institutionId() == null ? null : units.get(unit.institutionId());
    }

    private String formView(Model model, @Nullable OrgUnit institution, @Nullable OrgUnit existing) {
        model.addAttribute("institution", institution);
        model.addAttribute("unit", existing);
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("schoolKinds", dictionaries.labelsByCode(DictKind.SCHOOL_KIND));
        model.addAttribute("departmentKinds", dictionaries.labelsByCode(DictKind.DEPARTMENT_KIND));
        model.addAttribute("subjects", dictionaries.labelsByCode(DictKind.SUBJECT));
        model.addAttribute("grades", dictionaries.labelsByCode(DictKind.GRADE));
        model.addAttribute("groupKinds", enumLabels(GroupKind.values(), "units.groupKind.", locale));
        model.addAttribute("sectors", enumLabels(Sector.values(), "sector.", locale));
        Map<String, String> regions = new LinkedHashMap<>();
        units.regions().forEach(r -> regions.put(String.valueOf(r.id()), r.name()));
        model.addAttribute("regions", regions);
        Map<String, String> leaders = new LinkedHashMap<>();
        if (institution != null) {
            people.ofInstitution(institution.id()).forEach(p -> leaders.put(String.valueOf(p.id()), p.name()));
        }
        model.addAttribute("leaders", leaders);
        return "org/unit-form";
    }

    private <E extends Enum<E>> Map<String, String> enumLabels(E[] values, String prefix, java.util.Locale locale) {
        return java.util.Arrays.stream(values).collect(Collectors.toMap(Enum::name,
                v -> messages.getMessage(prefix + v.name(), null, locale), (a, b) -> a, LinkedHashMap::new));
    }
}
