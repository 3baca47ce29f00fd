package org.jiaoyan.account.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.account.UserAccount;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
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

/** 用户与角色 (administrators): list, create, edit roles, reset password, recycle bin. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAccounts accounts;
    private final OrgUnits units;
    private final People people;

    UserAdminController(UserAccounts accounts, OrgUnits units, People people) {
        this.accounts = accounts;
        this.units = units;
        this.people = people;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "users");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role,
                @RequestParam(defaultValue = "false") boolean deleted, @RequestParam(required = false) @Nullable Integer page,
                Model model, @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        model.addAttribute("page", accounts.search(q, role, deleted, PageQuery.of(page, 20, null, null)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("deleted", deleted);
        model.addAttribute("roles", Role.values());
        return hx != null ? "account/user-list :: results" : "account/user-list";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long schoolId, Model model) {
        model.addAttribute("form", new UserForm());
        return form(model, null, schoolId);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result,
                  @RequestParam(required = false) @Nullable Long schoolId, Model model, RedirectAttributes redirect) {
        // Checked before Bean Validation errors re-render the form, which lists people and units.
        Access.requireAdmin();
        if (!result.hasErrors()) {
            try {
                long id = accounts.create(form.getUsername(), form.getPassword(), form.getPersonId(), form.getDisplayName(),
                        form.grants());
                Flash.success(redirect, "user.created", form.getUsername());
                return "redirect:/admin/users/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        form.setPassword("");
        return form(model, null, schoolId);
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, @RequestParam(required = false) @Nullable Long schoolId, Model model) {
        UserAccount a = accounts.get(id);
        model.addAttribute("form", UserForm.of(a));
        return form(model, a, schoolId);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult result,
                  @RequestParam(required = false) @Nullable Long schoolId, Model model, RedirectAttributes redirect) {
        UserAccount a = accounts.get(id);
        try {
            accounts.updateRoles(id, form.getVersion(), form.getPersonId(),
                    form.getDisplayName().isBlank() ? a.displayName() : form.getDisplayName(), form.isEnabled(), form.grants());
            Flash.success(redirect, "saved");
            return "redirect:/admin/users/" + id;
        } catch (ValidationException e) {
            Forms.reject(e, result);
        } catch (StaleEditException e) {
            Forms.reject(e, result);
        }
        form.setUsername(a.username());
        return form(model, a, schoolId);
    }

    /** Sets a new password chosen by the administrator. */
    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @ModelAttribute("resetForm") ResetForm resetForm, BindingResult result,
                         Model model, RedirectAttributes redirect) {
        UserAccount a = accounts.get(id);
        try {
            accounts.resetPassword(id, resetForm.getPassword());
            Flash.success(redirect, "user.password.reset");
            return "redirect:/admin/users/" + id;
        } catch (ValidationException e) {
            Forms.reject(e, result);
        }
        resetForm.setPassword("");
        model.addAttribute("form", UserForm.of(a));
        return form(model, a, null);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            accounts.delete(id, version);
            Flash.success(redirect, "deleted");
            return "redirect:/admin/users";
        } catch (ValidationException | StaleEditException e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/admin/users/" + id;
        }
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        accounts.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, @Nullable UserAccount account, @Nullable Long schoolId) {
        Access.requireAdmin();
        model.addAttribute("account", account);
        if (!model.containsAttribute("resetForm")) {
            model.addAttribute("resetForm", new ResetForm());
        }
        List<OrgUnit> schools = units.institutions();
        model.addAttribute("schools", schools);
        Long chosen = schoolId != null ? schoolId : schools.isEmpty() ? null : schools.get(0).id();
        model.addAttribute("schoolId", chosen);
        Map<String, String> persons = new LinkedHashMap<>();
        if (account != null && account.personId() != null) {
            persons.put(String.valueOf(account.personId()), account.personName() + " · " + account.institutionName());
        }
        if (chosen != null) {
            people.ofInstitution(chosen).forEach(p -> persons.putIfAbsent(String.valueOf(p.id()), p.name() + " · " + p.institutionName()));
        }
        model.addAttribute("personOptions", persons);
        Map<String, String> regionOptions = new LinkedHashMap<>();
        units.regions().forEach(r -> regionOptions.put(String.valueOf(r.id()), r.name()));
        Map<String, String> schoolOptions = new LinkedHashMap<>();
        schools.forEach(s -> schoolOptions.put(String.valueOf(s.id()), s.name()));
        Map<String, String> groupOptions = new LinkedHashMap<>();
        if (chosen != null) {
            units.unitsOf(chosen, UnitType.GROUP, false).forEach(g -> groupOptions.put(String.valueOf(g.id()), g.name()));
        }
        model.addAttribute("unitOptions", Map.of(Role.COUNTY_RESEARCHER, regionOptions, Role.PRINCIPAL, schoolOptions,
                Role.DEPT_HEAD, schoolOptions, Role.GROUP_LEADER, groupOptions));
        model.addAttribute("roles", Role.values());
        return "account/user-form";
    }

    /** The administrator's reset-password form; the password is never echoed back. */
    public static class ResetForm {
        private String password = "";

        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password == null ? "" : password; }
    }
}
