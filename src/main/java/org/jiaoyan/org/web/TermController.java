package org.jiaoyan.org.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 学年学期: the term calendar with teaching weeks; administrators edit it. */
@Controller
@RequestMapping("/terms")
class TermController {

    private final Terms terms;
    private final MessageSource messages;

    TermController(Terms terms, MessageSource messages) {
        this.terms = terms;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "terms");
    }

    @GetMapping
    String list(Model model) {
        LocalDate today = LocalDate.now();
        model.addAttribute("terms", terms.all());
        model.addAttribute("current", terms.current(today).orElse(null));
        model.addAttribute("today", today);
        model.addAttribute("isAdmin", Access.user().isAdmin());
        return "org/term-list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        SchoolTerm t = terms.get(id);
        List<Week> weeks = new ArrayList<>();
        for (int n = 1; n <= t.weekCount(); n++) {
            LocalDate monday = t.weekStart(n);
            List<String> holidays = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                SchoolTerm.Holiday h = t.holidayOn(monday.plusDays(d));
                if (h != null && !holidays.contains(h.name())) {
                    holidays.add(h.name());
                }
            }
            weeks.add(new Week(n, monday, monday.plusDays(6), String.join("、", holidays)));
        }
        model.addAttribute("term", t);
        model.addAttribute("weeks", weeks);
        model.addAttribute("currentWeek", t.weekOf(LocalDate.now()));
        model.addAttribute("isAdmin", Access.user().isAdmin());
        return "org/term-detail";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        Access.requireAdmin();
        model.addAttribute("form", TermForm.blank());
        return formView(model, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") TermForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = terms.create(form.getSchoolYear(), form.getSemester(), form.getStartDate(), form.getEndDate(),
                        form.holidayList());
                Flash.success(redirect, "saved");
                return "redirect:/terms/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        form.padHolidays();
        return formView(model, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Access.requireAdmin();
        SchoolTerm t = terms.get(id);
        model.addAttribute("form", TermForm.of(t));
        return formView(model, t);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") TermForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        SchoolTerm t = terms.get(id);
        if (!result.hasErrors()) {
            try {
                terms.update(id, form.getVersion(), form.getSchoolYear(), form.getSemester(), form.getStartDate(),
                        form.getEndDate(), form.holidayList());
                Flash.success(redirect, "saved");
                return "redirect:/terms/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        form.padHolidays();
        return formView(model, t);
    }

    private String formView(Model model, @Nullable SchoolTerm existing) {
        model.addAttribute("term", existing);
        Map<String, String> semesters = new LinkedHashMap<>();
        semesters.put("1", messages.getMessage("terms.semester.1", null, LocaleContextHolder.getLocale()));
        semesters.put("2", messages.getMessage("terms.semester.2", null, LocaleContextHolder.getLocale()));
        model.addAttribute("semesters", semesters);
        return "org/term-form";
    }

    /** One teaching week: 第N周, Monday to Sunday, holidays in it. */
    record Week(int number, LocalDate monday, LocalDate sunday, String holidays) {
    }
}
