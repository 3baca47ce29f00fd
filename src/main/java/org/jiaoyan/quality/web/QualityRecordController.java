package org.jiaoyan.quality.web;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.quality.Department;
import org.jiaoyan.quality.QualityDepartments;
import org.jiaoyan.quality.QualityFilter;
import org.jiaoyan.quality.QualityRecord;
import org.jiaoyan.quality.QualityRecords;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages the three kinds of quality record share, under /quality/{kind}: the list by department and month (the
 * results alone on htmx), the record's page, saving the form (PRG with 已保存, or the form again with the errors at
 * their fields), delete to the recycle bin and restore. A kind adds its new-record form and what its pages show
 * besides; its templates are quality/{name}-list, -form and -detail.
 *
 * @param <R> the record
 * @param <D> what the form gives the service
 * @param <F> the form
 */
abstract class QualityRecordController<R extends QualityRecord, D, F extends QualityRecordController.RecordForm<D>> {

    /** A kind's form: what it records for a department, and the version it was read at. */
    interface RecordForm<D> {

        D data(long unitId);

        int getVersion();
    }

    private final String path;
    private final String tab;
    private final String name;
    private final String detailName;
    private final QualityRecords<R, D> records;
    protected final QualityDepartments departments;
    protected final QualityPages pages;

    /**
     * @param tab        the kind's part of the URL and its tab: checks
     * @param name       its templates' and its form page's name for the record: check
     * @param detailName the record's name on its own page: c
     */
    QualityRecordController(String tab, String name, String detailName, QualityRecords<R, D> records,
                            QualityDepartments departments, QualityPages pages) {
        this.path = "/quality/" + tab;
        this.tab = tab;
        this.name = name;
        this.detailName = detailName;
        this.records = records;
        this.departments = departments;
        this.pages = pages;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id", "unitId");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String month,
                @RequestParam(required = false) @Nullable Integer page, Model model,
                @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        QualityFilter filter = pages.listModel(tab, unit, month, model);
        model.addAttribute("page", records.list(filter, PageQuery.of(page, 20, null, null)));
        Department focus = (Department) model.getAttribute("focus");
        SchoolTerm term = pages.term();
        if (focus != null && term != null) {
            termSummary(focus, term, model);
        }
        String view = "quality/" + name + "-list";
        return hx != null ? view + " :: results" : view;
    }

    /** What the list shows of one department's current term besides the records (nothing by default). */
    void termSummary(Department focus, SchoolTerm term, Model model) {
    }

    @PostMapping("/new")
    String create(@RequestParam long unit, @ModelAttribute("form") F form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Department d = pages.newRecordDepartment(unit);
        return save(result, redirect, () -> records.create(form.data(d.id())), () -> formView(form, d, null, model));
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        R existing = records.get(id);
        return formView(formOf(existing), departments.get(existing.unitId()), existing, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") F form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        R existing = records.get(id);
        return save(result, redirect, () -> {
            records.update(id, form.getVersion(), form.data(existing.unitId()));
            return id;
        }, () -> formView(form, departments.get(existing.unitId()), existing, model));
    }

    /** Saves, then shows the record with 已保存; on bad input or a stale version the form again, as typed. */
    private String save(BindingResult result, RedirectAttributes redirect, LongSupplier save, Supplier<String> form) {
        if (!result.hasErrors()) {
            try {
                long id = save.getAsLong();
                Flash.success(redirect, "saved");
                return "redirect:" + path + "/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return form.get();
    }

    /** The form filled from a record. */
    abstract F formOf(R record);

    /** The form page: the department's staff and the kind's own choices ({@link #formChoices}). */
    String formView(F form, Department d, @Nullable R existing, Model model) {
        pages.formModel(d, existing == null, model);
        model.addAttribute("form", form);
        model.addAttribute(name, existing);
        formChoices(model);
        return "quality/" + name + "-form";
    }

    /** What the kind's form offers besides the staff (nothing by default). */
    void formChoices(Model model) {
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        R r = records.get(id);
        model.addAttribute("nav", "quality");
        model.addAttribute(detailName, r);
        model.addAttribute("canManage", records.canManage(r));
        detailExtras(r, model);
        return "quality/" + name + "-detail";
    }

    /** What the record's page shows besides the record (nothing by default). */
    void detailExtras(R record, Model model) {
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            records.delete(id, version);
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:" + path + "/" + id;
        }
        Flash.success(redirect, "deleted");
        return "redirect:" + path;
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        records.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:" + path + "/" + id;
    }
}
