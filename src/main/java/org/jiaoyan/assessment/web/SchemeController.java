package org.jiaoyan.assessment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.Scheme;
import org.jiaoyan.assessment.SchemeItemKind;
import org.jiaoyan.assessment.Schemes;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 考核细则: the read view in plain words with its revisions for the school's staff; the editor for the 教科室. */
@Controller
class SchemeController {

    private final Schemes schemes;
    private final ScorePages pages;
    private final MessageSource messages;

    SchemeController(Schemes schemes, ScorePages pages, MessageSource messages) {
        this.schemes = schemes;
        this.pages = pages;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "scorecards";
    }

    @GetMapping("/scorecards/scheme")
    String view(@RequestParam(required = false) @Nullable Long termId, @RequestParam(required = false) @Nullable CheckLevel level,
                @RequestParam(required = false) @Nullable Long revision, Model model) {
        SchoolTerm term = pages.term(termId);
        CheckLevel l = ScorePages.level(level);
        Scheme current = schemes.current(term.id(), l);
        Scheme shown = revision == null ? current : schemes.revision(revision);
        model.addAttribute("term", term);
        model.addAttribute("terms", pages.terms());
        model.addAttribute("level", l);
        model.addAttribute("levels", CheckLevel.values());
        model.addAttribute("scheme", shown);
        model.addAttribute("current", current);
        model.addAttribute("history", schemes.history(term.id(), l));
        model.addAttribute("canManage", schemes.canManage());
        return "assessment/scheme-view";
    }

    @GetMapping("/scorecards/scheme/edit")
    String edit(@RequestParam(required = false) @Nullable Long termId, @RequestParam(required = false) @Nullable CheckLevel level,
                Model model) {
        requireManager();
        SchoolTerm term = pages.term(termId);
        CheckLevel l = ScorePages.level(level);
        Scheme current = schemes.current(term.id(), l);
        SchemeForm form = SchemeForm.of(Schemes.dataOf(current), current.revision());
        return editor(term, l, form, model);
    }

    @PostMapping("/scorecards/scheme/edit")
    String save(@RequestParam long termId, @RequestParam CheckLevel level, @ModelAttribute("form") SchemeForm form,
                BindingResult result, Model model, RedirectAttributes redirect) {
        requireManager();
        SchoolTerm term = pages.term(termId);
        if (result.hasErrors()) {
            return editor(term, level, form, model);
        }
        try {
            schemes.save(termId, level, form.getBasedOn(), form.data());
        } catch (ValidationException e) {
            Forms.reject(e, result);
            return editor(term, level, form, model);
        } catch (StaleEditException e) {
            result.reject("score.scheme.stale", null, "score.scheme.stale");
            model.addAttribute("latest", schemes.current(termId, level));
            return editor(term, level, form, model);
        }
        Flash.success(redirect, "score.scheme.saved");
        return "redirect:/scorecards/scheme?termId=" + termId + "&level=" + level;
    }

    private String editor(SchoolTerm term, CheckLevel level, SchemeForm form, Model model) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("term", term);
        model.addAttribute("level", level);
        model.addAttribute("form", form);
        Map<String, String> kinds = new LinkedHashMap<>();
        for (SchemeItemKind k : SchemeItemKind.values()) {
            kinds.put(k.name(), messages.getMessage(k.messageKey(), null, locale));
        }
        model.addAttribute("kinds", kinds);
        Map<String, String> metrics = new LinkedHashMap<>();
        schemes.metricsFor(level).forEach(m -> metrics.put(m.id(), messages.getMessage(m.labelKey(), null, m.id(), locale)));
        model.addAttribute("metrics", metrics);
        Map<Long, String> rules = new LinkedHashMap<>();
        schemes.rulesFor(level).forEach(r -> rules.put(r.id(), r.name()));
        model.addAttribute("rules", rules);
        model.addAttribute("history", schemes.history(term.id(), level));
        return "assessment/scheme-edit";
    }

    private void requireManager() {
        if (!schemes.canManage()) {
            throw new ForbiddenException();
        }
    }

    static List<CheckLevel> levels() {
        return List.of(CheckLevel.values());
    }
}
