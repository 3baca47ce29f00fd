package org.jiaoyan.rules.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.metrics.MetricDefinition;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Sector;
import org.jiaoyan.rules.Compliance;
import org.jiaoyan.rules.ComplianceOverview;
import org.jiaoyan.rules.ComplianceMatrix;
import org.jiaoyan.rules.Comparison;
import org.jiaoyan.rules.Exemptions;
import org.jiaoyan.rules.PeriodKind;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.RuleTemplate;
import org.jiaoyan.rules.RuleWords;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.rules.SubjectFilter;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作制度: the school's rules and templates, the editor with its sentence and dry run, the matrix and a cell. */
@Controller
@RequestMapping("/rules")
class RuleController {

    private final Rules rules;
    private final Compliance compliance;
    private final Exemptions exemptions;
    private final RuleWords words;
    private final Metrics metrics;
    private final OrgUnits units;
    private final MessageSource messages;
    private final ComplianceExport export;
    private final ComplianceOverview overview;

    RuleController(Rules rules, Compliance compliance, Exemptions exemptions, RuleWords words, Metrics metrics,
                   OrgUnits units, MessageSource messages, ComplianceExport export, ComplianceOverview overview) {
        this.overview = overview;
        this.rules = rules;
        this.compliance = compliance;
        this.exemptions = exemptions;
        this.words = words;
        this.metrics = metrics;
        this.units = units;
        this.messages = messages;
        this.export = export;
    }

    @InitBinder("ruleForm")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "rules");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long school, Model model, Locale locale) {
        if (school == null && Access.user().has(Role.COUNTY_RESEARCHER)) {
            return "redirect:/rules/county";
        }
        long inst = school(school);
        List<Rule> list = rules.ofInstitution(inst);
        OrgUnit unit = unit(inst);
        model.addAttribute("school", unit);
        model.addAttribute("schools", units.institutions());
        model.addAttribute("rules", list);
        model.addAttribute("sentences", sentences(list, unit.sector(), locale));
        model.addAttribute("templates", rules.templates(inst));
        model.addAttribute("canManage", Access.scope().canManageInstitution(inst));
        model.addAttribute("canOverview", Access.scope().canReadInstitution(inst) || Access.user().has(Role.GROUP_LEADER));
        return "rules/rule-list";
    }

    /**
     * 总览: rules × 教研组 with the share met in a month (?month=2026-11, default this month); a county researcher picks
     * one school of the county (?schoolId=). A month that cannot be read shows this month with a message at the field.
     */
    @GetMapping("/overview")
    String overview(@RequestParam(required = false) @Nullable String month, @RequestParam(required = false) @Nullable Long schoolId,
                    Model model, Locale locale) {
        YearMonth ym = YearMonth.now();
        if (month != null && !month.isBlank()) {
            try {
                ym = YearMonth.parse(month.strip());
            } catch (java.time.format.DateTimeParseException e) {
                model.addAttribute("monthError", true);
            }
        }
        long inst = schoolId != null ? schoolId : overviewSchool();
        ComplianceOverview.Overview o = overview.overview(inst, ym, LocalDate.now());
        model.addAttribute("overview", o);
        model.addAttribute("sentences", sentences(o.rows().stream().map(ComplianceOverview.RuleRow::rule).toList(),
                o.hospital() ? Sector.HEALTHCARE : Sector.EDUCATION, locale));
        model.addAttribute("schools", o.wholeSchool() ? units.institutions() : List.of());
        model.addAttribute("month", ym);
        model.addAttribute("prevMonth", ym.minusMonths(1));
        model.addAttribute("nextMonth", ym.plusMonths(1));
        model.addAttribute("thisMonth", YearMonth.now());
        return "rules/overview";
    }

    /** The user's own school; for a county researcher the first school of the county (not the 教研室 itself). */
    private long overviewSchool() {
        Long mine = rules.schoolOfUser();
        if (Access.user().has(Role.COUNTY_RESEARCHER)) {
            return units.institutions().stream().map(OrgUnit::id).filter(id -> !id.equals(mine)).findFirst()
                    .orElseThrow(NotFoundException::new);
        }
        return school(mine);
    }

    /** 县区: the county's rules, per school the share of subjects that met each this period. */
    @GetMapping("/county")
    String county(@RequestParam(required = false) @Nullable Long region, Model model, Locale locale) {
        Long r = region != null ? region : Access.user().institutionId();
        if (r == null) {
            throw new NotFoundException();
        }
        var shares = compliance.countyShares(r, LocalDate.now());
        model.addAttribute("shares", shares);
        model.addAttribute("sentences", sentences(shares.stream().map(Compliance.CountyShare::rule).toList(), Sector.EDUCATION, locale));
        model.addAttribute("schools", units.institutions());
        return "rules/county";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable String template,
                   Model model, Locale locale) {
        long inst = school(school);
        rules.requireRead(inst);
        RuleForm form = template == null ? new RuleForm()
                : RuleTemplate.byCode(template).map(t -> RuleForm.of(t.name(), t.spec())).orElseThrow(NotFoundException::new);
        form.setTemplateCode(template);
        form.setSchool(inst);
        return form(form, null, model, locale);
    }

    @PostMapping
    String create(@ModelAttribute("ruleForm") RuleForm form, BindingResult result, Model model, Locale locale,
                  RedirectAttributes redirect) {
        long inst = school(form.getSchool());
        try {
            long id = rules.create(inst, blank(form.getTemplateCode()), form.getName(), form.spec(), form.isPublicRanking());
            Flash.success(redirect, "rules.created", form.getName());
            return "redirect:/rules/" + id;
        } catch (ValidationException e) {
            Forms.reject(e, result);
            form.setSchool(inst);
            return form(form, null, model, locale);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                  Model model, Locale locale) {
        Rule rule = rules.get(id);
        Sector sector = sectorOf(rule);
        LocalDate today = LocalDate.now();
        LocalDate dryFrom = from != null ? from : YearMonth.from(today).minusMonths(1).atDay(1);
        LocalDate dryTo = to != null ? to : YearMonth.from(today).minusMonths(1).atEndOfMonth();
        long inst = rule.institutionId() != null ? rule.institutionId() : school(null);
        model.addAttribute("rule", rule);
        model.addAttribute("sentence", words.sentence(rule.spec(), sector, locale));
        model.addAttribute("versions", rules.versions(id).stream()
                .map(v -> Map.entry(v.getKey(), words.sentence(v.getValue(), sector, locale))).toList());
        model.addAttribute("published", metrics.published(rule.spec().metricId()));
        model.addAttribute("dryRun", compliance.dryRun(inst, rule.spec(), dryFrom, dryTo));
        model.addAttribute("dryFrom", dryFrom);
        model.addAttribute("dryTo", dryTo);
        model.addAttribute("canManage", rules.canManageRule(rule));
        model.addAttribute("exemptions", exemptions.of(id));
        var runs = exemptions.runs(id);
        model.addAttribute("runs", runs);
        Map<LocalDate, String> frozenPeriods = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        runs.forEach(r -> frozenPeriods.put(r.periodFrom(), org.jiaoyan.shared.ChineseDates.date(r.periodFrom()) + "—"
                + org.jiaoyan.shared.ChineseDates.date(r.periodTo())));
        model.addAttribute("frozenPeriods", frozenPeriods);
        model.addAttribute("subjects", metrics.published(rule.spec().metricId()) && rules.canManageRule(rule)
                ? compliance.matrix(id, today, today, null).rows().stream().map(r -> r.subject()).toList() : List.of());
        return "rules/rule-detail";
    }

    /** The share met per period of the current term on the rows the user may see (the chart on the rule's page). */
    @GetMapping("/{id}/trend.json")
    @ResponseBody
    ComplianceOverview.Trend trend(@PathVariable long id) {
        return overview.trend(id, LocalDate.now());
    }

    /** Recomputes a frozen period from today's records, with a reason (logged with what changed). */
    @PostMapping("/{id}/recompute")
    String recompute(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period,
                     @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            int changed = exemptions.recompute(id, period, reason);
            Flash.success(redirect, "compliance.recompute.done", org.jiaoyan.shared.ChineseDates.date(period), changed);
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        } catch (NotFoundException e) {
            Flash.error(redirect, "compliance.recompute.notFrozen");
        }
        return "redirect:/rules/" + id;
    }

    @PostMapping("/{id}/exemptions")
    String addExemption(@PathVariable long id, @RequestParam(required = false) @Nullable Long subjectId,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            exemptions.add(id, subjectId, from, to, reason);
            Flash.success(redirect, "compliance.exempt.added");
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/rules/" + id;
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model, Locale locale) {
        Rule rule = rules.get(id);
        RuleForm form = RuleForm.of(rule);
        form.setEffectiveFrom(LocalDate.now());
        return form(form, rule, model, locale);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("ruleForm") RuleForm form, BindingResult result, Model model,
                  Locale locale, RedirectAttributes redirect) {
        Rule rule = rules.get(id);
        LocalDate from = form.getEffectiveFrom() != null ? form.getEffectiveFrom() : LocalDate.now();
        try {
            rules.update(id, form.getVersion(), form.getName(), form.spec(), from, form.isPublicRanking(), blank(form.getNote()));
            Flash.success(redirect, "rules.updated", form.getName(), org.jiaoyan.shared.ChineseDates.date(from));
            return "redirect:/rules/" + id;
        } catch (ValidationException e) {
            Forms.reject(e, result);
        } catch (StaleEditException e) {
            Forms.reject(e, result);
        }
        return form(form, rule, model, locale);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @RequestParam boolean on, RedirectAttributes redirect) {
        Rule rule = rules.get(id);
        try {
            rules.enable(id, on);
            Flash.success(redirect, on ? "rules.enabled.flash" : "rules.disabled.flash", rule.name());
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey());
        }
        return "redirect:/rules/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Rule rule = rules.get(id);
        Flash.outcome(redirect, "rules.deleted", () -> rules.delete(id, version));
        return "redirect:/rules?school=" + (rule.institutionId() == null ? "" : rule.institutionId());
    }

    /** The sentence and the dry run for what is typed in the editor (htmx, on change). */
    @GetMapping("/preview")
    String preview(@ModelAttribute("ruleForm") RuleForm form, Model model, Locale locale) {
        long inst = school(form.getSchool());
        rules.requireRead(inst);
        Sector sector = unit(inst).sector();
        try {
            model.addAttribute("sentence", words.sentence(form.spec(), sector, locale));
            LocalDate today = LocalDate.now();
            LocalDate from = YearMonth.from(today).minusMonths(1).atDay(1);
            model.addAttribute("dryRun", compliance.dryRun(inst, form.spec(), from, YearMonth.from(today).minusMonths(1).atEndOfMonth()));
        } catch (RuntimeException e) {
            model.addAttribute("sentence", "");
            model.addAttribute("dryRun", null);
        }
        model.addAttribute("published", metrics.published(form.getMetricId() == null ? "" : form.getMetricId()));
        return "rules/fragments :: preview";
    }

    @GetMapping("/{id}/matrix")
    String matrix(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                  @RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable String q,
                  Model model, Locale locale) {
        Rule rule = rules.get(id);
        LocalDate[] range = range(rule, from, to);
        ComplianceMatrix m = compliance.matrix(id, range[0], range[1], school);
        if (q != null && !q.isBlank()) {
            String needle = q.strip();
            m = new ComplianceMatrix(m.rule(), m.periods(), m.rows().stream()
                    .filter(r -> r.subject().name().contains(needle) || r.institutionName().contains(needle)).toList(), m.frozen());
        }
        model.addAttribute("rule", rule);
        model.addAttribute("sentence", words.sentence(rule.spec(), sectorOf(rule), locale));
        model.addAttribute("matrix", m);
        model.addAttribute("from", range[0]);
        model.addAttribute("to", range[1]);
        model.addAttribute("q", q);
        model.addAttribute("schoolFilter", school);
        model.addAttribute("schools", rule.countyRule() ? units.institutions() : List.of());
        model.addAttribute("seesAll", rule.institutionId() != null && Access.scope().canReadInstitution(rule.institutionId()));
        return "rules/matrix";
    }

    @GetMapping("/{id}/matrix.xlsx")
    void matrixExport(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                      @RequestParam(required = false) @Nullable Long school, Locale locale, HttpServletResponse response)
            throws IOException {
        Rule rule = rules.get(id);
        LocalDate[] range = range(rule, from, to);
        export.write(compliance.matrix(id, range[0], range[1], school), words.sentence(rule.spec(), sectorOf(rule), locale),
                locale, response);
    }

    /** One cell: the subject, the period, the count against the requirement, and the records behind it. */
    @GetMapping("/{id}/cell")
    String cell(@PathVariable long id, @RequestParam long subject, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period,
                Model model, Locale locale) {
        Rule rule = rules.get(id);
        model.addAttribute("rule", rule);
        model.addAttribute("sentence", words.sentence(rule.spec(), sectorOf(rule), locale));
        model.addAttribute("cell", compliance.cell(id, subject, period));
        return "rules/cell";
    }

    private String form(RuleForm form, @Nullable Rule rule, Model model, Locale locale) {
        model.addAttribute("ruleForm", form);
        model.addAttribute("rule", rule);
        Map<String, String> metricChoices = new LinkedHashMap<>();
        for (MetricDefinition d : metrics.all()) {
            metricChoices.put(d.id(), words.metricName(d.id(), d.labelKey(), locale));
        }
        for (RuleTemplate t : RuleTemplate.ALL) {
            String m = t.spec().metricId();
            if (!metricChoices.containsKey(m)) {
                metricChoices.put(m, words.metricName(m, null, locale) + "（" + messages.getMessage("rules.template.needs",
                        new Object[] {messages.getMessage(t.needsModuleKey(), null, locale)}, locale) + "）");
            }
        }
        model.addAttribute("metricChoices", metricChoices);
        model.addAttribute("filters", enumLabels(SubjectFilter.values(), "rule.filter.", locale));
        model.addAttribute("periodKinds", enumLabels(PeriodKind.values(), "rule.period.", locale));
        model.addAttribute("comparisons", enumLabels(Comparison.values(), "rule.comparison.", locale));
        long inst = form.getSchool() != null ? form.getSchool() : school(null);
        model.addAttribute("sentence", safeSentence(form, unit(inst).sector(), locale));
        boolean published = metrics.published(form.getMetricId() == null ? "" : form.getMetricId());
        model.addAttribute("published", published);
        LocalDate lastMonth = YearMonth.from(LocalDate.now()).minusMonths(1).atDay(1);
        try {
            model.addAttribute("dryRun", published ? compliance.dryRun(inst, form.spec(), lastMonth,
                    YearMonth.from(lastMonth).atEndOfMonth()) : null);
        } catch (RuntimeException invalidSoFar) {
            model.addAttribute("dryRun", null);
        }
        return "rules/rule-form";
    }

    private String safeSentence(RuleForm form, Sector sector, Locale locale) {
        try {
            return words.sentence(form.spec(), sector, locale);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private Map<String, String> enumLabels(Enum<?>[] values, String prefix, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            out.put(v.name(), messages.getMessage(prefix + v.name(), null, v.name(), locale));
        }
        return out;
    }

    private Map<Long, String> sentences(List<Rule> list, Sector sector, Locale locale) {
        Map<Long, String> out = new LinkedHashMap<>();
        list.forEach(r -> out.put(r.id(), words.sentence(r.spec(), sector, locale)));
        return out;
    }

    /** Default range: the current term up to its end, else the last three months. */
    private LocalDate[] range(Rule rule, @Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate today = LocalDate.now();
        var term = compliance.terms().stream().filter(t -> t.contains(today)).findFirst();
        LocalDate f = from != null ? from : term.map(t -> t.startDate()).orElse(today.minusMonths(3).withDayOfMonth(1));
        LocalDate t = to != null ? to : term.map(x -> x.endDate().isBefore(today) ? x.endDate() : today).orElse(today);
        if (t.isBefore(f)) {
            t = f;
        }
        if (t.isAfter(f.plusYears(2))) {
            t = f.plusYears(2);
        }
        return new LocalDate[] {f, t};
    }

    private Sector sectorOf(Rule rule) {
        if (rule.institutionId() != null) {
            return unit(rule.institutionId()).sector();
        }
        return Sector.EDUCATION;
    }

    /** A school's name and sector; read as the system once the rules service has checked the user may see it. */
    private OrgUnit unit(long id) {
        return Access.asSystem(() -> units.get(id));
    }

    private long school(@Nullable Long school) {
        if (school != null) {
            return school;
        }
        Long mine = rules.schoolOfUser();
        if (mine == null) {
            throw new NotFoundException();
        }
        return mine;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
