package org.jiaoyan.assessment.web;

import org.jiaoyan.web.Typed;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.assessment.CheckCriterion;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.CheckNotice;
import org.jiaoyan.assessment.CheckNoticeDocx;
import org.jiaoyan.assessment.CheckNotices;
import org.jiaoyan.assessment.CheckRounds;
import org.jiaoyan.assessment.CheckSheet;
import org.jiaoyan.assessment.CheckStatus;
import org.jiaoyan.assessment.ScoreInput;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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

/**
 * 月查 pages: the list, a new round, the scoring sheet with its criteria, 通报 and steps, the published ranking; the
 * 通报 as staff read it (a phone page) and as a Word file. A reader who may not see a teachers' whole ranking is
 * sent from the sheet to the 通报, which shows their own line.
 */
@Controller
@RequestMapping("/checks")
class CheckRoundController {

    private final CheckRounds rounds;
    private final CheckNotices notices;
    private final CheckNoticeDocx docx;
    private final MessageSource messages;

    CheckRoundController(CheckRounds rounds, CheckNotices notices, CheckNoticeDocx docx, MessageSource messages) {
        this.rounds = rounds;
        this.notices = notices;
        this.docx = docx;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "checks";
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String month, @RequestParam(required = false) @Nullable CheckLevel level,
                @RequestParam(required = false) @Nullable CheckStatus status, @RequestParam(required = false) @Nullable Integer page,
                Model model) {
        YearMonth m = null;
        if (month != null && !month.isBlank()) {
            try {
                m = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                m = null;
            }
        }
        model.addAttribute("page", rounds.list(m, level, status, PageQuery.of(page, 20, null, null)));
        model.addAttribute("month", m == null ? "" : m.toString());
        model.addAttribute("level", level);
        model.addAttribute("status", status);
        model.addAttribute("levels", CheckLevel.values());
        model.addAttribute("statuses", CheckStatus.values());
        model.addAttribute("canCreate", rounds.canRunGroupRounds() || !rounds.myGroups().isEmpty());
        return "assessment/round-list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        CheckRoundForm form = new CheckRoundForm();
        YearMonth last = YearMonth.now().minusMonths(1);
        form.setMonth(last);
        boolean groups = rounds.canRunGroupRounds();
        form.setLevel(groups ? CheckLevel.GROUPS : CheckLevel.TEACHERS);
        if (!groups && rounds.myGroups().size() == 1) {
            form.setGroupId(rounds.myGroups().keySet().iterator().next());
        }
        form.setTitle(messages.getMessage("assessment.round.defaultTitle", new Object[] {last.getYear(), last.getMonthValue()},
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return formView(form, model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") CheckRoundForm form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            return formView(form, model);
        }
        try {
            long id = rounds.create(form.data());
            return "redirect:/checks/" + id;
        } catch (ValidationException e) {
            Forms.reject(e, result);
            return formView(form, model);
        }
    }

    private String formView(CheckRoundForm form, Model model) {
        model.addAttribute("form", form);
        Map<String, String> levels = new LinkedHashMap<>();
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (rounds.canRunGroupRounds()) {
            levels.put(CheckLevel.GROUPS.name(), messages.getMessage(CheckLevel.GROUPS.messageKey(), null, locale));
        }
        if (!rounds.myGroups().isEmpty()) {
            levels.put(CheckLevel.TEACHERS.name(), messages.getMessage(CheckLevel.TEACHERS.messageKey(), null, locale));
        }
        model.addAttribute("levelOptions", levels);
        model.addAttribute("groupOptions", rounds.myGroups());
        return "assessment/round-form";
    }

    @GetMapping("/{id}")
    String sheet(@PathVariable long id, Model model) {
        CheckSheet sheet = rounds.sheet(id);
        if (!notices.wholeRanking(sheet)) {
            return "redirect:/checks/" + id + "/notice";
        }
        return sheetView(sheet, Map.of(), Map.of(), List.of(), model);
    }

    /** The 通报 as staff read it: title, 文号, body, the ranking (or the reader's own line) and the date. */
    @GetMapping("/{id}/notice")
    String notice(@PathVariable long id, Locale locale, Model model) {
        CheckNotice n = notices.notice(id);
        model.addAttribute("n", n);
        model.addAttribute("r", n.round());
        model.addAttribute("organ", docx.organ(n, locale));
        model.addAttribute("date", n.dateOr(java.time.LocalDate.now()));
        return "assessment/round-notice";
    }

    @GetMapping("/{id}/notice.docx")
    ResponseEntity<byte[]> noticeDocx(@PathVariable long id, @ModelAttribute NoticeDocxOptions options, Locale locale) {
        return CheckApi.notice(docx.write(id, options.isRedHeader(), locale));
    }

    private String sheetView(long id, Map<String, String> typed, Map<String, String> cellErrors, List<String> errors, Model model) {
        return sheetView(rounds.sheet(id), typed, cellErrors, errors, model);
    }

    private String sheetView(CheckSheet sheet, Map<String, String> typed, Map<String, String> cellErrors, List<String> errors,
                             Model model) {
        long id = sheet.round().id();
        model.addAttribute("sheet", sheet);
        model.addAttribute("r", sheet.round());
        model.addAttribute("typed", typed);
        model.addAttribute("cellErrors", cellErrors);
        model.addAttribute("errors", errors);
        model.addAttribute("rules", sheet.editable() ? rounds.rulesFor(id) : List.of());
        return "assessment/round-sheet";
    }

    /** Manual scores: fields s_{criterion}_{subject} and c_{criterion}_{subject}; refusals are shown at their cell. */
    @PostMapping("/{id}/scores")
    String scores(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        int version = parseInt(params.get("version"));
        CheckSheet sheet = rounds.sheet(id);
        List<ScoreInput> inputs = new ArrayList<>();
        Map<String, String> cellErrors = new HashMap<>();
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        for (CheckCriterion c : sheet.criteria()) {
            if (c.fromRule()) {
                continue;
            }
            for (CheckSheet.Line l : sheet.lines()) {
                String field = ScoreInput.field(c.id(), l.subjectId());
                if (!params.containsKey(field)) {
                    continue;
                }
                String raw = params.get(field).strip();
                Double score = null;
                if (!raw.isEmpty()) {
                    try {
                        score = Double.valueOf(raw);
                    } catch (NumberFormatException e) {
                        cellErrors.put(field, messages.getMessage("typeMismatch", null, locale));
                        continue;
                    }
                }
                inputs.add(new ScoreInput(c.id(), l.subjectId(), score, params.get("c" + field.substring(1))));
            }
        }
        List<String> errors = new ArrayList<>();
        if (cellErrors.isEmpty()) {
            try {
                rounds.score(id, version, inputs);
                Flash.success(redirect, "assessment.scores.saved");
                return "redirect:/checks/" + id;
            } catch (ValidationException e) {
                for (ValidationException.FieldProblem p : e.problems()) {
                    String text = messages.getMessage(p.messageKey(), p.args(), locale);
                    if (p.field() == null) {
                        errors.add(text);
                    } else {
                        cellErrors.put(p.field(), text);
                    }
                }
            } catch (StaleEditException e) {
                errors.add(messages.getMessage(e.messageKey(), null, locale));
            }
        }
        if (!cellErrors.isEmpty() && errors.isEmpty()) {
            errors.add(messages.getMessage("form.hasErrors", null, locale));
        }
        return sheetView(id, params, cellErrors, errors, model);
    }

    @PostMapping("/{id}/criteria/rule")
    String addRule(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String ruleId,
                   @RequestParam(required = false) @Nullable String maxScore, RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.criterion.added",
                () -> rounds.addRuleCriterion(id, version, Typed.parseLong(ruleId), Typed.parseDouble(maxScore)));
        return "redirect:/checks/" + id;
    }

    @PostMapping("/{id}/criteria/manual")
    String addManual(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String name,
                     @RequestParam(required = false) @Nullable String maxScore, RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.criterion.added", () -> rounds.addManualCriterion(id, version, name, Typed.parseDouble(maxScore)));
        return "redirect:/checks/" + id;
    }

    @PostMapping("/{id}/criteria/{criterionId}/delete")
    String removeCriterion(@PathVariable long id, @PathVariable long criterionId, @RequestParam int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.criterion.removed", () -> rounds.removeCriterion(id, version, criterionId));
        return "redirect:/checks/" + id;
    }

    @PostMapping("/{id}/notice")
    String notice(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String title,
                  @RequestParam(required = false) @Nullable String docNumber, @RequestParam(required = false) @Nullable String noticeText,
                  RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.notice.saved", () -> rounds.updateNotice(id, version, title, docNumber, noticeText));
        return "redirect:/checks/" + id;
    }

    @PostMapping("/{id}/refresh")
    String refresh(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.rules.refreshed", () -> rounds.refreshRules(id, version));
        return "redirect:/checks/" + id;
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.step.submitted", () -> rounds.submit(id, version));
        return "redirect:/checks/" + id;
    }

    @PostMapping("/{id}/return")
    String returnToDraft(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.step.returned", () -> rounds.returnToDraft(id, version));
        return "redirect:/checks/" + id;
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.step.published", () -> rounds.publish(id, version));
        return "redirect:/checks/" + id;
    }

    @PostMapping("/{id}/correct")
    String correct(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String reason,
                   RedirectAttributes redirect) {
        Flash.outcome(redirect, "assessment.step.corrected", () -> rounds.correct(id, version, reason));
        return "redirect:/checks/" + id;
    }

    private static int parseInt(@Nullable String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
