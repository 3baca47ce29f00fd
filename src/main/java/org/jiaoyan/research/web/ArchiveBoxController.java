package org.jiaoyan.research.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.research.ArchiveBox;
import org.jiaoyan.research.Handbook;
import org.jiaoyan.research.Project;
import org.jiaoyan.research.ProjectMember;
import org.jiaoyan.research.ProjectStage;
import org.jiaoyan.research.ProjectStages;
import org.jiaoyan.research.Projects;
import org.jiaoyan.research.StageTemplates;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Downloads;
import org.jiaoyan.web.Flash;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The project's 档案盒 tab (the box by category, direct upload, handbooks, stage documents from templates), the box as
 * a .zip, a stage document read in the browser, and the office's settings: box categories and stage templates.
 */
@Controller
class ArchiveBoxController {

    private final ArchiveBox box;
    private final Handbook handbook;
    private final StageTemplates templates;
    private final Projects projects;
    private final ProjectStages stages;
    private final Attachments attachments;

    ArchiveBoxController(ArchiveBox box, Handbook handbook, StageTemplates templates, Projects projects,
                         ProjectStages stages, Attachments attachments) {
        this.box = box;
        this.handbook = handbook;
        this.templates = templates;
        this.projects = projects;
        this.stages = stages;
        this.attachments = attachments;
    }

    // ---------------------------------------------------------------- the box tab

    @GetMapping("/projects/{id}/box")
    String box(@PathVariable long id, Model model) {
        Project p = projects.get(id);
        model.addAttribute("nav", "research");
        model.addAttribute("project", p);
        model.addAttribute("sections", box.box(id));
        model.addAttribute("canFile", box.canFile(p));
        model.addAttribute("categories", box.categories(p.institutionId()));
        List<ProjectMember> members = projects.members(id).stream().filter(m -> handbook.canRead(p, m.personId())).toList();
        model.addAttribute("handbookMembers", members);
        model.addAttribute("canFill", templates.canFill(p));
        model.addAttribute("templateStages", StageTemplates.STAGES);
        model.addAttribute("documents", stages.documents(id));
        model.addAttribute("canConfigure", box.canConfigure(p.institutionId()));
        return "research/box/box";
    }

    @PostMapping("/projects/{id}/box/upload")
    String upload(@PathVariable long id, @RequestParam(required = false) @Nullable String category,
                  @RequestParam(required = false) @Nullable String title,
                  @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        Flash.outcome(redirect, "researchbox.uploaded", () -> {
            if (file == null || file.isEmpty()) {
                throw new ValidationException("file", "files.required");
            }
            try (InputStream in = file.getInputStream()) {
                box.upload(id, category == null ? "" : category, title,
                        file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (redirect.getFlashAttributes().containsKey("flashError")) { // the form shows what was chosen and typed again
            redirect.addFlashAttribute("boxCategory", category);
            redirect.addFlashAttribute("boxTitle", title);
        }
        return "redirect:/projects/" + id + "/box";
    }

    @PostMapping("/projects/{id}/box/items/{itemId}/delete")
    String removeItem(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
        box.removeItem(id, itemId);
        Flash.success(redirect, "researchbox.removed");
        return "redirect:/projects/" + id + "/box";
    }

    @GetMapping("/projects/{id}/box/items/{itemId}")
    ResponseEntity<InputStreamResource> item(@PathVariable long id, @PathVariable long itemId) throws IOException {
        return attachments.download(box.file(id, itemId));
    }

    /** The box as a .zip, streamed straight into the response. */
    @GetMapping("/projects/{id}/box.zip")
    void zip(@PathVariable long id, HttpServletResponse response) throws IOException {
        ArchiveBox.Export e = box.export(id);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(e.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        box.writeZip(e, response.getOutputStream());
    }

    @GetMapping("/projects/{id}/handbook/{personId}.docx")
    ResponseEntity<byte[]> handbook(@PathVariable long id, @PathVariable long personId) {
        byte[] bytes = handbook.docx(id, personId);
        return Downloads.attachment(Downloads.safeName(handbook.fileName(id, personId).replace(".docx", ""), ".docx"),
                Downloads.DOCX, bytes);
    }

    @GetMapping("/projects/{id}/stage-document/{stage}.docx")
    ResponseEntity<byte[]> stageDocument(@PathVariable long id, @PathVariable String stage) throws IOException {
        ProjectStage s = stage(stage);
        byte[] bytes = templates.fill(id, s);
        String name = templates.fileName(id, s);
        return Downloads.attachment(Downloads.safeName(name.substring(0, name.length() - 5), ".docx"), Downloads.DOCX, bytes);
    }

    // ---------------------------------------------------------------- reading a stage document

    @GetMapping("/projects/{id}/documents/{attachmentId}")
    String document(@PathVariable long id, @PathVariable long attachmentId, Model model) {
        model.addAttribute("nav", "research");
        model.addAttribute("project", projects.get(id));
        model.addAttribute("view", box.document(id, attachmentId));
        return "research/box/document";
    }

    @GetMapping("/projects/{id}/documents/{attachmentId}/file")
    ResponseEntity<InputStreamResource> documentFile(@PathVariable long id, @PathVariable long attachmentId) throws IOException {
        return attachments.download(stages.document(id, attachmentId));
    }

    // ---------------------------------------------------------------- the office's box categories

    @GetMapping("/research/box-categories")
    String categories(@RequestParam(required = false) @Nullable Long school, Model model) {
        long inst = institution(school);
        model.addAttribute("nav", "research");
        model.addAttribute("school", inst);
        model.addAttribute("use", box.categoryUse(inst));
        return "research/box/categories";
    }

    @PostMapping("/research/box-categories")
    String addCategory(@RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable String name,
                       RedirectAttributes redirect) {
        long inst = institution(school);
        Flash.outcome(redirect, "researchbox.category.saved", () -> box.add(inst, name == null ? "" : name));
        if (redirect.getFlashAttributes().containsKey("flashError")) {
            redirect.addFlashAttribute("newName", name);
        }
        return categoriesRedirect(school);
    }

    @PostMapping("/research/box-categories/{code}/rename")
    String rename(@PathVariable String code, @RequestParam(required = false) @Nullable Long school,
                  @RequestParam(required = false) @Nullable String name, RedirectAttributes redirect) {
        long inst = institution(school);
        Flash.outcome(redirect, "researchbox.category.saved", () -> box.rename(inst, code, name == null ? "" : name));
        return categoriesRedirect(school);
    }

    @PostMapping("/research/box-categories/{code}/move")
    String move(@PathVariable String code, @RequestParam(required = false) @Nullable Long school,
                @RequestParam(defaultValue = "true") boolean up, RedirectAttributes redirect) {
        long inst = institution(school);
        Flash.outcome(redirect, "researchbox.category.saved", () -> box.move(inst, code, up));
        return categoriesRedirect(school);
    }

    @PostMapping("/research/box-categories/{code}/delete")
    String removeCategory(@PathVariable String code, @RequestParam(required = false) @Nullable Long school,
                          RedirectAttributes redirect) {
        long inst = institution(school);
        Flash.outcome(redirect, "researchbox.category.removed", () -> box.remove(inst, code));
        return categoriesRedirect(school);
    }

    private static String categoriesRedirect(@Nullable Long school) {
        return "redirect:/research/box-categories" + (school == null ? "" : "?school=" + school);
    }

    // ---------------------------------------------------------------- the office's stage templates

    @GetMapping("/research/templates")
    String templates(@RequestParam(required = false) @Nullable Long school, Model model) {
        long inst = institution(school);
        model.addAttribute("nav", "research");
        model.addAttribute("school", inst);
        model.addAttribute("uploaded", templates.templates(inst));
        model.addAttribute("stages", StageTemplates.STAGES);
        model.addAttribute("placeholders", StageTemplates.PLACEHOLDERS);
        return "research/box/templates";
    }

    @PostMapping("/research/templates")
    String uploadTemplate(@RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable String stage,
                          @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        long inst = institution(school);
        Flash.outcome(redirect, "researchbox.template.saved", () -> {
            ProjectStage s = stage == null ? null : parse(stage);
            if (s == null) {
                throw new ValidationException("stage", "researchbox.template.stage");
            }
            if (file == null || file.isEmpty()) {
                throw new ValidationException("file", "files.required");
            }
            try (InputStream in = file.getInputStream()) {
                templates.upload(inst, s, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return "redirect:/research/templates" + (school == null ? "" : "?school=" + school);
    }

    @PostMapping("/research/templates/{stage}/reset")
    String resetTemplate(@PathVariable String stage, @RequestParam(required = false) @Nullable Long school,
                         RedirectAttributes redirect) {
        long inst = institution(school);
        templates.reset(inst, stage(stage));
        Flash.success(redirect, "researchbox.template.reset");
        return "redirect:/research/templates" + (school == null ? "" : "?school=" + school);
    }

    /** The school's template of a stage as uploaded, or the built-in one to start from. */
    @GetMapping("/research/templates/{stage}.docx")
    ResponseEntity<?> templateFile(@PathVariable String stage, @RequestParam(required = false) @Nullable Long school)
            throws IOException {
        long inst = institution(school);
        ProjectStage s = stage(stage);
        if (templates.templates(inst).containsKey(s)) {
            return attachments.download(templates.templateFile(inst, s));
        }
        return Downloads.attachment(templates.builtInName(s), Downloads.DOCX, templates.builtIn(s));
    }

    private static long institution(@Nullable Long school) {
        Long inst = school != null ? school : Access.user().institutionId();
        if (inst == null) {
            throw new NotFoundException();
        }
        return inst;
    }

    private static ProjectStage stage(String value) {
        ProjectStage s = parse(value);
        if (s == null || !StageTemplates.STAGES.contains(s)) {
            throw new NotFoundException();
        }
        return s;
    }

    private static @Nullable ProjectStage parse(String value) {
        try {
            return ProjectStage.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
