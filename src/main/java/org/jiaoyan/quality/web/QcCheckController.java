package org.jiaoyan.quality.web;

import java.io.IOException;
import java.io.InputStream;
import org.jiaoyan.files.FileDownload;
import org.jiaoyan.files.Uploads;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.QcCheck;
import org.jiaoyan.quality.QcChecks;
import org.jiaoyan.quality.QcResult;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.quality.QualityFilter;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 质控检查: the list by department and month, the form, the check's page with its attachment. */
@Controller
@RequestMapping("/quality/checks")
class QcCheckController {

    private final QcChecks checks;
    private final QualityDepartments departments;
    private final QualityPages pages;
    private final Uploads uploads;

    QcCheckController(QcChecks checks, QualityDepartments departments, QualityPages pages, Uploads uploads) {
        this.checks = checks;
        this.departments = departments;
        this.pages = pages;
        this.uploads = uploads;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id", "unitId");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String month,
                @RequestParam(required = false) @Nullable Integer page, Model model,
                @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        QualityFilter filter = pages.listModel("checks", unit, month, model);
        model.addAttribute("page", checks.list(filter, PageQuery.of(page, 20, null, null)));
        return hx != null ? "quality/check-list :: results" : "quality/check-list";
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

    @PostMapping("/new")
    String create(@RequestParam long unit, @ModelAttribute("form") QcCheckForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Department d = pages.newRecordDepartment(unit);
        if (!result.hasErrors()) {
            try {
                long id = checks.create(form.data(d.id()));
                Flash.success(redirect, "saved");
                return "redirect:/quality/checks/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, d, null, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        QcCheck c = checks.get(id);
        return formView(QcCheckForm.of(c), departments.get(c.unitId()), c, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") QcCheckForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        QcCheck c = checks.get(id);
        if (!result.hasErrors()) {
            try {
                checks.update(id, form.getVersion(), form.data(c.unitId()));
                Flash.success(redirect, "saved");
                return "redirect:/quality/checks/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, departments.get(c.unitId()), c, model);
    }

    private String formView(QcCheckForm form, Department d, @Nullable QcCheck existing, Model model) {
        pages.formModel(d, existing == null, model);
        model.addAttribute("form", form);
        model.addAttribute("check", existing);
        model.addAttribute("results", QcResult.values());
        model.addAttribute("commonItems", QcChecks.COMMON_ITEMS);
        return "quality/check-form";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        QcCheck c = checks.get(id);
        model.addAttribute("nav", "quality");
        model.addAttribute("c", c);
        model.addAttribute("canManage", checks.canManage(c));
        return "quality/check-detail";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            checks.delete(id, version);
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:/quality/checks/" + id;
        }
        Flash.success(redirect, "deleted");
        return "redirect:/quality/checks";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        checks.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/quality/checks/" + id;
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
        QcCheck c = checks.get(id);
        if (!c.hasFile()) {
            throw new NotFoundException();
        }
        return FileDownload.of(uploads, c.fileName(), c.contentType(), c.storageKey());
    }
}
