package org.jiaoyan.plan.web;

import java.util.Locale;
import org.jiaoyan.plan.HtmlSanitiser;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.export.ExportFile;
import org.jiaoyan.plan.export.PlanDocx;
import org.jiaoyan.plan.export.ScheduleXlsx;
import org.jiaoyan.plan.export.SummaryDocx;
import org.jiaoyan.plan.export.SummaryDraft;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Downloads;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Downloads of a plan (Word in official style, the 行事历 as Excel) and the term summary: an editable draft built from
 * the plan and its records, saved with the plan's version, and its Word file. Rights are the services' (a plan out of
 * scope is a 404, saving needs edit rights).
 */
@Controller
@RequestMapping("/plans/{id}")
class PlanExportController {

    private final Plans plans;
    private final PlanDocx planDocx;
    private final ScheduleXlsx scheduleXlsx;
    private final SummaryDraft drafts;
    private final SummaryDocx summaryDocx;
    private final HtmlSanitiser sanitiser;

    PlanExportController(Plans plans, PlanDocx planDocx, ScheduleXlsx scheduleXlsx, SummaryDraft drafts,
                         SummaryDocx summaryDocx, HtmlSanitiser sanitiser) {
        this.plans = plans;
        this.planDocx = planDocx;
        this.scheduleXlsx = scheduleXlsx;
        this.drafts = drafts;
        this.summaryDocx = summaryDocx;
        this.sanitiser = sanitiser;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "plans");
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setAllowedFields("version", "body");
    }

    @GetMapping("/export.docx")
    ResponseEntity<byte[]> planDocx(@PathVariable long id, Locale locale) {
        return download(planDocx.write(id, locale));
    }

    @GetMapping("/schedule.xlsx")
    ResponseEntity<byte[]> scheduleXlsx(@PathVariable long id, Locale locale) {
        return download(scheduleXlsx.write(id, locale));
    }

    @GetMapping("/summary.docx")
    ResponseEntity<byte[]> summaryDocx(@PathVariable long id, Locale locale) {
        return download(summaryDocx.write(id, locale));
    }

    /** The saved summary, or a draft from the plan and its records when none is saved (or on 重新生成草稿). */
    @GetMapping("/summary")
    String summary(@PathVariable long id, @RequestParam(defaultValue = "false") boolean regenerate, Locale locale,
                   Model model) {
        Plan plan = plans.get(id);
        String saved = regenerate ? null : plans.summaryHtml(id);
        boolean draft = saved == null || saved.isBlank();
        String html = draft ? drafts.html(id, locale) : saved;
        model.addAttribute("form", new SummaryForm(plan.version(), html));
        return page(plan, html, draft, model);
    }

    @PostMapping("/summary")
    String save(@PathVariable long id, @ModelAttribute("form") SummaryForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                plans.saveSummary(id, form.getVersion(), form.getBody());
                Flash.success(redirect, "planexport.summary.saved");
                return "redirect:/plans/" + id + "/summary";
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result); // the typed text stays in the form
            }
        }
        // shown again as typed, but cleaned as saving would: the editor puts it into the page as HTML
        form.setBody(sanitiser.clean(form.getBody()));
        return page(plans.get(id), form.getBody(), false, model);
    }

    private String page(Plan plan, @Nullable String html, boolean draft, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("rights", plans.rights(plan));
        model.addAttribute("summaryHtml", html == null ? "" : html);
        model.addAttribute("draft", draft);
        return "plan/summary";
    }

    static ResponseEntity<byte[]> download(ExportFile file) {
        return Downloads.attachment(file.fileName(), file.contentType(), file.bytes());
    }

    /** The summary as edited: its HTML and the plan version it was opened at. */
    public static class SummaryForm {
        private int version;
        private @Nullable String body;

        public SummaryForm() {
        }

        SummaryForm(int version, @Nullable String body) {
            this.version = version;
            this.body = body;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public @Nullable String getBody() {
            return body;
        }

        public void setBody(@Nullable String body) {
            this.body = body;
        }
    }
}
