package org.jiaoyan.research.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.research.MaterialBoard;
import org.jiaoyan.research.MaterialCalendar;
import org.jiaoyan.research.Project;
import org.jiaoyan.research.ProjectLevel;
import org.jiaoyan.research.ProjectMember;
import org.jiaoyan.research.ProjectStage;
import org.jiaoyan.research.ProjectWork;
import org.jiaoyan.research.ProjectWork.Upload;
import org.jiaoyan.research.Projects;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Downloads;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 过程管理 of a project (/projects/{id}/work: weekly plan, monthly material, study log, papers, inspections, the
 * 课题组's activities) and the material board of all projects (/research/materials, .xlsx). Forms post back and
 * redirect; a refused form re-renders the page with what was typed.
 */
@Controller
class ProjectWorkController {

    private final ProjectWork work;
    private final Projects projects;
    private final MaterialBoard board;
    private final Attachments attachments;
    private final MessageSource messages;

    ProjectWorkController(ProjectWork work, Projects projects, MaterialBoard board, Attachments attachments,
                          MessageSource messages) {
        this.work = work;
        this.projects = projects;
        this.board = board;
        this.attachments = attachments;
        this.messages = messages;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    // ---------------------------------------------------------------- the page

    @GetMapping("/projects/{id}/work")
    String page(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
                @RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable Long term,
                Model model) {
        Project p = projects.get(id);
        if (week != null && !model.containsAttribute("weekForm")) {
            WeekForm f = new WeekForm();
            f.setWeekStart(week);
            work.week(id, week).ifPresent(w -> {
                f.setContent(w.content());
                f.setPersonId(w.personId());
                f.setDone(w.done());
                f.setVersion(w.version());
            });
            model.addAttribute("weekForm", f);
        }
        return render(p, year, term, model);
    }

    private String render(Project p, @Nullable Integer year, @Nullable Long termId, Model model) {
        LocalDate today = LocalDate.now();
        List<SchoolTerm> terms = work.terms();
        SchoolTerm term = termId == null
                ? terms.stream().filter(t -> t.contains(today)).findFirst()
                        .orElse(terms.stream().filter(t -> t.startDate().isAfter(today)).reduce((a, b) -> b).orElse(null))
                : terms.stream().filter(t -> t.id() == termId).findFirst().orElse(null);
        YearMonth yearStart = year == null ? MaterialCalendar.schoolYearStart(today) : YearMonth.of(year, 9);
        boolean edit = projects.canEdit(p);
        List<ProjectMember> members = projects.members(p.id());
        model.addAttribute("project", p);
        model.addAttribute("canEdit", edit);
        model.addAttribute("office", work.canInspect(p));
        model.addAttribute("members", members);
        model.addAttribute("terms", terms);
        model.addAttribute("term", term);
        model.addAttribute("weeks", work.weeks(p.id(), term));
        model.addAttribute("year", yearStart.getYear());
        model.addAttribute("months", work.materialMonths(p.id(), yearStart, today));
        model.addAttribute("studies", work.studies(p.id()));
        model.addAttribute("papers", work.papers(p.id()));
        model.addAttribute("inspections", work.inspections(p.id()));
        model.addAttribute("activities", work.activities(p.id(), 10));
        model.addAttribute("today", today);
        Long me = Access.user().personId();
        model.addAttribute("me", me);
        boolean member = me != null && members.stream().anyMatch(m -> m.personId() == me);
        model.addAttribute("canPaper", edit || (member && p.stage() != ProjectStage.CLOSED && p.stage() != ProjectStage.REJECTED));
        model.addAttribute("paperPeople", edit ? members : members.stream().filter(m -> me != null && m.personId() == me).toList());
        if (!model.containsAttribute("weekForm")) {
            model.addAttribute("weekForm", new WeekForm());
        }
        if (!model.containsAttribute("materialForm")) {
            MaterialForm f = new MaterialForm();
            f.setMonth(YearMonth.from(today));
            model.addAttribute("materialForm", f);
        }
        if (!model.containsAttribute("studyForm")) {
            StudyForm f = new StudyForm();
            f.setStudiedOn(today);
            model.addAttribute("studyForm", f);
        }
        if (!model.containsAttribute("paperForm")) {
            PaperForm f = new PaperForm();
            f.setPersonId(me);
            f.setTermId(term == null ? null : term.id());
            model.addAttribute("paperForm", f);
        }
        if (!model.containsAttribute("inspectionForm")) {
            InspectionForm f = new InspectionForm();
            f.setInspectedOn(today);
            model.addAttribute("inspectionForm", f);
        }
        if (!model.containsAttribute("resolveForm")) {
            ResolveForm f = new ResolveForm();
            f.setResolvedOn(today);
            model.addAttribute("resolveForm", f);
        }
        return "research/work/work";
    }

    private String back(long id, String section) {
        return "redirect:/projects/" + id + "/work#" + section;
    }

    // ---------------------------------------------------------------- weekly plan

    @PostMapping("/projects/{id}/work/weeks")
    String saveWeek(@PathVariable long id, @ModelAttribute("weekForm") WeekForm form, BindingResult result, Model model,
                    RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                work.saveWeek(id, form.getWeekStart(), form.getContent(), form.getPersonId(), form.isDone(), form.getVersion());
                Flash.success(redirect, "saved");
                return back(id, "weeks");
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return render(projects.get(id), null, null, model);
    }

    @PostMapping("/projects/{id}/work/weeks/{planId}/delete")
    String deleteWeek(@PathVariable long id, @PathVariable long planId, @RequestParam(defaultValue = "-1") int version,
                      RedirectAttributes redirect) {
        Flash.outcome(redirect, "researchwork.week.deleted", () -> work.deleteWeek(id, planId, version));
        return back(id, "weeks");
    }

    // ---------------------------------------------------------------- material

    @PostMapping("/projects/{id}/work/materials")
    String fileMaterial(@PathVariable long id, @ModelAttribute("materialForm") MaterialForm form, BindingResult result,
                        @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
                        RedirectAttributes redirect) throws IOException {
        if (!result.hasErrors()) {
            List<Upload> uploads = new ArrayList<>();
            List<InputStream> open = new ArrayList<>();
            try {
                for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
                    if (!f.isEmpty()) {
                        InputStream in = f.getInputStream();
                        open.add(in);
                        uploads.add(new Upload(f.getOriginalFilename() == null ? "file" : f.getOriginalFilename(), in));
                    }
                }
                work.fileMaterial(id, form.getMonth() == null ? null : form.getMonth().atDay(1), form.getTitle(),
                        form.getNote(), form.getFiledOn(), uploads);
                Flash.success(redirect, "researchwork.material.filed");
                return back(id, "materials");
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } finally {
                for (InputStream in : open) {
                    in.close();
                }
            }
        }
        return render(projects.get(id), null, null, model);
    }

    @PostMapping("/projects/{id}/work/materials/{materialId}/delete")
    String deleteMaterial(@PathVariable long id, @PathVariable long materialId, RedirectAttributes redirect) {
        work.deleteMaterial(id, materialId);
        Flash.success(redirect, "deleted");
        return back(id, "materials");
    }

    // ---------------------------------------------------------------- study log

    @PostMapping("/projects/{id}/work/studies")
    String addStudy(@PathVariable long id, @ModelAttribute("studyForm") StudyForm form, BindingResult result, Model model,
                    RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                work.addStudy(id, form.getStudiedOn(), form.getTopic(), form.getReading(), form.getNotes(), form.getAttendees());
                Flash.success(redirect, "saved");
                return back(id, "studies");
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return render(projects.get(id), null, null, model);
    }

    @PostMapping("/projects/{id}/work/studies/{studyId}/delete")
    String deleteStudy(@PathVariable long id, @PathVariable long studyId, RedirectAttributes redirect) {
        work.deleteStudy(id, studyId);
        Flash.success(redirect, "deleted");
        return back(id, "studies");
    }

    // ---------------------------------------------------------------- papers

    @PostMapping("/projects/{id}/work/papers")
    String addPaper(@PathVariable long id, @ModelAttribute("paperForm") PaperForm form, BindingResult result,
                    @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
                    RedirectAttributes redirect) throws IOException {
        if (!result.hasErrors()) {
            try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
                Upload upload = in == null ? null : new Upload(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(), in);
                work.addPaper(id, form.getPersonId(), form.getTermId(), form.getTitle(), form.getWrittenOn(),
                        form.getPublishedIn(), upload);
                Flash.success(redirect, "saved");
                return back(id, "papers");
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return render(projects.get(id), null, null, model);
    }

    @PostMapping("/projects/{id}/work/papers/{paperId}/delete")
    String deletePaper(@PathVariable long id, @PathVariable long paperId, RedirectAttributes redirect) {
        work.deletePaper(id, paperId);
        Flash.success(redirect, "deleted");
        return back(id, "papers");
    }

    // ---------------------------------------------------------------- inspections

    @PostMapping("/projects/{id}/work/inspections")
    String inspect(@PathVariable long id, @ModelAttribute("inspectionForm") InspectionForm form, BindingResult result,
                   Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                work.inspect(id, form.getInspectedOn(), form.getFindings(), form.getFollowUp(), form.getFollowUpDue());
                Flash.success(redirect, "saved");
                return back(id, "inspections");
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return render(projects.get(id), null, null, model);
    }

    @PostMapping("/projects/{id}/work/inspections/{inspectionId}/resolve")
    String resolve(@PathVariable long id, @PathVariable long inspectionId, @ModelAttribute("resolveForm") ResolveForm form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        form.setInspectionId(inspectionId);
        if (!result.hasErrors()) {
            try {
                work.resolve(id, inspectionId, form.getVersion() == null ? -1 : form.getVersion(), form.getResolvedOn(),
                        form.getResolution());
                Flash.success(redirect, "saved");
                return back(id, "inspections");
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return render(projects.get(id), null, null, model);
    }

    @PostMapping("/projects/{id}/work/inspections/{inspectionId}/delete")
    String deleteInspection(@PathVariable long id, @PathVariable long inspectionId, RedirectAttributes redirect) {
        work.deleteInspection(id, inspectionId);
        Flash.success(redirect, "deleted");
        return back(id, "inspections");
    }

    // ---------------------------------------------------------------- files

    @GetMapping("/projects/{id}/work/files/{attachmentId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long attachmentId) throws IOException {
        return attachments.download(work.file(id, attachmentId));
    }

    // ---------------------------------------------------------------- the board

    @GetMapping("/research/materials")
    String board(@RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable ProjectLevel level,
                 @RequestParam(required = false) @Nullable ProjectStage stage,
                 @RequestParam(required = false) @Nullable YearMonth from,
                 @RequestParam(required = false) @Nullable YearMonth to,
                 Model model, @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        MaterialBoard.Filter f = filter(school, level, stage, from, to);
        try {
            model.addAttribute("board", board.board(f, LocalDate.now()));
        } catch (ValidationException e) {
            model.addAttribute("rangeError", e.problems().get(0).messageKey());
            model.addAttribute("board", board.board(MaterialBoard.Filter.schoolYear(LocalDate.now()), LocalDate.now()));
        }
        model.addAttribute("levels", ProjectLevel.values());
        model.addAttribute("stages", List.of(ProjectStage.OPENING, ProjectStage.MIDTERM, ProjectStage.CONCLUSION,
                ProjectStage.DISSEMINATION, ProjectStage.CLOSED));
        model.addAttribute("states", MaterialCalendar.MonthState.values());
        return hx != null ? "research/work/board :: board" : "research/work/board";
    }

    @GetMapping("/research/materials.xlsx")
    ResponseEntity<byte[]> boardXlsx(@RequestParam(required = false) @Nullable Long school,
                                     @RequestParam(required = false) @Nullable ProjectLevel level,
                                     @RequestParam(required = false) @Nullable ProjectStage stage,
                                     @RequestParam(required = false) @Nullable YearMonth from,
                                     @RequestParam(required = false) @Nullable YearMonth to,
                                     Locale locale) {
        MaterialBoard.Board b = board.board(filter(school, level, stage, from, to), LocalDate.now());
        String title = messages.getMessage("researchwork.board.title", null, locale);
        return Downloads.attachment(Downloads.safeName(title + "-" + b.filter().from() + "—" + b.filter().to(), ".xlsx"),
                Downloads.XLSX, MaterialBoardXlsx.write(b, title, messages, locale));
    }

    private static MaterialBoard.Filter filter(@Nullable Long school, @Nullable ProjectLevel level, @Nullable ProjectStage stage,
                                               @Nullable YearMonth from, @Nullable YearMonth to) {
        MaterialBoard.Filter year = MaterialBoard.Filter.schoolYear(LocalDate.now());
        YearMonth start = from == null ? year.from() : from;
        YearMonth end = to == null ? (from == null ? year.to() : from.plusMonths(11)) : to;
        return new MaterialBoard.Filter(school, level, stage, start, end);
    }
}
