package org.jiaoyan.plan.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanFilter;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanRow;
import org.jiaoyan.plan.PlanStatus;
import org.jiaoyan.plan.export.PlanListXlsx;
import org.jiaoyan.plan.PlanTemplate;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.Schedule;
import org.jiaoyan.shared.DomainException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 学期计划: list, create, the plan as a document with its sections, schedule, board, history and workflow. */
@Controller
@RequestMapping("/plans")
class PlanController {

    private final Plans plans;
    private final PlanItems items;
    private final Terms terms;
    private final MessageSource messages;
    private final PlanOptions options;
    private final PlanListXlsx listXlsx;
    private final OrgUnits institutions;

    PlanController(Plans plans, PlanItems items, Terms terms, MessageSource messages, PlanOptions options,
                   PlanListXlsx listXlsx, OrgUnits institutions) {
        this.plans = plans;
        this.items = items;
        this.terms = terms;
        this.messages = messages;
        this.options = options;
        this.listXlsx = listXlsx;
        this.institutions = institutions;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "plans");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long term, @RequestParam(required = false) @Nullable PlanStatus status,
                @RequestParam(required = false) @Nullable Long school,
                @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Integer page,
                @RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
                Model model, @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        PlanFilter filter = new PlanFilter(term, school, status, q);
        model.addAttribute("page", plans.list(filter, PageQuery.of(page, 20, sort, dir)));
        model.addAttribute("schools", institutions.institutions());
        model.addAttribute("f", filter);
        model.addAttribute("terms", terms.all());
        model.addAttribute("termLabels", options.termLabels());
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("canCreate", !plans.offices().isEmpty());
        return hx != null ? "plan/plan-list :: results" : "plan/plan-list";
    }

    /** The list as filtered, every page, as .xlsx. */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Long term,
                                  @RequestParam(required = false) @Nullable PlanStatus status,
                                  @RequestParam(required = false) @Nullable Long school,
                                  @RequestParam(defaultValue = "") String q, java.util.Locale locale) {
        PlanFilter filter = new PlanFilter(term, school, status, q);
        List<PlanRow> rows = PageQuery.allPages(page -> plans.list(filter, page));
        return PlanExportController.download(listXlsx.write(rows, options.termLabels(), locale));
    }

    @GetMapping("/new")
    String createForm(Model model) {
        PlanForm form = new PlanForm();
        terms.current().ifPresent(t -> form.setTermId(t.id()));
        return formView(form, model);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") PlanForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                PlanTemplate template = form.getTemplate() == null || form.getTemplate().isBlank() ? null
                        : PlanTemplate.valueOf(form.getTemplate());
                long id = plans.create(new PlanData(form.getUnitId(), form.getTermId(), form.getTitle(), template,
                        form.getRemindDays()));
                Flash.success(redirect, "saved");
                return "redirect:/plans/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, model);
    }

    private String formView(PlanForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("offices", options.offices());
        model.addAttribute("termOptions", options.terms());
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("", msg("plan.template.none"));
        for (PlanTemplate t : PlanTemplate.values()) {
            templates.put(t.name(), msg(t.messageKey()));
        }
        model.addAttribute("templates", templates);
        return "plan/plan-form";
    }

    // ------------------------------------------------------------------ one plan

    @GetMapping("/{id}")
    String document(@PathVariable long id, Model model) {
        header(id, "document", model);
        model.addAttribute("sections", plans.sections(id));
        model.addAttribute("groups", Schedule.groups(items.items(id)));
        model.addAttribute("today", LocalDate.now());
        return "plan/plan-document";
    }

    @GetMapping("/{id}/schedule")
    String schedule(@PathVariable long id, @RequestParam(required = false) @Nullable ItemStatus status,
                    @RequestParam(defaultValue = "") String owner, Model model,
                    @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        header(id, "schedule", model);
        LocalDate today = LocalDate.now();
        List<PlanItem> all = items.items(id);
        List<PlanItem> shown = all.stream()
                .filter(it -> status == null || it.status(today) == status)
                .filter(it -> owner.isBlank() || it.ownerLabel().contains(owner)
                        || it.owners().stream().anyMatch(o -> o.name().contains(owner)))
                .toList();
        model.addAttribute("groups", Schedule.groups(shown));
        model.addAttribute("total", all.size());
        model.addAttribute("shown", shown.size());
        model.addAttribute("today", today);
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("owner", owner);
        return hx != null ? "plan/plan-schedule :: results" : "plan/plan-schedule";
    }

    @GetMapping("/{id}/board")
    String board(@PathVariable long id, Model model) {
        header(id, "board", model);
        LocalDate today = LocalDate.now();
        List<PlanItem> all = items.items(id);
        model.addAttribute("today", today);
        model.addAttribute("byStatus", ScheduleView.byStatus(all, today));
        model.addAttribute("byOwner", ScheduleView.byOwner(all, today));
        model.addAttribute("progress", ScheduleView.progressByMonth(all, today));
        model.addAttribute("overdue", all.stream().filter(it -> it.status(today) == ItemStatus.OVERDUE)
                .sorted((a, b) -> a.periodEnd().compareTo(b.periodEnd())).toList());
        model.addAttribute("total", all.size());
        return "plan/plan-board";
    }

    @GetMapping("/{id}/history")
    String history(@PathVariable long id, Model model) {
        header(id, "history", model);
        model.addAttribute("history", plans.history(id));
        return "plan/plan-history";
    }

    /** Title, status, workflow buttons and tabs every plan page shows. */
    private Plan header(long id, String tab, Model model) {
        Plan p = plans.get(id);
        model.addAttribute("plan", p);
        model.addAttribute("rights", plans.rights(p));
        model.addAttribute("term", terms.get(p.termId()));
        model.addAttribute("tab", tab);
        return p;
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Plan p = header(id, "document", model);
        HeaderForm form = new HeaderForm();
        form.setTitle(p.title());
        form.setRemindDays(p.remindDays());
        form.setVersion(p.version());
        model.addAttribute("form", form);
        return "plan/plan-edit";
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") HeaderForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                plans.updateHeader(id, form.getVersion(), form.getTitle(), form.getRemindDays(), form.getReason());
                Flash.success(redirect, "saved");
                return "redirect:/plans/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        header(id, "document", model);
        return "plan/plan-edit";
    }

    // ------------------------------------------------------------------ workflow

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return step(id, redirect, "plan.submitted", () -> plans.submit(id, version));
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String note,
                   RedirectAttributes redirect) {
        return step(id, redirect, "plan.approved", () -> plans.approve(id, version, note));
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String note,
                  RedirectAttributes redirect) {
        return step(id, redirect, "plan.rejected", () -> plans.reject(id, version, note));
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return step(id, redirect, "plan.published", () -> plans.publish(id, version));
    }

    private String step(long id, RedirectAttributes redirect, String success, Runnable action) {
        Flash.outcome(redirect, success, action);
        return "redirect:/plans/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            plans.delete(id, version);
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:/plans/" + id;
        }
        Flash.success(redirect, "plan.deleted");
        return "redirect:/plans";
    }

    @GetMapping("/recycle-bin")
    String recycleBin(Model model) {
        model.addAttribute("rows", plans.recycleBin());
        model.addAttribute("termLabels", options.termLabels());
        return "plan/plan-recycle-bin";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        plans.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/plans/" + id;
    }

    @GetMapping("/{id}/copy")
    String copyForm(@PathVariable long id, Model model) {
        Plan p = header(id, "document", model);
        CopyForm form = new CopyForm();
        SchoolTerm from = terms.get(p.termId());
        terms.all().stream().filter(t -> t.startDate().isAfter(from.startDate()))
                .min((a, b) -> a.startDate().compareTo(b.startDate()))
                .ifPresent(t -> {
                    form.setTermId(t.id());
                    form.setTitle(p.title().replace(from.label(), t.label()));
                });
        if (form.getTitle() == null) {
            form.setTitle(p.title());
        }
        model.addAttribute("form", form);
        model.addAttribute("termOptions", options.terms());
        return "plan/plan-copy";
    }

    @PostMapping("/{id}/copy")
    String copy(@PathVariable long id, @Valid @ModelAttribute("form") CopyForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long copy = plans.copyForward(id, form.getTermId(), form.getTitle());
                Flash.success(redirect, "plan.copied");
                return "redirect:/plans/" + copy;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        header(id, "document", model);
        model.addAttribute("termOptions", options.terms());
        return "plan/plan-copy";
    }

    // ------------------------------------------------------------------ sections

    /** Autosave of a section (drafts) or a revision with reason (published): JSON with the new version or the error. */
    @PostMapping("/{id}/sections/{sectionId}")
    @ResponseBody
    ResponseEntity<Map<String, Object>> saveSection(@PathVariable long id, @PathVariable long sectionId,
                                                    @RequestParam int version, @RequestParam(defaultValue = "") String title,
                                                    @RequestParam(defaultValue = "") String body,
                                                    @RequestParam(required = false) @Nullable String reason) {
        try {
            int next = plans.saveSection(id, sectionId, version, title, body, reason);
            return ResponseEntity.ok(Map.of("version", next, "savedAt",
                    java.time.LocalTime.now().withNano(0).toString()));
        } catch (ValidationException | StaleEditException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
            if (e instanceof ValidationException v && v.problems().get(0).field() != null) {
                error.put("field", v.problems().get(0).field());
            }
            return ResponseEntity.status(e instanceof StaleEditException ? 409 : 422).body(error);
        }
    }

    @PostMapping("/{id}/sections")
    String addSection(@PathVariable long id, @RequestParam(defaultValue = "") String sectionTitle, RedirectAttributes redirect) {
        try {
            long sectionId = plans.addSection(id, sectionTitle);
            return "redirect:/plans/" + id + "#section-" + sectionId;
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/plans/" + id;
        }
    }

    @PostMapping("/{id}/sections/{sectionId}/delete")
    String deleteSection(@PathVariable long id, @PathVariable long sectionId, @RequestParam int version,
                         RedirectAttributes redirect) {
        try {
            plans.deleteSection(id, sectionId, version);
            Flash.success(redirect, "deleted");
        } catch (DomainException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/plans/" + id;
    }

    // ------------------------------------------------------------------ helpers

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
