package org.jiaoyan.research.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.research.Decision;
import org.jiaoyan.research.Project;
import org.jiaoyan.research.ProjectStage;
import org.jiaoyan.research.ProjectStages;
import org.jiaoyan.research.Projects;
import org.jiaoyan.research.ResearchNotices;
import org.jiaoyan.research.ResearchNotices.Notice;
import org.jiaoyan.research.ResearchNotices.NoticeData;
import org.jiaoyan.research.ReviewForms;
import org.jiaoyan.research.ReviewForms.ItemData;
import org.jiaoyan.research.ReviewForms.ReviewForm;
import org.jiaoyan.research.Reviews;
import org.jiaoyan.research.Reviews.Review;
import org.jiaoyan.research.Reviews.ResultRow;
import org.jiaoyan.research.Reviews.Sheet;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Downloads;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
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
 * 评审 pages: a project's reviews tab (the organiser assigns reviewers and reads the scores; members read the
 * outcome), the review form designer, the reviewer's own reviews and scoring page, the results table with its
 * export, and 立项 / 结题公示.
 */
@Controller
class ReviewController {

    private final Projects projects;
    private final ProjectStages stages;
    private final ReviewForms forms;
    private final Reviews reviews;
    private final ResearchNotices notices;
    private final Attachments attachments;
    private final MessageSource messages;

    ReviewController(Projects projects, ProjectStages stages, ReviewForms forms, Reviews reviews, ResearchNotices notices,
                     Attachments attachments, MessageSource messages) {
        this.projects = projects;
        this.stages = stages;
        this.forms = forms;
        this.reviews = reviews;
        this.notices = notices;
        this.attachments = attachments;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "research");
    }

    // ---------------------------------------------------------------- a project's reviews

    @GetMapping("/projects/{id}/reviews")
    String project(@PathVariable long id, Model model) {
        return projectView(id, new AssignForm(), model);
    }

    @PostMapping("/projects/{id}/reviews")
    String assign(@PathVariable long id, @ModelAttribute("assign") AssignForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            reviews.assign(id, form.getStage(), form.getFormId(), form.getReviewerId(), form.isBlind());
            Flash.success(redirect, "researchreview.assigned");
            return "redirect:/projects/" + id + "/reviews";
        } catch (ValidationException e) {
            Forms.reject(e, result);
        }
        return projectView(id, form, model);
    }

    @PostMapping("/projects/{id}/reviews/{reviewId}/delete")
    String unassign(@PathVariable long id, @PathVariable long reviewId, RedirectAttributes redirect) {
        Flash.outcome(redirect, "researchreview.unassigned", () -> reviews.remove(reviewId));
        return "redirect:/projects/" + id + "/reviews";
    }

    private String projectView(long id, AssignForm form, Model model) {
        Project p = projects.get(id);
        boolean organiser = reviews.organises(p);
        if (form.getStage() == null) {
            form.setStage(p.stage() == ProjectStage.CONCLUSION ? ProjectStage.CONCLUSION : ProjectStage.APPLICATION);
        }
        model.addAttribute("project", p);
        model.addAttribute("organiser", organiser);
        model.addAttribute("reviews", reviews.ofProject(id));
        model.addAttribute("stageRecords", stages.stages(id).stream().filter(s -> Reviews.STAGES.contains(s.stage())).toList());
        model.addAttribute("reviewStages", Reviews.STAGES);
        model.addAttribute("assign", form);
        if (organiser) {
            model.addAttribute("candidates", reviews.candidates(id));
            model.addAttribute("forms", forms.forms(p.organizerId()));
        }
        return "research/review/project";
    }

    // ---------------------------------------------------------------- the designer

    @GetMapping("/research/review-forms")
    String formList(@RequestParam(required = false) @Nullable Long organizer, Model model) {
        long org = organizer(organizer);
        model.addAttribute("organizer", org);
        model.addAttribute("forms", forms.forms(org));
        return "research/review/forms";
    }

    @GetMapping("/research/review-forms/new")
    String newForm(@RequestParam(required = false) @Nullable Long organizer, Model model) {
        ReviewFormForm form = new ReviewFormForm();
        form.getItems().add(new ReviewFormForm.Row(null, "20"));
        return designer(null, organizer(organizer), form, model);
    }

    @GetMapping("/research/review-forms/{id}")
    String editForm(@PathVariable long id, Model model) {
        ReviewForm f = forms.get(id);
        ReviewFormForm form = new ReviewFormForm();
        form.setName(f.name());
        form.setVersion(f.version());
        f.items().forEach(i -> form.getItems().add(new ReviewFormForm.Row(i.name(), i.maxText())));
        return designer(id, f.organizerId(), form, model);
    }

    @PostMapping("/research/review-forms/new")
    String createForm(@RequestParam(required = false) @Nullable Long organizer, @RequestParam(defaultValue = "save") String op,
                      @ModelAttribute("form") ReviewFormForm form, BindingResult result, Model model,
                      RedirectAttributes redirect) {
        return saveForm(null, organizer(organizer), op, form, result, model, redirect);
    }

    @PostMapping("/research/review-forms/{id}")
    String updateForm(@PathVariable long id, @RequestParam(defaultValue = "save") String op,
                      @ModelAttribute("form") ReviewFormForm form, BindingResult result, Model model,
                      RedirectAttributes redirect) {
        return saveForm(id, forms.get(id).organizerId(), op, form, result, model, redirect);
    }

    @PostMapping("/research/review-forms/{id}/delete")
    String deleteForm(@PathVariable long id, RedirectAttributes redirect) {
        forms.delete(id);
        Flash.success(redirect, "researchreview.form.deleted");
        return "redirect:/research/review-forms";
    }

    /** The designer's buttons: add a row, remove row i, move row i up; or save. Rows move without JavaScript. */
    private String saveForm(@Nullable Long id, long organizer, String op, ReviewFormForm form, BindingResult result,
                            Model model, RedirectAttributes redirect) {
        List<ReviewFormForm.Row> rows = form.getItems();
        int i = op.contains("-") ? parseIndex(op.substring(op.indexOf('-') + 1)) : -1;
        if (op.equals("add")) {
            rows.add(new ReviewFormForm.Row());
            return designer(id, organizer, form, model);
        } else if (op.startsWith("remove-") && i >= 0 && i < rows.size()) {
            rows.remove(i);
            return designer(id, organizer, form, model);
        } else if (op.startsWith("up-") && i > 0 && i < rows.size()) {
            Collections.swap(rows, i, i - 1);
            return designer(id, organizer, form, model);
        } else if (op.startsWith("down-") && i >= 0 && i < rows.size() - 1) {
            Collections.swap(rows, i, i + 1);
            return designer(id, organizer, form, model);
        }
        try {
            List<ItemData> items = rows.stream().map(r -> new ItemData(r.getName(), r.getMaxPoints())).toList();
            long saved = forms.save(id, organizer, form.getVersion(), form.getName(), items);
            Flash.success(redirect, "researchreview.form.saved");
            return "redirect:/research/review-forms/" + saved;
        } catch (ValidationException e) {
            Forms.reject(e, result);
        } catch (StaleEditException e) {
            Forms.reject(e, result);
        }
        return designer(id, organizer, form, model);
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String designer(@Nullable Long id, long organizer, ReviewFormForm form, Model model) {
        model.addAttribute("formId", id);
        model.addAttribute("organizer", organizer);
        model.addAttribute("form", form);
        return "research/review/form-designer";
    }

    // ---------------------------------------------------------------- the reviewer

    @GetMapping("/research/reviews")
    String mine(Model model) {
        model.addAttribute("reviews", reviews.mine());
        return "research/review/mine";
    }

    @GetMapping("/research/reviews.xlsx")
    ResponseEntity<byte[]> mineXlsx(Locale locale) throws IOException {
        List<String> header = List.of(t("researchreview.col.code", locale), t("researchreview.col.title", locale),
                t("researchreview.col.lead", locale), t("researchreview.col.school", locale),
                t("researchreview.col.stage", locale), t("researchreview.col.total", locale),
                t("researchreview.col.recommendation", locale), t("researchreview.col.submittedAt", locale));
        String title = t("researchreview.mine.title", locale);
        try (WorkbookWriter w = WorkbookWriter.sheet(title).header(header)) {
            for (Review r : reviews.mine()) {
                w.row(java.util.Arrays.asList(r.projectCode(), r.projectTitle(),
                        r.leadName() == null ? t("researchreview.hidden", locale) : r.leadName(),
                        r.schoolName() == null ? t("researchreview.hidden", locale) : r.schoolName(),
                        t(r.stage().messageKey(), locale), r.total(),
                        r.recommendation() == null ? null : t(r.recommendation().messageKey(), locale),
                        r.submittedAt()));
            }
            return xlsx(w, title);
        }
    }

    @GetMapping("/research/reviews/{id}")
    String sheet(@PathVariable long id, Model model) {
        Sheet s = reviews.sheet(id);
        ScoreForm form = new ScoreForm();
        form.setVersion(s.review().version());
        form.setOpinion(s.review().opinion());
        form.setRecommendation(s.review().recommendation());
        s.form().items().forEach(i -> form.getPoints().put(i.id(),
                s.scores().containsKey(i.id()) ? s.scores().get(i.id()).stripTrailingZeros().toPlainString() : null));
        return sheetView(s, form, model);
    }

    @PostMapping("/research/reviews/{id}")
    String submit(@PathVariable long id, @ModelAttribute("form") ScoreForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            reviews.submit(id, form.getVersion(), form.getPoints(), form.getOpinion(), form.getRecommendation());
            Flash.success(redirect, "researchreview.submitted");
            return "redirect:/research/reviews";
        } catch (ValidationException e) {
            Forms.reject(e, result);
        } catch (StaleEditException e) {
            Forms.reject(e, result);
        }
        return sheetView(reviews.sheet(id), form, model);
    }

    private String sheetView(Sheet s, ScoreForm form, Model model) {
        model.addAttribute("sheet", s);
        model.addAttribute("form", form);
        model.addAttribute("decisions", Decision.values());
        return "research/review/sheet";
    }

    @GetMapping("/research/reviews/{reviewId}/documents/{attachmentId}")
    ResponseEntity<InputStreamResource> document(@PathVariable long reviewId, @PathVariable long attachmentId) throws IOException {
        return attachments.download(reviews.document(reviewId, attachmentId));
    }

    // ---------------------------------------------------------------- results

    @GetMapping("/research/review-results")
    String results(@RequestParam(required = false) @Nullable Long organizer,
                   @RequestParam(defaultValue = "APPLICATION") ProjectStage stage,
                   @RequestParam(required = false) @Nullable Long round, Model model) {
        long org = organizer(organizer);
        model.addAttribute("organizer", org);
        model.addAttribute("stage", stage);
        model.addAttribute("round", round);
        model.addAttribute("rounds", reviews.rounds(org));
        model.addAttribute("reviewStages", Reviews.STAGES);
        model.addAttribute("rows", reviews.results(org, stage, round));
        return "research/review/results";
    }

    @GetMapping("/research/review-results.xlsx")
    ResponseEntity<byte[]> resultsXlsx(@RequestParam(required = false) @Nullable Long organizer,
                                       @RequestParam(defaultValue = "APPLICATION") ProjectStage stage,
                                       @RequestParam(required = false) @Nullable Long round, Locale locale) throws IOException {
        long org = organizer(organizer);
        List<ResultRow> rows = reviews.results(org, stage, round);
        String title = t("researchreview.results.title", locale) + "（" + t(stage.messageKey(), locale) + "）";
        List<String> header = List.of(t("researchreview.col.rank", locale), t("researchreview.col.code", locale),
                t("researchreview.col.title", locale), t("researchreview.col.lead", locale),
                t("researchreview.col.school", locale), t("researchreview.col.totals", locale),
                t("researchreview.col.average", locale), t("researchreview.col.recommendations", locale));
        try (WorkbookWriter w = WorkbookWriter.sheet(title).header(header)) {
            int n = 1;
            for (ResultRow r : rows) {
                String totals = r.reviews().stream().map(v -> v.reviewerName() + " "
                        + (v.total() == null ? t("researchreview.notSubmitted", locale) : v.total().toPlainString()))
                        .collect(Collectors.joining("；"));
                String recs = r.recommendations().entrySet().stream()
                        .map(e -> t(e.getKey().messageKey(), locale) + " " + e.getValue()).collect(Collectors.joining("，"));
                w.row(java.util.Arrays.asList(n++, r.projectCode(), r.project().title(), r.project().leadName(),
                        r.project().institutionName(), totals, r.average(), recs));
            }
            return xlsx(w, title);
        }
    }

    // ---------------------------------------------------------------- notices

    @GetMapping("/research/notices")
    String noticeList(Model model) {
        model.addAttribute("notices", notices.list());
        model.addAttribute("today", LocalDate.now());
        Long inst = Access.user().institutionId();
        model.addAttribute("canPublish", inst != null && projects.runsOrganizer(inst));
        return "research/review/notices";
    }

    @GetMapping("/research/notices/{id}")
    String notice(@PathVariable long id, Model model) {
        Notice n = notices.get(id);
        model.addAttribute("notice", n);
        model.addAttribute("canManage", notices.canManage(n));
        model.addAttribute("today", LocalDate.now());
        return "research/review/notice";
    }

    @PostMapping("/research/notices/{id}/delete")
    String deleteNotice(@PathVariable long id, RedirectAttributes redirect) {
        notices.delete(id);
        Flash.success(redirect, "researchreview.notice.deleted");
        return "redirect:/research/notices";
    }

    @GetMapping("/research/notices/new")
    String newNotice(@RequestParam(required = false) @Nullable Long organizer,
                     @RequestParam(defaultValue = "APPLICATION") ProjectStage stage,
                     @RequestParam(required = false) @Nullable Long round,
                     @RequestParam(required = false) @Nullable List<Long> projectIds, Locale locale, Model model) {
        long org = organizer(organizer);
        NoticeForm form = new NoticeForm();
        form.setStage(stage);
        form.setRoundId(round);
        form.setPublishFrom(LocalDate.now());
        form.setPublishUntil(LocalDate.now().plusDays(6));
        form.setTitle(t(stage == ProjectStage.CONCLUSION ? "researchreview.notice.defaultConclusion"
                : "researchreview.notice.defaultApplication", locale));
        if (projectIds != null) {
            form.setProjectIds(new ArrayList<>(projectIds));
        }
        return noticeForm(org, form, model);
    }

    @PostMapping("/research/notices/new")
    String publish(@RequestParam(required = false) @Nullable Long organizer, @ModelAttribute("form") NoticeForm form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        long org = organizer(organizer);
        try {
            long id = notices.publish(new NoticeData(org, form.getRoundId(), form.getStage(), form.getTitle(), form.getBody(),
                    form.getPublishFrom(), form.getPublishUntil(), form.getProjectIds()));
            Flash.success(redirect, "researchreview.notice.published");
            return "redirect:/research/notices/" + id;
        } catch (ValidationException e) {
            Forms.reject(e, result);
        }
        return noticeForm(org, form, model);
    }

    private String noticeForm(long organizer, NoticeForm form, Model model) {
        ProjectStage stage = form.getStage() == null ? ProjectStage.APPLICATION : form.getStage();
        List<ResultRow> rows = reviews.results(organizer, stage, form.getRoundId());
        model.addAttribute("organizer", organizer);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("reviewStages", Reviews.STAGES);
        return "research/review/notice-form";
    }

    // ---------------------------------------------------------------- helpers

    /** The organiser the pages work for: the one asked for, else the user's own institution; 403 when not run by the user. */
    private long organizer(@Nullable Long organizer) {
        Long org = organizer != null ? organizer : Access.user().institutionId();
        if (org == null || !projects.runsOrganizer(org)) {
            throw new ForbiddenException();
        }
        return org;
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static ResponseEntity<byte[]> xlsx(WorkbookWriter w, String title) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.writeTo(out);
        return Downloads.attachment(Downloads.safeName(title, ".xlsx"), Downloads.XLSX, out.toByteArray());
    }
}
