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
import org.jiaoyan.rules.MatrixFilter;
import org.jiaoyan.rules.PeriodKind;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.RuleTemplate;
import org.jiaoyan.rules.RuleWords;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.rules.SubjectFilter;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
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
    private final MatrixFilter filter;

    RuleController(Rules rules, Compliance compliance, Exemptions exemptions, RuleWords words, Metrics metrics,
                   OrgUnits units, MessageSource messages, ComplianceExport export, ComplianceOverview overview,
                   MatrixFilter filter) {
        this.overview = overview;
        this.rules = rules;
        this.compliance = compliance;
        this.exemptions = exemptions;
        this.words = words;
        this.metrics = metrics;
        this.units = units;
        this.messages = messages;
        this.export = export;
        this.filter = filter;
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

    /**
     * 县区: the county's rules (all of them, for its 县区教研员 to create, change, switch on and off) and per rule switched
     * on, per school, the share of subjects that met it this period.
     */
    @GetMapping("/county")
    String county(@RequestParam(required = false) @Nullable Long region, Model model, Locale locale) {
        Long r = region != null ? region : rules.regionOfUser();
        if (r == null) {
            throw new NotFoundException();
        }
        List<Rule> countyRules = rules.ofRegion(r);
        model.addAttribute("region", r);
        model.addAttribute("countyRules", countyRules);
        model.addAttribute("canManage", rules.canManageCounty(r));
        model.addAttribute("shares", compliance.countyShares(r, LocalDate.now()));
        model.addAttribute("sentences", sentences(countyRules, Sector.EDUCATION, locale));
        model.addAttribute("schools", units.institutions()); // the picker of a school's overview
        return "rules/county";
    }

    /** A new rule of a school, or with region a new county rule (its 县区教研员); from a template when given. */
    @GetMapping("/new")
    String newForm(@RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable Long region,
                   @RequestParam(required = false) @Nullable String template, Model model, Locale locale) {
        RuleForm form = template == null ? new RuleForm()
                : RuleTemplate.byCode(template).map(t -> RuleForm.of(t.name(), t.spec())).orElseThrow(NotFoundException::new);
        if (region != null) {
            rules.requireCounty(region);
            if (!rules.canManageCounty(region)) {
                throw new ForbiddenException();
            }
            form.setRegion(region);
        } else {
            long inst = school(school);
            rules.requireRead(inst);
            form.setTemplateCode(template);
            form.setSchool(inst);
        }
        return form(form, null, null, model, locale);
    }

    @PostMapping
    String create(@ModelAttribute("ruleForm") RuleForm form, BindingResult result, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Long region = form.getRegion();
        if (region == null) {
            form.setSchool(school(form.getSchool()));
        }
        try {
            long id = region != null ? rules.createCounty(region, form.getName(), form.spec(), form.isPublicRanking())
                    : rules.create(form.getSchool(), blank(form.getTemplateCode()), form.getName(), form.spec(), form.isPublicRanking());
            Flash.success(redirect, "rules.created", form.getName());
            return "redirect:/rules/" + id;
        } catch (ValidationException e) {
            Forms.reject(e, result);
            return form(form, null, null, model, locale);
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
        boolean canManage = rules.canManageRule(rule);
        model.addAttribute("rule", rule);
        model.addAttribute("sentence", words.sentence(rule.spec(), sector, locale));
        model.addAttribute("versions", rules.versions(id).stream()
                .map(v -> Map.entry(v.getKey(), words.sentence(v.getValue(), sector, locale))).toList());
        model.addAttribute("published", metrics.published(rule.spec().metricId()));
        // a county rule is tried over the county's schools by its 县区教研员, over their own school by a school's staff
        model.addAttribute("dryRun", rule.countyRule() && canManage
                ? compliance.dryRunRegion(rule.regionId(), rule.spec(), dryFrom, dryTo)
                : compliance.dryRun(rule.institutionId() != null ? rule.institutionId() : school(null), rule.spec(), dryFrom, dryTo));
        model.addAttribute("dryFrom", dryFrom);
        model.addAttribute("dryTo", dryTo);
        model.addAttribute("canManage", canManage);
        Long mine = rules.schoolOfUser();
        boolean canTighten = rule.countyRule() && mine != null && Access.scope().canManageInstitution(mine);
        model.addAttribute("canTighten", canTighten);
        model.addAttribute("tightening", canTighten ? rules.tighteningOf(id, mine).orElse(null) : null);
        model.addAttribute("parentRule", parentOf(rule));
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
        if (!rules.canManageRule(rule)) {
            throw new ForbiddenException();
        }
        RuleForm form = RuleForm.of(rule);
        form.setEffectiveFrom(LocalDate.now());
        return form(form, rule, null, model, locale);
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
        return form(form, rule, null, model, locale);
    }

    /** 收紧本校要求: the county rule's form, prefilled, for the school's manager to make a stricter school version. */
    @GetMapping("/{id}/tighten")
    String tightenForm(@PathVariable long id, Model model, Locale locale) {
        Rule county = countyRuleToTighten(id);
        long inst = school(null);
        var existing = rules.tighteningOf(id, inst);
        if (existing.isPresent()) {
            return "redirect:/rules/" + existing.get().id() + "/edit";
        }
        RuleForm form = RuleForm.of(messages.getMessage("rules.tighten.name", new Object[] {county.name()}, locale), county.spec());
        form.setSchool(inst);
        form.setPublicRanking(county.publicRanking());
        return form(form, null, county, model, locale);
    }

    @PostMapping("/{id}/tighten")
    String tighten(@PathVariable long id, @ModelAttribute("ruleForm") RuleForm form, BindingResult result, Model model,
                   Locale locale, RedirectAttributes redirect) {
        Rule county = countyRuleToTighten(id);
        long inst = school(null);
        form.setSchool(inst);
        form.setRegion(null);
        try {
            long created = rules.tighten(id, inst, form.getName(), form.spec());
            Flash.success(redirect, "rules.tightened", form.getName());
            return "redirect:/rules/" + created;
        } catch (ValidationException e) {
            Forms.reject(e, result);
            return form(form, null, county, model, locale);
        }
    }

    /** A county rule the user's school may tighten: readable, a county rule, and the school managed by the user. */
    private Rule countyRuleToTighten(long id) {
        Rule county = rules.get(id);
        if (!county.countyRule()) {
            throw new NotFoundException();
        }
        Long mine = rules.schoolOfUser();
        if (mine == null || !Access.scope().canManageInstitution(mine)) {
            throw new ForbiddenException();
        }
        return county;
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
        return rule.countyRule() ? "redirect:/rules/county?region=" + rule.regionId()
                : "redirect:/rules?school=" + rule.institutionId();
    }

    /** The sentence and the dry run for what is typed in the editor (htmx, on change). */
    @GetMapping("/preview")
    String preview(@ModelAttribute("ruleForm") RuleForm form, Model model, Locale locale) {
        Long region = form.getRegion();
        Sector sector;
        if (region != null) {
            rules.requireCounty(region);
            sector = Sector.EDUCATION;
        } else {
            long inst = school(form.getSchool());
            rules.requireRead(inst);
            sector = unit(inst).sector();
        }
        try {
            model.addAttribute("sentence", words.sentence(form.spec(), sector, locale));
            model.addAttribute("dryRun", dryRun(form));
        } catch (RuntimeException e) {
            model.addAttribute("sentence", "");
            model.addAttribute("dryRun", null);
        }
        model.addAttribute("published", metrics.published(form.getMetricId() == null ? "" : form.getMetricId()));
        return "rules/fragments :: preview";
    }

    /** The form's spec tried on last month: over the county's schools for a county rule, else over the school. */
    private Compliance.DryRun dryRun(RuleForm form) {
        LocalDate lastMonth = YearMonth.from(LocalDate.now()).minusMonths(1).atDay(1);
        LocalDate end = YearMonth.from(lastMonth).atEndOfMonth();
        return form.getRegion() != null ? compliance.dryRunRegion(form.getRegion(), form.spec(), lastMonth, end)
                : compliance.dryRun(school(form.getSchool()), form.spec(), lastMonth, end);
    }

    @GetMapping("/{id}/matrix")
    String matrix(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                  @RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable String q,
                  @RequestParam(required = false) @Nullable Long group, @RequestParam(required = false) @Nullable String subject,
                  Model model, Locale locale) {
        Rule rule = rules.get(id);
        LocalDate[] range = range(rule, from, to);
        Sector sector = sectorOf(rule);
        List<MatrixFilter.GroupChoice> groups = filter.groups(rule, school);
        Map<String, String> subjects = sector == Sector.EDUCATION && filter.narrowsByGroup(rule) ? filter.subjects() : Map.of();
        // a group of another school (the school was just changed) or an unknown 学科 is dropped, not refused
        Long groupFilter = group != null && groups.stream().anyMatch(g -> g.id() == group) ? group : null;
        String subjectFilter = subject != null && subjects.containsKey(subject) ? subject : null;
        ComplianceMatrix m = filter.apply(compliance.matrix(id, range[0], range[1], school), school,
                new MatrixFilter.Criteria(q, groupFilter, subjectFilter));
        model.addAttribute("rule", rule);
        model.addAttribute("sentence", words.sentence(rule.spec(), sector, locale));
        model.addAttribute("matrix", m);
        model.addAttribute("from", range[0]);
        model.addAttribute("to", range[1]);
        model.addAttribute("q", q);
        model.addAttribute("schoolFilter", school);
        model.addAttribute("schools", rule.countyRule() ? units.institutions() : List.of());
        model.addAttribute("groups", groups);
        model.addAttribute("groupSections", groupSections(groups, rule.countyRule() && school == null, locale));
        model.addAttribute("groupFilter", groupFilter);
        model.addAttribute("subjects", subjects);
        model.addAttribute("subjectFilter", subjectFilter);
        model.addAttribute("seesAll", seesAllRows(rule));
        return "rules/matrix";
    }

    /** The group choices under headings: 教研组, 备课组 … (each school's, where the matrix spans several). */
    private Map<String, List<MatrixFilter.GroupChoice>> groupSections(List<MatrixFilter.GroupChoice> groups, boolean bySchool,
                                                                     Locale locale) {
        Map<String, List<MatrixFilter.GroupChoice>> out = new LinkedHashMap<>();
        for (MatrixFilter.GroupChoice g : groups) {
            String kind = messages.getMessage("rule.groupKind." + (g.kind() == null ? "FREE" : g.kind().name()), null, locale);
            out.computeIfAbsent(bySchool ? g.institutionName() + " · " + kind : kind, k -> new java.util.ArrayList<>()).add(g);
        }
        return out;
    }

    /** The matrix as .xlsx, with the filters of the page. */
    @GetMapping("/{id}/matrix.xlsx")
    void matrixExport(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                      @RequestParam(required = false) @Nullable Long school, @RequestParam(required = false) @Nullable String q,
                      @RequestParam(required = false) @Nullable Long group, @RequestParam(required = false) @Nullable String subject,
                      Locale locale, HttpServletResponse response) throws IOException {
        Rule rule = rules.get(id);
        LocalDate[] range = range(rule, from, to);
        ComplianceMatrix m = filter.apply(compliance.matrix(id, range[0], range[1], school), school,
                new MatrixFilter.Criteria(q, group, subject));
        export.write(m, words.sentence(rule.spec(), sectorOf(rule), locale), locale, response);
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

    /** The editor: a new rule (rule null), a change of one, or a school's stricter version of a county rule (tightenOf). */
    private String form(RuleForm form, @Nullable Rule rule, @Nullable Rule tightenOf, Model model, Locale locale) {
        model.addAttribute("ruleForm", form);
        model.addAttribute("rule", rule);
        model.addAttribute("tightenOf", tightenOf);
        model.addAttribute("tightenSentence", tightenOf == null ? null : words.sentence(tightenOf.spec(), Sector.EDUCATION, locale));
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
        Sector sector = form.getRegion() != null ? Sector.EDUCATION
                : unit(form.getSchool() != null ? form.getSchool() : school(null)).sector();
        model.addAttribute("sentence", safeSentence(form, sector, locale));
        boolean published = metrics.published(form.getMetricId() == null ? "" : form.getMetricId());
        model.addAttribute("published", published);
        try {
            model.addAttribute("dryRun", published ? dryRun(form) : null);
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

    /**
     * Whether the matrix shows the user every row of the schools it covers (else a note says only their own rows are
     * shown): a school's leaders for the school's rules; for a county rule the county, and a school's leaders (who see
     * their school's rows).
     */
    private boolean seesAllRows(Rule rule) {
        if (rule.institutionId() != null) {
            return Access.scope().canReadInstitution(rule.institutionId());
        }
        if (Access.user().has(org.jiaoyan.security.Role.COUNTY_RESEARCHER) || rules.canManageRule(rule)) {
            return true;
        }
        Long mine = rules.schoolOfUser();
        return mine != null && Access.scope().canReadInstitution(mine);
    }

    /** The county rule a school's rule tightens, when the user may read it. */
    private @Nullable Rule parentOf(Rule rule) {
        if (rule.parentRuleId() == null) {
            return null;
        }
        try {
            return rules.get(rule.parentRuleId());
        } catch (NotFoundException gone) {
            return null;
        }
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
