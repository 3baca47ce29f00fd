package org.jiaoyan.assessment.web;

import org.jiaoyan.web.Typed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.assessment.Appeals;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.ResultStatus;
import org.jiaoyan.assessment.SchemeItemKind;
import org.jiaoyan.assessment.Schemes;
import org.jiaoyan.assessment.ScoreBoard;
import org.jiaoyan.assessment.Scorecard;
import org.jiaoyan.assessment.Scorecards;
import org.jiaoyan.assessment.TermResults;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.security.Access;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 学期考核 pages: the office's board (ranking, 公示 / withdraw / lock, appeal deadline, .xlsx), a teacher's or group's
 * scorecard with its lines and appeals (and .docx), the teacher's own card, and the office's leave and entries.
 */
@Controller
class ScoreController {

    private final Scorecards scorecards;
    private final Schemes schemes;
    private final TermResults results;
    private final Appeals appeals;
    private final ScorePages pages;
    private final ScoreExport export;

    ScoreController(Scorecards scorecards, Schemes schemes, TermResults results, Appeals appeals, ScorePages pages,
                    ScoreExport export) {
        this.scorecards = scorecards;
        this.schemes = schemes;
        this.results = results;
        this.appeals = appeals;
        this.pages = pages;
        this.export = export;
    }

    @GetMapping("/scorecards")
    String board(@RequestParam(required = false) @Nullable Long termId, @RequestParam(required = false) @Nullable CheckLevel level,
                 @RequestParam(required = false) @Nullable Long schoolId, Model model) {
        SchoolTerm term = pages.term(termId);
        CheckLevel l = ScorePages.level(level);
        Long mine = Access.user().institutionId();
        boolean own = schoolId == null || schoolId.equals(mine);
        ScoreBoard board = own ? scorecards.board(term.id(), l) : scorecards.board(schoolId, term.id(), l);
        boolean manage = own && schemes.canManage();
        model.addAttribute("nav", "scorecards");
        model.addAttribute("term", term);
        model.addAttribute("terms", pages.terms());
        model.addAttribute("level", l);
        model.addAttribute("levels", CheckLevel.values());
        model.addAttribute("board", board);
        model.addAttribute("canManage", manage);
        model.addAttribute("settings", own ? results.settings(term.id()) : new TermResults.Settings(null, 0));
        model.addAttribute("resultVersion", board.published() && manage ? results.resultVersion(term.id(), l) : 0);
        model.addAttribute("openAppeals", manage ? appeals.list(term.id(), Appeals.Status.OPEN).stream()
                .filter(a -> a.level() == l).count() : 0);
        return "assessment/score-board";
    }

    @GetMapping("/scorecards/export.xlsx")
    void exportBoard(@RequestParam(required = false) @Nullable Long termId, @RequestParam(required = false) @Nullable CheckLevel level,
                     Locale locale, HttpServletResponse response) throws IOException {
        SchoolTerm term = pages.term(termId);
        CheckLevel l = ScorePages.level(level);
        ScoreBoard board = scorecards.board(term.id(), l);
        List<Scorecard> cards = scorecards.cards(term.id(), l);
        export.xlsx(term, board, cards, locale, response);
    }

    @PostMapping("/scorecards/publish")
    String publish(@RequestParam long termId, @RequestParam CheckLevel level, RedirectAttributes redirect) {
        Flash.outcome(redirect, "score.published", () -> results.publish(termId, level));
        return back(termId, level);
    }

    @PostMapping("/scorecards/withdraw")
    String withdraw(@RequestParam long termId, @RequestParam CheckLevel level, @RequestParam int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "score.withdrawn", () -> results.withdraw(termId, level, version));
        return back(termId, level);
    }

    @PostMapping("/scorecards/lock")
    String lock(@RequestParam long termId, @RequestParam CheckLevel level, @RequestParam int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "score.lockedDone", () -> results.lock(termId, level, version));
        return back(termId, level);
    }

    @PostMapping("/scorecards/deadline")
    String deadline(@RequestParam long termId, @RequestParam(required = false) @Nullable CheckLevel level, @RequestParam int version,
                    @RequestParam(required = false) @Nullable String appealDeadline, RedirectAttributes redirect) {
        Flash.outcome(redirect, "score.deadlineSaved",
                () -> results.setAppealDeadline(termId, version, Typed.date("appealDeadline", appealDeadline)));
        return back(termId, ScorePages.level(level));
    }

    // --- cards -------------------------------------------------------------------------------------------------

    @GetMapping("/scorecards/{subjectId}")
    String card(@PathVariable long subjectId, @RequestParam(required = false) @Nullable Long termId,
                @RequestParam(required = false) @Nullable CheckLevel level, Model model) {
        SchoolTerm term = pages.term(termId);
        Scorecard card = scorecards.card(term.id(), ScorePages.level(level), subjectId);
        return cardView(term, card, "scorecards", model);
    }

    @GetMapping("/me/scorecard")
    String mine(@RequestParam(required = false) @Nullable Long termId, Model model) {
        SchoolTerm term = pages.term(termId);
        return cardView(term, scorecards.mine(term.id()), "my-scorecard", model);
    }

    @GetMapping("/scorecards/{subjectId}/card.docx")
    void docx(@PathVariable long subjectId, @RequestParam(required = false) @Nullable Long termId,
              @RequestParam(required = false) @Nullable CheckLevel level, Locale locale, HttpServletResponse response)
            throws IOException {
        SchoolTerm term = pages.term(termId);
        Scorecard card = scorecards.card(term.id(), ScorePages.level(level), subjectId);
        export.docx(term, card, locale, response);
    }

    private String cardView(SchoolTerm term, Scorecard card, String nav, Model model) {
        Long me = Access.user().personId();
        boolean own = card.level() == CheckLevel.TEACHERS && me != null && me == card.subjectId();
        List<Appeals.Appeal> mine = appeals.list(term.id(), null).stream()
                .filter(a -> a.level() == card.level() && a.subjectId() == card.subjectId()).toList();
        model.addAttribute("nav", nav);
        model.addAttribute("term", term);
        model.addAttribute("terms", pages.terms());
        model.addAttribute("card", card);
        model.addAttribute("own", own);
        model.addAttribute("canAppeal", own && !card.locked());
        model.addAttribute("appeals", mine);
        model.addAttribute("settings", results.settings(term.id()));
        model.addAttribute("status", card.locked() ? ResultStatus.LOCKED : card.published() ? ResultStatus.PUBLISHED : null);
        return "assessment/score-card";
    }

    // --- leave and entries -----------------------------------------------------------------------------------------

    @GetMapping("/scorecards/records")
    String records(@RequestParam(required = false) @Nullable Long termId, @RequestParam(required = false) @Nullable CheckLevel level,
                   Model model) {
        SchoolTerm term = pages.term(termId);
        CheckLevel l = ScorePages.level(level);
        if (!schemes.canManage()) {
            throw new org.jiaoyan.shared.ForbiddenException();
        }
        model.addAttribute("nav", "scorecards");
        model.addAttribute("term", term);
        model.addAttribute("terms", pages.terms());
        model.addAttribute("level", l);
        model.addAttribute("levels", CheckLevel.values());
        model.addAttribute("leaves", results.leaves(term.id()));
        model.addAttribute("entries", results.entries(term.id(), l));
        List<ScoreBoard.Entry> teachers = scorecards.board(term.id(), CheckLevel.TEACHERS).entries();
        model.addAttribute("teachers", teachers);
        model.addAttribute("subjects", l == CheckLevel.TEACHERS ? teachers : scorecards.board(term.id(), l).entries());
        var scheme = schemes.current(term.id(), l);
        model.addAttribute("entryItems", scheme.items().stream().filter(i -> i.kind() == SchemeItemKind.ENTRY).toList());
        java.util.Map<String, String> names = new java.util.HashMap<>();
        scheme.items().forEach(i -> names.put(i.code(), i.name()));
        model.addAttribute("itemNames", names);
        if (!model.containsAttribute("leaveForm")) {
            model.addAttribute("leaveForm", new RecordForms.LeaveForm());
        }
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", new RecordForms.EntryForm());
        }
        return "assessment/score-records";
    }

    @PostMapping("/scorecards/records/leave")
    String addLeave(@RequestParam long termId, @ModelAttribute("leaveForm") RecordForms.LeaveForm form, BindingResult result,
                    Model model, RedirectAttributes redirect) {
        try {
            results.addLeave(termId, Typed.parseLong(form.getPersonId()), Typed.date("from", form.getFrom()),
                    Typed.date("to", form.getTo()), form.getReason());
        } catch (ValidationException e) {
            Forms.reject(e, result);
            return records(termId, CheckLevel.TEACHERS, model);
        }
        Flash.success(redirect, "score.leave.added");
        return "redirect:/scorecards/records?termId=" + termId;
    }

    @PostMapping("/scorecards/records/leave/{id}/delete")
    String removeLeave(@PathVariable long id, @RequestParam long termId, RedirectAttributes redirect) {
        Flash.outcome(redirect, "score.leave.removed", () -> results.removeLeave(termId, id));
        return "redirect:/scorecards/records?termId=" + termId;
    }

    @PostMapping("/scorecards/records/entries")
    String addEntry(@RequestParam long termId, @RequestParam CheckLevel level, @ModelAttribute("entryForm") RecordForms.EntryForm form,
                    BindingResult result, Model model, RedirectAttributes redirect) {
        String itemCode = form.getItemCode() == null || form.getItemCode().isBlank() ? null : form.getItemCode();
        try {
            results.addEntry(termId, level, Typed.parseLong(form.getSubjectId()), itemCode, form.getTitle(),
                    Typed.date("on", form.getOn()));
        } catch (ValidationException e) {
            Forms.reject(e, result);
            return records(termId, level, model);
        }
        Flash.success(redirect, "score.entry.added");
        return "redirect:/scorecards/records?termId=" + termId + "&level=" + level;
    }

    @PostMapping("/scorecards/records/entries/{id}/delete")
    String removeEntry(@PathVariable long id, @RequestParam long termId, @RequestParam CheckLevel level, RedirectAttributes redirect) {
        Flash.outcome(redirect, "score.entry.removed", () -> results.removeEntry(termId, level, id));
        return "redirect:/scorecards/records?termId=" + termId + "&level=" + level;
    }

    private static String back(long termId, CheckLevel level) {
        return "redirect:/scorecards?termId=" + termId + "&level=" + level;
    }
}
