package org.jiaoyan.research.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.excel.WorkbookWriter;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.UploadRejected;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.research.Decision;
import org.jiaoyan.research.Project;
import org.jiaoyan.research.ProjectLevel;
import org.jiaoyan.research.ProjectStage;
import org.jiaoyan.research.ProjectStages;
import org.jiaoyan.research.ProjectStages.DecisionData;
import org.jiaoyan.research.Projects;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Fmt;
import org.jiaoyan.web.Downloads;
import org.jiaoyan.web.Forms;
import org.jiaoyan.web.Typed;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 课题管理: the list (filters, sort, pages, .xlsx), the project form, and the overview page with members, tasks,
 * stages (documents, submission, decisions, due dates) and history. Every check is in {@link Projects}.
 */
@Controller
@RequestMapping("/projects")
class ProjectController {

    private final Projects projects;
    private final ProjectStages stages;
    private final OrgUnits units;
    private final MessageSource messages;
    private final Fmt fmt;

    ProjectController(Projects projects, ProjectStages stages, OrgUnits units, MessageSource messages, Fmt fmt) {
        this.projects = projects;
        this.stages = stages;
        this.units = units;
        this.messages = messages;
        this.fmt = fmt;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "research");
    }

    // ---------------------------------------------------------------- list

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable String level,
                @RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) boolean mine, @RequestParam(required = false) @Nullable Integer page,
                @RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String sort,
                @RequestParam(required = false) @Nullable String dir, Model model) {
        Projects.Filter f = filter(school, level, stage, q, mine);
        PageResult<Project> result = projects.list(f, PageQuery.of(page, size, sort, dir));
        model.addAttribute("page", result);
        model.addAttribute("filter", f);
        model.addAttribute("levels", ProjectLevel.values());
        model.addAttribute("stageValues", ProjectStage.values());
        model.addAttribute("schools", units.institutions());
        Long own = Access.user().institutionId();
        model.addAttribute("canCreate", own != null && projects.canCreateIn(own));
        model.addAttribute("office", own != null && Access.scope().canManageInstitution(own));
        model.addAttribute("runsRounds", own != null && projects.runsOrganizer(own));
        model.addAttribute("today", LocalDate.now());
        return "research/project-list";
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Long school,
                                  @RequestParam(required = false) @Nullable String level,
                                  @RequestParam(required = false) @Nullable String stage,
                                  @RequestParam(required = false) @Nullable String q,
                                  @RequestParam(required = false) boolean mine, Locale locale) throws IOException {
        Projects.Filter f = filter(school, level, stage, q, mine);
        List<Project> rows = PageQuery.allPages(p -> projects.list(f, p));
        String title = msg(locale, "research.export.title");
        try (WorkbookWriter w = WorkbookWriter.sheet(title)) {
            w.title(title + "（" + fmt.date(LocalDate.now()) + "）");
            w.header(List.of(msg(locale, "research.field.no"), msg(locale, "research.field.title"),
                    msg(locale, "research.field.level"), msg(locale, "research.field.round"), msg(locale, "research.field.parent"),
                    msg(locale, "research.field.school"), msg(locale, "research.field.lead"),
                    msg(locale, "research.field.discipline"), msg(locale, "research.field.stage"),
                    msg(locale, "research.field.start"), msg(locale, "research.field.end"), msg(locale, "research.field.approvedOn")));
            for (Project p : rows) {
                w.row(Arrays.asList(p.projectNo(), p.title(), msg(locale, p.level().messageKey()) + (p.yearly()
                                ? "（" + msg(locale, "research.field.yearly") + "）" : ""), p.roundName(), p.parentTitle(),
                        p.institutionName(), p.leadName(), p.discipline(), msg(locale, p.stage().messageKey()),
                        p.startDate(), p.endDate(), p.approvedOn()));
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            w.writeTo(out);
            return Downloads.attachment(title + ".xlsx", Downloads.XLSX, out.toByteArray());
        }
    }

    private static Projects.Filter filter(@Nullable Long school, @Nullable String level, @Nullable String stage,
                                          @Nullable String q, boolean mine) {
        return new Projects.Filter(school, Typed.enumOf(ProjectLevel.class, level), Typed.enumOf(ProjectStage.class, stage), null, q, mine);
    }


    @GetMapping("/recycle-bin")
    String recycleBin(Model model) {
        Long own = Access.user().institutionId();
        if (own == null) {
            throw new NotFoundException();
        }
        model.addAttribute("rows", projects.deleted(own));
        return "research/project-recycle-bin";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        projects.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/projects/" + id;
    }

    // ---------------------------------------------------------------- form

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long parent, Model model) {
        long school = ownSchool();
        ProjectForm form = new ProjectForm();
        form.setParentId(parent);
        if (!Access.scope().canManageInstitution(school)) {
            form.setLeadId(Access.user().personId());
            form.setLevel(ProjectLevel.PERSONAL);
        }
        form.setStartDate(LocalDate.now());
        form.setEndDate(LocalDate.now().plusYears(1));
        return formView(form, school, null, model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") ProjectForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        long school = ownSchool();
        if (!result.hasErrors()) {
            try {
                long id = projects.create(form.data(school));
                Flash.success(redirect, "research.saved");
                return "redirect:/projects/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, school, null, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Project p = projects.editable(id);
        return formView(ProjectForm.of(p), p.institutionId(), p, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") ProjectForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Project p = projects.editable(id);
        if (!result.hasErrors()) {
            try {
                projects.update(id, form.getVersion(), form.data(p.institutionId()));
                Flash.success(redirect, "research.saved");
                return "redirect:/projects/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, p.institutionId(), p, model);
    }

    private long ownSchool() {
        Long own = Access.user().institutionId();
        if (own == null || !projects.canCreateIn(own)) {
            throw new NotFoundException();
        }
        return own;
    }

    private String formView(ProjectForm form, long school, @Nullable Project project, Model model) {
        boolean office = Access.scope().canManageInstitution(school);
        model.addAttribute("form", form);
        model.addAttribute("project", project);
        model.addAttribute("office", office);
        model.addAttribute("levels", enumLabels(ProjectLevel.values()));
        Map<String, String> candidates = new LinkedHashMap<>();
        projects.candidates(school).forEach(c -> candidates.put(String.valueOf(c.id()), c.name()));
        model.addAttribute("candidates", candidates);
        Map<String, String> rounds = new LinkedHashMap<>();
        projects.rounds(school).forEach(r -> rounds.put(String.valueOf(r.id()), r.name()));
        model.addAttribute("rounds", rounds);
        Map<String, String> parents = new LinkedHashMap<>();
        projects.parents(school).stream().filter(p -> project == null || p.id() != project.id())
                .forEach(p -> parents.put(String.valueOf(p.id()), p.title()));
        model.addAttribute("parents", parents);
        return "research/project-form";
    }

    private Map<String, String> enumLabels(ProjectLevel[] values) {
        Map<String, String> out = new LinkedHashMap<>();
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        for (ProjectLevel l : values) {
            out.put(l.name(), msg(locale, l.messageKey()));
        }
        return out;
    }

    // ---------------------------------------------------------------- overview

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Project p = projects.get(id);
        model.addAttribute("project", p);
        model.addAttribute("members", projects.members(id));
        model.addAttribute("tasks", projects.tasks(id));
        model.addAttribute("stages", stages.stages(id));
        model.addAttribute("documents", stages.documents(id));
        model.addAttribute("history", stages.history(id));
        model.addAttribute("children", p.parentId() == null ? projects.children(id) : List.of());
        model.addAttribute("canEdit", projects.canEdit(p));
        model.addAttribute("office", projects.officeOf(p));
        model.addAttribute("canDecide", projects.canDecide(p));
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("idle", projects.membersWithoutTask(id));
        model.addAttribute("today", LocalDate.now());
        Long personId = Access.user().personId();
        model.addAttribute("me", personId == null ? -1L : personId);
        if (projects.canEdit(p)) {
            model.addAttribute("candidates", projects.candidates(p.institutionId()));
        }
        return "research/project-detail";
    }

    @PostMapping("/{id}/members")
    String members(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> memberIds,
                   RedirectAttributes redirect) {
        Flash.outcome(redirect, "research.members.saved",
                () -> projects.setMembers(id, memberIds == null ? List.of() : memberIds));
        return "redirect:/projects/" + id + "#members";
    }

    @PostMapping("/{id}/tasks")
    String addTask(@PathVariable long id, @RequestParam(required = false) @Nullable Long personId,
                   @RequestParam(required = false) @Nullable String title,
                   @RequestParam(required = false) @Nullable String dueDate, RedirectAttributes redirect) {
        Flash.outcome(redirect, "research.task.saved", () -> projects.addTask(id, personId == null ? 0 : personId,
                title == null ? "" : title, Typed.date("dueDate", dueDate)));
        return "redirect:/projects/" + id + "#tasks";
    }

    @PostMapping("/{id}/tasks/{taskId}/done")
    String taskDone(@PathVariable long id, @PathVariable long taskId, @RequestParam int version,
                    @RequestParam(defaultValue = "true") boolean done, RedirectAttributes redirect) {
        Flash.outcome(redirect, "research.task.saved",
                () -> projects.setTaskDone(id, taskId, version, done ? LocalDate.now() : null));
        return "redirect:/projects/" + id + "#tasks";
    }

    @PostMapping("/{id}/tasks/{taskId}/delete")
    String deleteTask(@PathVariable long id, @PathVariable long taskId, RedirectAttributes redirect) {
        projects.deleteTask(id, taskId);
        Flash.success(redirect, "research.task.deleted");
        return "redirect:/projects/" + id + "#tasks";
    }

    // ---------------------------------------------------------------- stages

    @PostMapping("/{id}/documents")
    String upload(@PathVariable long id, @RequestParam String stage, @RequestParam(required = false) @Nullable MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        ProjectStage s = Typed.enumOf(ProjectStage.class, stage);
        if (s == null) {
            throw new NotFoundException();
        }
        if (file == null || file.isEmpty()) {
            Flash.error(redirect, "files.required");
            return "redirect:/projects/" + id + "#stages";
        }
        try (InputStream in = file.getInputStream()) {
            Attachment a = stages.addDocument(id, s, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in);
            Flash.success(redirect, "research.document.saved", a.fileName());
        } catch (UploadRejected e) {
            Flash.error(redirect, e.messageKey(), e.args());
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/projects/" + id + "#stages";
    }

    @GetMapping("/{id}/files/{attachmentId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long attachmentId) throws IOException {
        return stages.download(id, attachmentId);
    }

    @PostMapping("/{id}/files/{attachmentId}/delete")
    String deleteDocument(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
        Flash.outcome(redirect, "research.document.deleted", () -> stages.deleteDocument(id, attachmentId));
        return "redirect:/projects/" + id + "#stages";
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Flash.outcome(redirect, "research.stage.submittedOk", () -> stages.submit(id, version));
        return "redirect:/projects/" + id + "#stages";
    }

    @PostMapping("/{id}/decide")
    String decide(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String decision,
                  @RequestParam(required = false) @Nullable String comment,
                  @RequestParam(required = false) @Nullable String projectNo,
                  @RequestParam(required = false) @Nullable String approvalLetter, RedirectAttributes redirect) {
        Decision d = Typed.enumOf(Decision.class, decision);
        if (d == null) {
            Flash.error(redirect, "research.decision.required");
            return "redirect:/projects/" + id + "#stages";
        }
        Flash.outcome(redirect, "research.decision.saved",
                () -> stages.decide(id, version, new DecisionData(d, comment, projectNo, approvalLetter)));
        return "redirect:/projects/" + id + "#stages";
    }

    @PostMapping("/{id}/due")
    String due(@PathVariable long id, @RequestParam String stage, @RequestParam(required = false) @Nullable String dueDate,
               RedirectAttributes redirect) {
        ProjectStage s = Typed.enumOf(ProjectStage.class, stage);
        if (s == null) {
            throw new NotFoundException();
        }
        Flash.outcome(redirect, "research.due.saved", () -> stages.setDue(id, s, Typed.date("dueDate", dueDate)));
        return "redirect:/projects/" + id + "#stages";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            projects.delete(id, version);
            Flash.success(redirect, "research.deleted");
            return "redirect:/projects";
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:/projects/" + id;
        }
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
