package org.jiaoyan.plan.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.HtmlSanitiser;
import org.jiaoyan.plan.ItemData;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanTemplates;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.plan.ScheduleTime;
import org.jiaoyan.plan.parse.ParsedItem;
import org.jiaoyan.plan.parse.ParsedPlan;
import org.jiaoyan.plan.parse.PlanDocumentReader;
import org.jiaoyan.plan.parse.PlanTextParser;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jiaoyan.web.Flash;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 导入计划: paste text or upload .txt/.docx → a preview where every item can be corrected and unrecognised lines are
 * shown beside them → confirm creates the plan as a draft. Nothing is saved before the confirmation; a row with a
 * problem keeps the whole import back and is marked in the preview.
 */
@Controller
@RequestMapping("/plans/import")
class ImportController {

    private static final int MAX_TEXT = 400_000;
    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final Plans plans;
    private final PlanItems items;
    private final Terms terms;
    private final PlanOptions options;

    ImportController(Plans plans, PlanItems items, Terms terms, PlanOptions options) {
        this.plans = plans;
        this.items = items;
        this.terms = terms;
        this.options = options;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(2000);
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "plans");
    }

    @GetMapping
    String start(Model model) {
        ImportForm form = new ImportForm();
        terms.current().ifPresent(t -> form.setTermId(t.id()));
        List<OrgUnit> offices = plans.offices();
        offices.stream().filter(u -> "教科室".equals(u.name())).findFirst().or(() -> offices.stream().findFirst())
                .ifPresent(u -> form.setUnitId(u.id()));
        return startView(form, "", model);
    }

    /** Reads the pasted text or the uploaded file and shows the preview; nothing is saved. */
    @PostMapping
    String preview(@ModelAttribute("form") ImportForm form, BindingResult result,
                   @RequestParam(defaultValue = "") String text, @RequestParam(required = false) @Nullable MultipartFile file,
                   Model model) {
        String source = text;
        if (file != null && !file.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                source = PlanDocumentReader.read(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in);
            } catch (IllegalArgumentException | IOException e) {
                result.reject("plan.import.unreadable", new Object[] {e.getMessage()}, "plan.import.unreadable");
                return startView(form, text, model);
            }
        }
        if (source.isBlank()) {
            result.reject("plan.import.empty");
            return startView(form, text, model);
        }
        if (source.length() > MAX_TEXT) {
            result.reject("plan.import.tooLong");
            return startView(form, "", model);
        }
        // The institution's people and units help to cut owners out of cells glued together on a web page.
        List<String> names = form.getUnitId() == null ? List.of() : items.ownerNames(form.getUnitId());
        ParsedPlan parsed = new PlanTextParser(names).parse(source);
        if (form.getTitle() == null || form.getTitle().isBlank()) {
            form.setTitle(parsed.title());
        }
        form.setRows(new ArrayList<>());
        for (ParsedItem it : parsed.items()) {
            ImportForm.Row row = new ImportForm.Row();
            row.setCategory(it.category());
            row.setContent(it.content());
            row.setTime(timeOf(it));
            row.setOwner(it.owner());
            row.setLine(it.line());
            row.setDoubts(String.join(",", it.doubts().stream().map(Enum::name).toList()));
            form.getRows().add(row);
        }
        form.setSections(new ArrayList<>());
        for (var s : parsed.sections()) {
            ImportForm.Section section = new ImportForm.Section();
            // the parser drops the heading's number; the plan keeps the official 一、二、… order
            section.setTitle(s.title().matches("^[一二三四五六七八九十]+、.*") || form.getSections().size() >= ORDINALS.length
                    ? s.title() : ORDINALS[form.getSections().size()] + "、" + s.title());
            section.setText(s.text());
            form.getSections().add(section);
        }
        form.setUnrecognised(parsed.unrecognised().stream().map(u -> "第 " + u.line() + " 行：" + u.text()).toList());
        return previewView(form, result, model, true);
    }

    /** The time of a parsed item as the item form writes it (9—12月, 第3周, 每周); empty when the text had none. */
    static String timeOf(ParsedItem it) {
        if ("WEEKLY".equals(it.repeat())) {
            return "每周";
        }
        if ("MONTHLY".equals(it.repeat())) {
            return "每月";
        }
        if (it.weeks() != null && !it.weeks().isEmpty()) {
            return ScheduleTime.weeks(it.weeks()).label();
        }
        if (it.months() != null && !it.months().isEmpty()) {
            return ScheduleTime.months(it.months()).label();
        }
        return "";
    }

    @PostMapping("/confirm")
    String confirm(@ModelAttribute("form") ImportForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (form.getTitle() == null || form.getTitle().isBlank()) {
            result.rejectValue("title", "validation.required");
        }
        if (form.getUnitId() == null) {
            result.rejectValue("unitId", "validation.required");
        }
        if (form.getTermId() == null) {
            result.rejectValue("termId", "validation.required");
        }
        if (result.hasErrors()) {
            return previewView(form, result, model, false);
        }
        List<ItemData> rows = included(form);
        List<PlanTemplates.SectionText> sections = form.getSections().stream().filter(ImportForm.Section::isInclude)
                .filter(s -> s.getTitle() != null && !s.getTitle().isBlank())
                .map(s -> new PlanTemplates.SectionText(s.getTitle().strip(), HtmlSanitiser.paragraphs(s.getText() == null ? "" : s.getText())))
                .toList();
        try {
            long id = plans.createFromImport(new PlanData(form.getUnitId(), form.getTermId(), form.getTitle(), null, 3),
                    sections, rows);
            Flash.success(redirect, "plan.import.done", rows.size());
            return "redirect:/plans/" + id + "/schedule";
        } catch (ValidationException e) {
            rejectRows(e.problems(), form, result);
            return previewView(form, result, model, false);
        }
    }

    private static List<ItemData> included(ImportForm form) {
        return form.getRows().stream().filter(ImportForm.Row::isInclude)
                .map(r -> new ItemData(r.getCategory(), r.getContent() == null ? "" : r.getContent(), r.getTime(), null,
                        r.getOwner(), null, RecordKind.NONE))
                .toList();
    }

    /** Puts "items[3].time" problems (index among included rows) on the preview row they came from. */
    private static void rejectRows(List<FieldProblem> problems, ImportForm form, BindingResult result) {
        List<Integer> rowIndex = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            if (form.getRows().get(i).isInclude()) {
                rowIndex.add(i);
            }
        }
        for (FieldProblem p : problems) {
            String field = p.field();
            if (field != null && field.startsWith("items[")) {
                int n = Integer.parseInt(field.substring(6, field.indexOf(']')));
                String name = field.substring(field.indexOf("].") + 2);
                String target = "rows[" + rowIndex.get(n) + "]." + ("ownerText".equals(name) ? "owner" : name);
                result.rejectValue(target, p.messageKey(), p.args(), p.messageKey());
            } else if (field != null && List.of("title", "unitId", "termId").contains(field)) {
                result.rejectValue(field, p.messageKey(), p.args(), p.messageKey());
            } else {
                result.reject(p.messageKey(), p.args(), p.messageKey());
            }
        }
    }

    private String startView(ImportForm form, String text, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("text", text);
        options(model);
        return "plan/import";
    }

    private String previewView(ImportForm form, BindingResult result, Model model, boolean check) {
        if (check && form.getTermId() != null) {
            rejectRows(items.check(form.getTermId(), included(form)), form, result);
        }
        long errors = result.getFieldErrors().stream().filter(e -> e.getField().startsWith("rows[")).map(e ->
                e.getField().substring(0, e.getField().indexOf(']'))).distinct().count();
        model.addAttribute("rowErrors", errors);
        options(model);
        return "plan/import-preview";
    }

    private void options(Model model) {
        model.addAttribute("offices", options.offices());
        model.addAttribute("termOptions", options.terms());
    }
}
