package org.jiaoyan.rules.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Sector;
import org.jiaoyan.rules.Comparison;
import org.jiaoyan.rules.Compliance;
import org.jiaoyan.rules.ComplianceMatrix;
import org.jiaoyan.rules.ComplianceState;
import org.jiaoyan.rules.MatrixFilter;
import org.jiaoyan.rules.PeriodKind;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.RulePeriod;
import org.jiaoyan.rules.RuleSpec;
import org.jiaoyan.rules.RuleTemplate;
import org.jiaoyan.rules.RuleWords;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.rules.SubjectFilter;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for 工作制度: a school's rules (list, detail with versions, create from a template or from scratch, change from
 * a date, switch on and off, dry run) and compliance as flat items (one per matrix cell), with the pages' services
 * and data scope. A spec is always the object {@code spec}; on create, what it leaves out comes from the template.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "工作制度", description = "制度（规则）：查询、按模板新建、按日期生效的修改、启用停用、试运行；达标情况（按对象和周期）")
class RuleApi {

    /** The longest range a compliance request may ask for (a matrix of weeks over two years is already large). */
    private static final int MAX_YEARS = 2;
    /** The fields of a spec, which the API names inside "spec". */
    private static final Set<String> SPEC_FIELDS = Arrays.stream(RuleSpec.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    private final Rules rules;
    private final Compliance compliance;
    private final RuleWords words;
    private final OrgUnits units;
    private final MatrixFilter filter;

    RuleApi(Rules rules, Compliance compliance, RuleWords words, OrgUnits units, MatrixFilter filter) {
        this.rules = rules;
        this.compliance = compliance;
        this.words = words;
        this.units = units;
        this.filter = filter;
    }

    @Operation(operationId = "listRules", summary = "本校（或 schoolId 指定学校）适用的制度：本校制度和县区制度（分页，县区制度在后）；"
            + "给出 regionId 时为该县区自己的全部县区制度（含未启用的，仅该县区的县区教研员）")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "学校不存在，或不在账号的数据范围内；regionId 不是账号所在的县区")
    @ApiResponse(responseCode = "422", description = "账号不属于任何学校且未给出 schoolId")
    @GetMapping("/rules")
    PageResult<RuleJson> list(@RequestParam(required = false) @Nullable Long schoolId,
                              @Parameter(description = "县区（region）的 id：列出该县区的县区制度")
                              @RequestParam(required = false) @Nullable Long regionId,
                              @RequestParam(required = false) @Nullable Integer page,
                              @RequestParam(required = false) @Nullable Integer size, Locale locale) {
        if (regionId != null) {
            return page(rules.ofRegion(regionId).stream().map(r -> json(r, Sector.EDUCATION, locale)).toList(), page, size);
        }
        long school = school(schoolId);
        List<Rule> list = rules.ofInstitution(school);
        Sector sector = Access.asSystem(() -> units.get(school)).sector();
        List<RuleJson> all = list.stream().map(r -> json(r, sector, locale)).toList();
        return page(all, page, size);
    }

    @Operation(operationId = "getRule", summary = "制度详情：当前要求（spec）、用一句话说明的要求、全部版本及各自的生效日期")
    @GetMapping("/rules/{id}")
    RuleDetailJson get(@PathVariable long id, Locale locale) {
        return detail(id, locale);
    }

    @Operation(operationId = "createRule", summary = "新建本校制度（教科室主任），或给出 regionId（代替 schoolId）新建发布到全县各校的县区制度"
            + "（该县区的县区教研员）：给出 templateCode 时，spec 中未填的字段和名称取自模板；新建的制度未启用，先试运行再启用")
    @ApiResponse(responseCode = "201", description = "已创建；Location 头为新记录的地址", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "账号不能管理该学校的制度，或不是该县区的县区教研员")
    @PostMapping("/rules")
    ResponseEntity<RuleDetailJson> create(@RequestBody RuleRequest body, Locale locale) {
        if (body.regionId() != null && body.schoolId() != null) {
            throw new ValidationException("regionId", "rule.owner.both");
        }
        RuleTemplate template = template(body.templateCode());
        String name = body.name() != null ? body.name() : template != null ? template.name() : "";
        RuleSpec spec = specOf(body.spec(), template == null ? null : template.spec(), null);
        Long region = body.regionId();
        long id = region != null
                ? inSpec(() -> rules.createCounty(region, name, spec, Boolean.TRUE.equals(body.publicRanking())))
                : inSpec(() -> rules.create(school(body.schoolId()), template == null ? null : template.code(), name, spec,
                        Boolean.TRUE.equals(body.publicRanking())));
        return ResponseEntity.created(URI.create("/api/v1/rules/" + id)).body(detail(id, locale));
    }

    @Operation(operationId = "updateRule", summary = "修改制度：新的要求自 effectiveFrom（默认今天）起生效，此前开始的周期仍按原要求评判；"
            + "spec 为完整的新要求（未填的可选字段视为空）；需带上读取时的 version，被他人修改过则返回 409")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "账号不能管理该制度（县区制度只有该县区的县区教研员能修改）")
    @ApiResponse(responseCode = "409", description = "version 与当前不一致：记录已被他人修改，什么也没有改")
    @PutMapping("/rules/{id}")
    RuleDetailJson update(@PathVariable long id, @RequestBody RuleRequest body, Locale locale) {
        Rule current = rules.get(id);
        List<FieldProblem> missing = new ArrayList<>();
        if (body.version() == null) {
            missing.add(new FieldProblem("version", "validation.required"));
        }
        if (body.spec() == null) {
            missing.add(new FieldProblem("spec", "validation.required"));
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        RuleSpec spec = specOf(body.spec(), null, current.spec().remindDays());
        int version = body.version();
        inSpec(() -> {
            rules.update(id, version, body.name() == null ? "" : body.name(), spec,
                    body.effectiveFrom() != null ? body.effectiveFrom() : LocalDate.now(),
                    body.publicRanking() != null ? body.publicRanking() : current.publicRanking(), blankToNull(body.note()));
            return id;
        });
        return detail(id, locale);
    }

    @Operation(operationId = "enableRule", summary = "启用制度：此后按它统计达标情况并提醒；所需记录模块尚未上线的制度不能启用（422）")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "制度所需的记录模块尚未上线，不能启用")
    @PostMapping("/rules/{id}/enable")
    RuleDetailJson enable(@PathVariable long id, Locale locale) {
        rules.enable(id, true);
        return detail(id, locale);
    }

    @Operation(operationId = "disableRule", summary = "停用制度：不再统计和提醒，已存档的周期保留")
    @PostMapping("/rules/{id}/disable")
    RuleDetailJson disable(@PathVariable long id, Locale locale) {
        rules.enable(id, false);
        return detail(id, locale);
    }

    @Operation(operationId = "dryRunRule", summary = "试运行尚未保存的要求：按学校（给出 regionId 时为该县区各校）已有记录试算 from—to"
            + "（默认上个月）中已结束的周期，回答多少对象会被判为未达标；不保存，也不提醒任何人")
    @PostMapping("/rules/dry-run")
    DryRunJson dryRun(@RequestBody DryRunRequest body) {
        RuleTemplate template = template(body.templateCode());
        RuleSpec spec = specOf(body.spec(), template == null ? null : template.spec(), null);
        YearMonth last = YearMonth.now().minusMonths(1);
        LocalDate[] range = range(body.from(), body.to(), last.atDay(1), last.atEndOfMonth());
        Long region = body.regionId();
        Compliance.DryRun run = region != null ? inSpec(() -> compliance.dryRunRegion(region, spec, range[0], range[1]))
                : inSpec(() -> compliance.dryRun(school(body.schoolId()), spec, range[0], range[1]));
        return new DryRunJson(run.flagged(), run.subjects(), run.periods().stream().map(PeriodJson::of).toList(), run.examples());
    }

    @Operation(operationId = "listCompliance", summary = "一条制度的达标情况：每个对象在每个周期一项（不适用的周期不列出），对象按矩阵顺序、周期按时间顺序；"
            + "from—to 默认为本学期至今；教师只看到与自己有关的行，除非制度公开排名；可按学校、教研组/备课组（groupId）和学科（subject）筛选，"
            + "筛选在数据范围之后进行")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "制度不存在，或不在账号的数据范围内；schoolId 不是该制度适用的学校；groupId 不是账号可见的、该制度适用学校的组")
    @ApiResponse(responseCode = "422", description = "to 早于 from，或时段超过两年；subject 不是学科字典中的代码")
    @GetMapping("/compliance")
    PageResult<ComplianceItemJson> compliance(@RequestParam long ruleId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                                              @RequestParam(required = false) @Nullable Long schoolId,
                                              @Parameter(description = "教研组/备课组的 id：只列出该组本身、组员、组员所在的师徒结对，以及成员都在该组内的组（如教研组下的备课组）；"
                                                      + "对象为学校的制度不按组筛选")
                                              @RequestParam(required = false) @Nullable Long groupId,
                                              @Parameter(description = "学科代码（学科字典，如 MATH）：只列出任教该学科的教师、该学科的组、其中一人任教该学科的师徒结对；"
                                                      + "对象为学校的制度不按学科筛选", example = "MATH")
                                              @RequestParam(required = false) @Nullable String subject,
                                              @RequestParam(required = false) @Nullable Integer page,
                                              @RequestParam(required = false) @Nullable Integer size) {
        LocalDate[] range = termSoFar(from, to);
        ComplianceMatrix m = filter.apply(compliance.matrix(ruleId, range[0], range[1], schoolId), schoolId,
                new MatrixFilter.Criteria(null, groupId, subject));
        List<ComplianceItemJson> items = new ArrayList<>();
        for (ComplianceMatrix.Row row : m.rows()) {
            for (int i = 0; i < m.periods().size(); i++) {
                ComplianceMatrix.Cell c = row.cells().get(i);
                if (c != null) {
                    RulePeriod p = m.periods().get(i);
                    items.add(new ComplianceItemJson(row.subject().id(), row.subject().name(), row.subject().institutionId(),
                            row.institutionName(), p.label(), p.span().from(), p.span().to(), c.count(), c.state()));
                }
            }
        }
        return page(items, page, size);
    }

    @Operation(operationId = "listMyCompliance", summary = "我的制度完成情况：已启用的制度中与当前用户有关的行（本人、负责的组、师徒结对），"
            + "每个周期一项；from—to 默认为本学期至今；账号未关联教师时为空列表")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "to 早于 from，或时段超过两年")
    @GetMapping("/me/compliance")
    PageResult<MyComplianceItemJson> mine(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                                          @RequestParam(required = false) @Nullable Integer page,
                                          @RequestParam(required = false) @Nullable Integer size) {
        LocalDate[] range = termSoFar(from, to);
        Long person = Access.user().personId();
        List<MyComplianceItemJson> items = new ArrayList<>();
        if (person != null) {
            for (Map.Entry<Rule, List<ComplianceMatrix.Row>> e : compliance.mineByRule(person, range[0], range[1]).entrySet()) {
                Rule rule = e.getKey();
                // the same periods mineByRule evaluated the rows on
                List<RulePeriod> periods = compliance.periods(rule.spec(), range[0], range[1]);
                for (ComplianceMatrix.Row row : e.getValue()) {
                    for (int i = 0; i < periods.size() && i < row.cells().size(); i++) {
                        ComplianceMatrix.Cell c = row.cells().get(i);
                        if (c != null) {
                            RulePeriod p = periods.get(i);
                            items.add(new MyComplianceItemJson(rule.id(), rule.name(), row.subject().id(), row.subject().name(),
                                    p.label(), p.span().from(), p.span().to(), c.count(), c.state()));
                        }
                    }
                }
            }
        }
        return page(items, page, size);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private RuleDetailJson detail(long id, Locale locale) {
        Rule rule = rules.get(id);
        Sector sector = sectorOf(rule);
        List<Map.Entry<LocalDate, RuleSpec>> versions = rules.versions(id);
        List<VersionJson> out = new ArrayList<>();
        for (Map.Entry<LocalDate, RuleSpec> v : versions) {
            out.add(new VersionJson(v.getKey(), v.getKey().equals(rule.effectiveFrom()), words.sentence(v.getValue(), sector, locale),
                    v.getValue()));
        }
        return new RuleDetailJson(json(rule, sector, locale), rules.canManageRule(rule), out);
    }

    private RuleJson json(Rule r, Sector sector, Locale locale) {
        return new RuleJson(r.id(), r.institutionId(), r.regionId(), r.parentRuleId(), r.templateCode(), r.name(), r.enabled(),
                r.publicRanking(), r.countyRule(), r.version(), r.effectiveFrom(), words.sentence(r.spec(), sector, locale), r.spec());
    }

    private Sector sectorOf(Rule rule) {
        Long school = rule.institutionId();
        return school == null ? Sector.EDUCATION : Access.asSystem(() -> units.get(school)).sector();
    }

    private static long school(@Nullable Long schoolId) {
        if (schoolId != null) {
            return schoolId;
        }
        Long mine = Access.user().institutionId();
        if (mine == null) {
            throw new ValidationException("schoolId", "validation.required");
        }
        return mine;
    }

    private static @Nullable RuleTemplate template(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return RuleTemplate.byCode(code.strip()).orElseThrow(() -> new ValidationException("templateCode", "rule.template.unknown"));
    }

    /**
     * The spec of a request: each field as given, else the base's (a template's); the required ones (metric, subjects,
     * period, comparison, threshold) named at their field when neither has them. remindDays falls back to the base,
     * then to {@code remindDays}, then to 2.
     */
    static RuleSpec specOf(@Nullable SpecRequest s, @Nullable RuleSpec base, @Nullable Integer remindDays) {
        SpecRequest given = s != null ? s : new SpecRequest(null, null, null, null, null, null, null, null, null, null, null, null);
        List<FieldProblem> missing = new ArrayList<>();
        String metric = required(given.metricId(), base == null ? null : base.metricId(), "spec.metricId", missing);
        SubjectFilter filter = required(given.filter(), base == null ? null : base.filter(), "spec.filter", missing);
        PeriodKind period = required(given.periodKind(), base == null ? null : base.periodKind(), "spec.periodKind", missing);
        Comparison comparison = required(given.comparison(), base == null ? null : base.comparison(), "spec.comparison", missing);
        Integer threshold = required(given.threshold(), base == null ? null : base.threshold(), "spec.threshold", missing);
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        int remind = given.remindDays() != null ? given.remindDays()
                : base != null ? base.remindDays() : remindDays != null ? remindDays : 2;
        return new RuleSpec(metric.strip(), filter, or(given.filterValue(), base == null ? null : base.filterValue()), period,
                or(given.customFrom(), base == null ? null : base.customFrom()), or(given.customTo(), base == null ? null : base.customTo()),
                comparison, threshold, or(given.thresholdHigh(), base == null ? null : base.thresholdHigh()), remind,
                or(given.validFrom(), base == null ? null : base.validFrom()), or(given.validTo(), base == null ? null : base.validTo()));
    }

    /** The service names a spec's fields plainly (threshold); in the API they are inside spec (spec.threshold). */
    private static <T> T inSpec(Supplier<T> call) {
        try {
            return call.get();
        } catch (ValidationException e) {
            throw new ValidationException(e.problems().stream().map(p -> p.field() != null && SPEC_FIELDS.contains(p.field())
                    ? new FieldProblem("spec." + p.field(), p.messageKey(), p.args()) : p).toList());
        }
    }

    private static <T> T required(@Nullable T given, @Nullable T fallback, String field, List<FieldProblem> missing) {
        T value = given != null ? given : fallback;
        if (value == null || (value instanceof String text && text.isBlank())) {
            missing.add(new FieldProblem(field, "validation.required"));
        }
        return value;
    }

    private static <T> @Nullable T or(@Nullable T given, @Nullable T fallback) {
        return given != null ? given : fallback;
    }

    /** The current term up to today (else the last three months), for whichever end is not given. */
    private LocalDate[] termSoFar(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate today = LocalDate.now();
        var term = compliance.terms().stream().filter(t -> t.contains(today)).findFirst();
        LocalDate defaultFrom = term.map(SchoolTerm::startDate).orElse(today.minusMonths(3).withDayOfMonth(1));
        LocalDate defaultTo = term.map(t -> t.endDate().isBefore(today) ? t.endDate() : today).orElse(today);
        return range(from, to, defaultFrom, defaultTo);
    }

    /** from—to with defaults for the ends not given; both given the wrong way round, or more than two years, is refused. */
    private static LocalDate[] range(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate defaultFrom, LocalDate defaultTo) {
        LocalDate f = from != null ? from : defaultFrom;
        LocalDate t = to != null ? to : defaultTo;
        if (t.isBefore(f)) {
            if (from != null && to != null) {
                throw new ValidationException("to", "compliance.range.invalid");
            }
            if (from == null) {
                f = t;
            } else {
                t = f;
            }
        }
        if (t.isAfter(f.plusYears(MAX_YEARS))) {
            throw new ValidationException("to", "compliance.range.tooLong", MAX_YEARS);
        }
        return new LocalDate[] {f, t};
    }

    /** A page of a list computed whole (a school's rules, the cells of one matrix). */
    private static <T> PageResult<T> page(List<T> all, @Nullable Integer page, @Nullable Integer size) {
        PageQuery q = PageQuery.of(page, size, null, null).within(all.size());
        int from = Math.min(q.offset(), all.size());
        int to = Math.min(from + q.size(), all.size());
        return new PageResult<>(all.subList(from, to), all.size(), q.page(), q.size());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    /**
     * What a rule checks, as sent: every field optional here; on create the template fills what is left out, on
     * update the required ones (metricId, filter, periodKind, comparison, threshold) must be given.
     */
    record SpecRequest(@Nullable String metricId, @Nullable SubjectFilter filter, @Nullable String filterValue,
                       @Nullable PeriodKind periodKind, @Nullable LocalDate customFrom, @Nullable LocalDate customTo,
                       @Nullable Comparison comparison, @Nullable Integer threshold, @Nullable Integer thresholdHigh,
                       @Nullable Integer remindDays, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
    }

    /**
     * Body of POST (schoolId defaults to the user's school, regionId instead makes a county rule; templateCode
     * optional) and PUT (version required, effectiveFrom defaults to today, note is the reason kept with the version)
     * of /api/v1/rules.
     */
    record RuleRequest(@Nullable Long schoolId, @Nullable Long regionId, @Nullable String templateCode, @Nullable String name,
                       @Nullable SpecRequest spec, @Nullable Boolean publicRanking, @Nullable Integer version,
                       @Nullable LocalDate effectiveFrom, @Nullable String note) {
    }

    /** Body of POST /api/v1/rules/dry-run: the school (or the county), a spec (or a template and changes to it) and the range. */
    record DryRunRequest(@Nullable Long schoolId, @Nullable Long regionId, @Nullable String templateCode, @Nullable SpecRequest spec,
                         @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    /** A rule with the version in force today; schoolId is null for a county rule (regionId set). */
    record RuleJson(long id, @Nullable Long schoolId, @Nullable Long regionId, @Nullable Long parentRuleId,
                    @Nullable String templateCode, String name, boolean enabled, boolean publicRanking, boolean countyRule,
                    int version, LocalDate effectiveFrom, String sentence, RuleSpec spec) {
    }

    /** A rule, whether the user may change it, and every version (oldest first). */
    record RuleDetailJson(RuleJson rule, boolean canManage, List<VersionJson> versions) {
    }

    record VersionJson(LocalDate effectiveFrom, boolean current, String sentence, RuleSpec spec) {
    }

    record PeriodJson(String label, LocalDate from, LocalDate to) {
        static PeriodJson of(RulePeriod p) {
            return new PeriodJson(p.label(), p.span().from(), p.span().to());
        }
    }

    /** flagged of subjects would have been judged 未达标 in at least one period; examples name up to eight. */
    record DryRunJson(long flagged, long subjects, List<PeriodJson> periods, List<String> examples) {
    }

    /** One cell of the matrix: a subject (teacher, group, pair or school) in one period. */
    record ComplianceItemJson(long subjectId, String subjectName, long schoolId, String schoolName, String period,
                              LocalDate periodFrom, LocalDate periodTo, long count, ComplianceState state) {
    }

    /** One cell of the signed-in user's own rows, with its rule. */
    record MyComplianceItemJson(long ruleId, String ruleName, long subjectId, String subjectName, String period,
                                LocalDate periodFrom, LocalDate periodTo, long count, ComplianceState state) {
    }
}
