package org.jiaoyan.research.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jiaoyan.research.ProjectLevel;
import org.jiaoyan.research.Projects;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 申报批次: the rounds the user's own institution runs (a school's 教科室 for school rounds, the county's researchers
 * for the county's, e.g. 第七届县级个人课题); projects then apply in a round and its organiser decides them. The
 * organiser edits a round, deletes an empty one to the recycle bin below the list and restores it from there.
 */
@Controller
@RequestMapping("/research/rounds")
class RoundController {

    private final Projects projects;
    private final MessageSource messages;

    RoundController(Projects projects, MessageSource messages) {
        this.projects = projects;
        this.messages = messages;
    }

    @InitBinder({"roundForm", "newRound"})
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(Model model) {
        return listView(new RoundForm(), model);
    }

    /** The list with the new-round form above it (empty, or as typed with its errors at the fields). */
    private String listView(RoundForm newRound, Model model) {
        long organizer = organizer();
        model.addAttribute("nav", "research");
        model.addAttribute("rounds", projects.roundsRunBy(organizer));
        model.addAttribute("deleted", projects.deletedRounds(organizer));
        model.addAttribute("levels", levels());
        model.addAttribute("newRound", newRound);
        return "research/rounds";
    }

    private Map<String, String> levels() {
        Map<String, String> levels = new LinkedHashMap<>();
        for (ProjectLevel l : ProjectLevel.values()) {
            levels.put(l.name(), messages.getMessage(l.messageKey(), null, LocaleContextHolder.getLocale()));
        }
        return levels;
    }

    /** A new round; refused, the list page comes back with the form as typed and the reason at its field. */
    @PostMapping
    String create(@ModelAttribute("newRound") RoundForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        long organizer = organizer();
        if (form.getLevel() == null && !result.hasFieldErrors("level")) {
            result.rejectValue("level", "research.round.levelRequired");
        }
        if (!result.hasErrors()) {
            try {
                projects.createRound(organizer, form.getName() == null ? "" : form.getName(), form.getLevel(),
                        form.getApplyUntil());
                Flash.success(redirect, "research.round.saved");
                return "redirect:/research/rounds";
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return listView(form, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Projects.RoundRow r = projects.round(id);
        return editView(r, RoundForm.of(r), model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("roundForm") RoundForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Projects.RoundRow r = projects.round(id);
        if (form.getLevel() == null && !result.hasFieldErrors("level")) {
            result.rejectValue("level", "research.round.levelRequired");
        }
        if (!result.hasErrors()) {
            try {
                projects.updateRound(id, form.getVersion(), form.getName() == null ? "" : form.getName(), form.getLevel(),
                        form.getApplyUntil());
                Flash.success(redirect, "research.round.updated");
                return "redirect:/research/rounds";
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return editView(r, form, model);
    }

    private String editView(Projects.RoundRow r, RoundForm form, Model model) {
        model.addAttribute("nav", "research");
        model.addAttribute("round", r);
        model.addAttribute("roundForm", form);
        model.addAttribute("levels", levels());
        return "research/round-edit";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "research.round.deleted", () -> projects.deleteRound(id, version));
        return "redirect:/research/rounds";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        Flash.outcome(redirect, "research.round.restored", () -> projects.restoreRound(id));
        return "redirect:/research/rounds";
    }

    /** The user's own institution when they run it (its 教科室, a county researcher's 教研室); else 404. */
    private long organizer() {
        Long own = Access.user().institutionId();
        if (own == null || !projects.runsOrganizer(own)) {
            throw new NotFoundException();
        }
        return own;
    }
}
