package org.jiaoyan.assessment.web;

import org.jiaoyan.web.Typed;

import java.io.IOException;
import org.jiaoyan.assessment.Appeals;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.Schemes;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.security.Access;
import org.jiaoyan.web.Flash;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 申诉: the office's list (open first) with accept and reject, a teacher's own appeals, filing from a card, the file. */
@Controller
class AppealController {

    private final Appeals appeals;
    private final Schemes schemes;
    private final ScorePages pages;
    private final Attachments attachments;

    AppealController(Appeals appeals, Schemes schemes, ScorePages pages, Attachments attachments) {
        this.attachments = attachments;
        this.appeals = appeals;
        this.schemes = schemes;
        this.pages = pages;
    }

    @GetMapping("/appeals")
    String list(@RequestParam(required = false) @Nullable Long termId, @RequestParam(required = false) Appeals.@Nullable Status status,
                Model model) {
        SchoolTerm term = pages.term(termId);
        model.addAttribute("nav", "appeals");
        model.addAttribute("term", term);
        model.addAttribute("terms", pages.terms());
        model.addAttribute("status", status);
        model.addAttribute("statuses", Appeals.Status.values());
        model.addAttribute("appeals", appeals.list(term.id(), status));
        model.addAttribute("canManage", schemes.canManage());
        return "assessment/appeal-list";
    }

    /** Where a card's accepted-appeal line links to: the appeal in the list. */
    @GetMapping("/appeals/{id}")
    String show(@PathVariable long id) {
        Appeals.Appeal a = appeals.get(id);
        return "redirect:/appeals?termId=" + a.termId() + "#appeal-" + id;
    }

    @PostMapping("/appeals")
    String file(@RequestParam long termId, @RequestParam CheckLevel level, @RequestParam long subjectId,
                @RequestParam(required = false) @Nullable String itemCode, @RequestParam(required = false) @Nullable String lineText,
                @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable MultipartFile file,
                RedirectAttributes redirect) throws IOException {
        Appeals.Attachment attachment = null;
        if (file != null && !file.isEmpty()) {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "file" : file.getOriginalFilename();
            attachment = new Appeals.Attachment(name, file.getInputStream());
        }
        Appeals.Attachment a = attachment;
        Flash.outcome(redirect, "score.appeal.filed", () -> appeals.file(termId, level, subjectId, itemCode,
                lineText == null || lineText.isBlank() ? null : lineText, reason, a));
        Long me = Access.user().personId();
        if (level == CheckLevel.TEACHERS && me != null && me == subjectId) {
            return "redirect:/me/scorecard?termId=" + termId;
        }
        return "redirect:/scorecards/" + subjectId + "?termId=" + termId + "&level=" + level;
    }

    @PostMapping("/appeals/{id}/accept")
    String accept(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String delta,
                  @RequestParam(required = false) @Nullable String resolution, RedirectAttributes redirect) {
        Appeals.Appeal a = appeals.get(id);
        Flash.outcome(redirect, "score.appeal.accepted", () -> appeals.accept(id, version, Typed.parseDouble(delta), resolution));
        return "redirect:/appeals?termId=" + a.termId();
    }

    @PostMapping("/appeals/{id}/reject")
    String reject(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String resolution,
                  RedirectAttributes redirect) {
        Appeals.Appeal a = appeals.get(id);
        Flash.outcome(redirect, "score.appeal.rejected", () -> appeals.reject(id, version, resolution));
        return "redirect:/appeals?termId=" + a.termId();
    }

    @GetMapping("/appeals/{id}/file")
    ResponseEntity<InputStreamResource> download(@PathVariable long id) throws IOException {
        return attachments.download(appeals.file(id));
    }
}
