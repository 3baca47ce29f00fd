package org.jiaoyan.quality.web;

import java.io.IOException;
import java.io.InputStream;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.files.Uploads;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.QcCheck;
import org.jiaoyan.quality.QcCheckData;
import org.jiaoyan.quality.QcChecks;
import org.jiaoyan.quality.QcResult;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 质控检查: the list by department and month, the form, the check's page with its attachment. */
@Controller
@RequestMapping("/quality/checks")
class QcCheckController extends QualityRecordController<QcCheck, QcCheckData, QcCheckForm> {

    private final QcChecks checks;
    private final Uploads uploads;
    private final Attachments attachments;

    QcCheckController(QcChecks checks, QualityDepartments departments, QualityPages pages, Uploads uploads,
                      Attachments attachments) {
        super("checks", "check", "c", checks, departments, pages);
        this.attachments = attachments;
        this.checks = checks;
        this.uploads = uploads;
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long unit, Model model) {
        Department d = pages.newRecordDepartment(unit);
        QcCheckForm form = new QcCheckForm();
        form.setCheckedOn(java.time.LocalDate.now());
        // the one recording is usually the one who checked
        Long me = org.jiaoyan.security.Access.user().personId();
        if (me != null && departments.staff(d.id()).stream().anyMatch(s -> s.id() == me)) {
            form.setCheckerId(me);
        }
        return formView(form, d, null, model);
    }

    @Override
    QcCheckForm formOf(QcCheck c) {
        return QcCheckForm.of(c);
    }

    @Override
    void formChoices(Model model) {
        model.addAttribute("results", QcResult.values());
        model.addAttribute("commonItems", QcChecks.COMMON_ITEMS);
    }

    @PostMapping("/{id}/file")
    String upload(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        Flash.outcome(redirect, "quality.check.fileSaved", () -> {
            if (file == null || file.isEmpty()) {
                throw new ValidationException("file", "files.required");
            }
            if (!checks.canManage(checks.get(id))) {
                throw new org.jiaoyan.shared.ForbiddenException();
            }
            try (InputStream in = file.getInputStream()) {
                checks.attach(id, uploads.store(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return "redirect:/quality/checks/" + id;
    }

    @GetMapping("/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) throws IOException {
        return attachments.download(checks.file(id));
    }
}
