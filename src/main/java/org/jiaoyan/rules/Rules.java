package org.jiaoyan.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.metrics.SubjectKind;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rules as data: a school's own rules and the county rules published to it; create from a template or from scratch,
 * edit as a new version effective from a date (past periods keep the version they were judged by), switch on and off,
 * delete to the recycle bin. Reading needs the school (or, for a county rule, the county) in the user's scope;
 * changing needs it managed (教科室主任 for a school, 县区教研员 for the county's rules).
 */
@Service
@Transactional
public class Rules {

    static final String SELECT = """
            select r.id, r.institution_id, r.region_id, r.parent_rule_id, r.template_code, r.name, r.enabled,
                   r.public_ranking, r.version, v.id as spec_id, v.effective_from, v.metric_id, v.subject_filter,
                   v.filter_value, v.period_kind, v.custom_from, v.custom_to, v.comparison, v.threshold, v.threshold_high,
                   v.remind_days, v.valid_from, v.valid_to
              from rule_def r join rule_version v on v.rule_id = r.id""";
    /** The version in force on :on (the latest effective on or before it; the first one before the rule began). */
    // the leading space is outside the text block, which strips its lines' common indentation
    static final String VERSION_ON = " " + """
             v.id = coalesce((select max(x.id) from rule_version x where x.rule_id = r.id and x.effective_from = (
                               select max(y.effective_from) from rule_version y where y.rule_id = r.id and y.effective_from <= :on)),
                             (select min(x.id) from rule_version x where x.rule_id = r.id))""";

    private final JdbcClient jdbc;
    private final Metrics metrics;
    private final OrgUnits units;
    private final OrgDirectory directory;
    private final AuditLog audit;
    private final RuleWords words;

    public Rules(JdbcClient jdbc, Metrics metrics, OrgUnits units, OrgDirectory directory, AuditLog audit, RuleWords words) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.units = units;
        this.directory = directory;
        this.audit = audit;
        this.words = words;
    }

    /** A template as a school sees it: whether some module publishes its metric, and whether it is already in use. */
    public record TemplateChoice(RuleTemplate template, boolean available, @Nullable Long ruleId) {
    }

    /** The rules that apply to a school: its own and its county's, by name; the school must be in the user's scope. */
    @Transactional(readOnly = true)
    public List<Rule> ofInstitution(long institutionId) {
        requireRead(institutionId);
        // a county's rules are about its schools; a hospital of the county has only its own
        Long region = directory.sectorOf(institutionId).orElse(Sector.EDUCATION) == Sector.EDUCATION
                ? directory.regionOfUnit(institutionId) : null;
        return jdbc.sql(SELECT + " where r.deleted_at is null and (r.institution_id = :inst or r.region_id = :region) and"
                        + VERSION_ON + " order by r.region_id nulls last, r.name, r.id")
                .param("inst", institutionId).param("region", region == null ? DataScope.NONE : region)
                .param("on", LocalDate.now())
                .query(Rules::row).list();
    }

    /** The rules a county owns (switched on or not), for its 县区教研员 or an admin. */
    @Transactional(readOnly = true)
    public List<Rule> ofRegion(long regionId) {
        requireCounty(regionId);
        return jdbc.sql(SELECT + " where r.deleted_at is null and r.region_id = :region and" + VERSION_ON + " order by r.name, r.id")
                .param("region", regionId).param("on", LocalDate.now()).query(Rules::row).list();
    }

    /** Enabled rules of every institution (jobs: snapshots, reminders), as the system. */
    @Transactional(readOnly = true)
    public List<Rule> enabled(LocalDate on) {
        return jdbc.sql(SELECT + " where r.deleted_at is null and r.enabled = true and" + VERSION_ON + " order by r.id")
                .param("on", on).query(Rules::row).list();
    }

    @Transactional(readOnly = true)
    public Rule get(long id) {
        return at(id, LocalDate.now());
    }

    /** The rule with the version in force on a day (scope checked). */
    @Transactional(readOnly = true)
    public Rule at(long id, LocalDate on) {
        Rule r = jdbc.sql(SELECT + " where r.id = :id and r.deleted_at is null and" + VERSION_ON)
                .param("id", id).param("on", on).query(Rules::row).optional().orElseThrow(NotFoundException::new);
        if (!canRead(r)) {
            throw new NotFoundException();
        }
        return r;
    }

    /** Every version of a saved rule as the rule under that version, oldest first (one query; no scope check). */
    List<Rule> allVersions(Rule rule) {
        return jdbc.sql("select * from rule_version where rule_id = ? order by effective_from, id").param(rule.id())
                .query((rs, i) -> new Rule(rule.id(), rule.institutionId(), rule.regionId(), rule.parentRuleId(),
                        rule.templateCode(), rule.name(), rule.enabled(), rule.publicRanking(), rule.version(),
                        rs.getLong("id"), rs.getObject("effective_from", LocalDate.class), spec(rs)))
                .list();
    }

    /** The version in force on a day among {@link #allVersions}: the latest effective on or before it, else the first. */
    static Rule versionOn(List<Rule> versions, LocalDate day) {
        Rule found = versions.get(0);
        for (Rule v : versions) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            }
        }
        return found;
    }

    /** Every version of a rule, oldest first: (version id, effective from, spec). */
    @Transactional(readOnly = true)
    public List<Map.Entry<LocalDate, RuleSpec>> versions(long id) {
        get(id);
        return jdbc.sql("select * from rule_version where rule_id = ? order by effective_from, id").param(id)
                .query((rs, i) -> Map.entry(rs.getObject("effective_from", LocalDate.class), spec(rs))).list();
    }

    /** The templates for a school's sector, with availability and the rule made from each. */
    @Transactional(readOnly = true)
    public List<TemplateChoice> templates(long institutionId) {
        requireRead(institutionId);
        OrgUnit school = Access.asSystem(() -> units.get(institutionId)); // a teacher reads their school's rules
        Map<String, Long> used = new java.util.HashMap<>();
        jdbc.sql("select template_code, id from rule_def where institution_id = ? and deleted_at is null and template_code is not null")
                .param(institutionId).query(rs -> {
                    used.put(rs.getString(1), rs.getLong(2));
                });
        List<TemplateChoice> out = new ArrayList<>();
        for (RuleTemplate t : RuleTemplate.ALL) {
            if (t.sector() == school.sector()) {
                out.add(new TemplateChoice(t, metrics.published(t.spec().metricId()), used.get(t.code())));
            }
        }
        return out;
    }

    /**
     * A new school rule (switched off until {@link #enable}); from a template when templateCode is set. The first
     * version is effective from the start of time, so that the dry run can look back.
     */
    public long create(long institutionId, @Nullable String templateCode, String name, RuleSpec spec, boolean publicRanking) {
        requireManage(institutionId);
        validate(name, spec);
        if (templateCode != null && RuleTemplate.byCode(templateCode).isEmpty()) {
            throw new ValidationException("templateCode", "rule.template.unknown");
        }
        return insert(institutionId, null, null, templateCode, name, spec, publicRanking);
    }

    /**
     * Creates rules from templates for a school and switches on those whose metric is published (the demo school,
     * a new school's first setup); templates already in use are left as they are. Returns the rules switched on.
     */
    public List<Long> installTemplates(long institutionId, java.util.Collection<String> codes) {
        List<Long> on = new ArrayList<>();
        for (TemplateChoice c : templates(institutionId)) {
            if (codes.contains(c.template().code()) && c.ruleId() == null && c.available()) {
                long id = create(institutionId, c.template().code(), c.template().name(), c.template().spec(), false);
                enable(id, true);
                on.add(id);
            }
        }
        return on;
    }

    /**
     * A county rule, published to every school of the county (switched off until {@link #enable}). Only the county's
     * own 县区教研员 (or an admin) may make one: there is no separate county office head role, and a researcher of
     * another county or a school's staff is refused.
     */
    public long createCounty(long regionId, String name, RuleSpec spec, boolean publicRanking) {
        if (!canManageCounty(regionId)) {
            throw new ForbiddenException();
        }
        validate(name, spec);
        return insert(null, regionId, null, null, name, spec, publicRanking);
    }

    /**
     * A school's stricter version of a county rule, switched on at once: the same metric and period, at least the
     * county's subjects and validity, a requirement at least as high. Each loosening is refused at its field with the
     * county's terms (县规定每个教学周至少 1 次教研活动，本校要求不能低于县规定).
     */
    public long tighten(long countyRuleId, long institutionId, String name, RuleSpec spec) {
        requireManage(institutionId);
        Rule county = get(countyRuleId);
        if (!county.countyRule()) {
            throw new ValidationException(null, "rule.tighten.notCounty");
        }
        if (!directory.institutionsOfRegion(county.regionId()).contains(institutionId)) {
            throw new NotFoundException();
        }
        if (tighteningOf(countyRuleId, institutionId).isPresent()) {
            throw new ValidationException(null, "rule.tighten.exists");
        }
        validate(name, spec);
        requireNoLoosening(spec, county.spec());
        long id = insert(institutionId, null, countyRuleId, county.templateCode(), name, spec, county.publicRanking());
        jdbc.sql("update rule_def set enabled = true where id = ?").param(id).update();
        return id;
    }

    /** The school's stricter version of a county rule, if it has one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Rule> tighteningOf(long countyRuleId, long institutionId) {
        requireRead(institutionId);
        return ofInstitution(institutionId).stream().filter(r -> Long.valueOf(countyRuleId).equals(r.parentRuleId())).findFirst();
    }

    private void requireNoLoosening(RuleSpec spec, RuleSpec county) {
        List<Loosening> loosenings = spec.loosenings(county);
        if (!loosenings.isEmpty()) {
            Object[] terms = words.countyTerms(county, LocaleContextHolder.getLocale());
            throw new ValidationException(loosenings.stream().map(l -> new FieldProblem(l.field(), l.messageKey(), terms)).toList());
        }
    }

    private long insert(@Nullable Long institutionId, @Nullable Long regionId, @Nullable Long parent,
                        @Nullable String template, String name, RuleSpec spec, boolean publicRanking) {
        LocalDateTime now = LocalDateTime.now();
        long id = Inserts.id(jdbc.sql("""
                insert into rule_def (institution_id, region_id, parent_rule_id, template_code, name, enabled, public_ranking,
                                      version, created_at, created_by)
                values (?, ?, ?, ?, ?, false, ?, 0, ?, ?)""")
                .params(institutionId, regionId, parent, template, name.strip(), publicRanking, now, Access.actor()));
        insertVersion(id, LocalDate.of(2000, 1, 1), spec, null);
        audit.success("CREATE", "rule", id, name, null);
        return id;
    }

    /**
     * Changes what the rule checks from a day on (a new version): periods starting before that day keep the old
     * version. Name and public ranking change at once. Stale version → StaleEditException.
     */
    public void update(long id, int version, String name, RuleSpec spec, LocalDate effectiveFrom, boolean publicRanking,
                       @Nullable String note) {
        Rule r = get(id);
        requireManage(r);
        validate(name, spec);
        if (r.parentRuleId() != null) {
            requireNoLoosening(spec, at(r.parentRuleId(), effectiveFrom).spec());
        }
        int updated = jdbc.sql("""
                update rule_def set name = ?, public_ranking = ?, version = version + 1, updated_at = ?, updated_by = ?
                 where id = ? and version = ? and deleted_at is null""")
                .params(name.strip(), publicRanking, LocalDateTime.now(), Access.actor(), id, version).update();
        if (updated == 0) {
            throw new StaleEditException();
        }
        if (!spec.equals(at(id, effectiveFrom).spec())) {
            jdbc.sql("delete from rule_version where rule_id = ? and effective_from = ?").params(id, effectiveFrom).update();
            insertVersion(id, effectiveFrom, spec, note);
        }
        audit.success("UPDATE", "rule", id, name + "（自" + effectiveFrom + "起）", null);
    }

    /** Switches a rule on or off; a rule whose metric no module publishes cannot be switched on. */
    public void enable(long id, boolean on) {
        Rule r = get(id);
        requireManage(r);
        if (on && !metrics.published(r.spec().metricId())) {
            throw new ValidationException(null, "rule.metric.unpublished");
        }
        jdbc.sql("update rule_def set enabled = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?")
                .params(on, LocalDateTime.now(), Access.actor(), id).update();
        audit.success(on ? "ENABLE" : "DISABLE", "rule", id, r.name(), null);
    }

    /** To the recycle bin (snapshots stay). */
    public void delete(long id, int version) {
        Rule r = get(id);
        requireManage(r);
        int n = jdbc.sql("update rule_def set deleted_at = ?, enabled = false, version = version + 1 where id = ? and version = ? and deleted_at is null")
                .params(LocalDateTime.now(), id, version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success("DELETE", "rule", id, r.name(), null);
    }

    // --- scope -----------------------------------------------------------------------------------------------

    /** Whether the current user may read the rule (its school, or for a county rule one school of the county). */
    boolean canRead(Rule r) {
        DataScope s = Access.scope();
        if (s.all()) {
            return true;
        }
        if (r.institutionId() != null) {
            return s.canReadInstitution(r.institutionId()) || mySchool(r.institutionId());
        }
        return countyOf(r.regionId()) || directory.institutionsOfRegion(r.regionId()).stream()
                .anyMatch(i -> s.canReadInstitution(i) || mySchool(i));
    }

    /** Whether the current user may change the rule (pages show the buttons only then). */
    public boolean canManageRule(Rule r) {
        return canManage(r);
    }

    boolean canManage(Rule r) {
        if (r.institutionId() != null) {
            return Access.scope().canManageInstitution(r.institutionId());
        }
        return r.regionId() != null && canManageCounty(r.regionId());
    }

    /** Whether the user may make and change the county's rules: its own 县区教研员, or an admin. */
    public boolean canManageCounty(long regionId) {
        return Access.user().isAdmin() || (Access.user().has(Role.COUNTY_RESEARCHER) && countyOf(regionId));
    }

    /** The county's rules are read by its 县区教研员 (or an admin); others get a 404. */
    public void requireCounty(long regionId) {
        if (!Access.user().isAdmin() && !countyOf(regionId)) {
            throw new NotFoundException();
        }
    }

    /** The county of the signed-in user: the region of the unit their account is bound to (县教研室 → 示范县). */
    public @Nullable Long regionOfUser() {
        Long unit = Access.user().institutionId();
        return unit == null ? null : directory.regionOfUnit(unit);
    }

    void requireManage(Rule r) {
        if (!canManage(r)) {
            throw new ForbiddenException();
        }
    }

    private boolean mySchool(long institutionId) {
        Long mine = schoolOfUser();
        return mine != null && mine == institutionId;
    }

    /** The school of the signed-in user: the unit their account is bound to, else the school of their person. */
    public @Nullable Long schoolOfUser() {
        Long unit = Access.user().institutionId();
        if (unit != null) {
            return directory.institutionOfUnit(unit).orElse(unit);
        }
        Long person = Access.user().personId();
        return person == null ? null : directory.institutionOfPerson(person).orElse(null);
    }

    private boolean countyOf(@Nullable Long regionId) {
        if (regionId == null) {
            return false;
        }
        DataScope s = Access.scope();
        if (s.all()) {
            return true;
        }
        Long mine = Access.user().institutionId();
        return mine != null && (mine.equals(regionId) || regionId.equals(directory.regionOfUnit(mine)))
                && Access.user().has(Role.COUNTY_RESEARCHER);
    }

    public void requireRead(long institutionId) {
        if (!Access.scope().canReadInstitution(institutionId) && !mySchool(institutionId)) {
            throw new NotFoundException();
        }
    }

    private static void requireManage(long institutionId) {
        if (!Access.scope().canManageInstitution(institutionId)) {
            throw new ForbiddenException();
        }
    }

    // --- validation and rows -------------------------------------------------------------------------------

    /** Rejects a spec that cannot be evaluated (the dry run of an unsaved rule) with the messages saving gives. */
    public void check(RuleSpec spec) {
        List<FieldProblem> problems = problems(spec);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private void validate(String name, RuleSpec s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "rule.name.required"));
        } else if (name.strip().length() > 200) {
            problems.add(new FieldProblem("name", "rule.name.tooLong"));
        }
        problems.addAll(problems(s));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private List<FieldProblem> problems(RuleSpec s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!metrics.published(s.metricId()) && RuleTemplate.ALL.stream().noneMatch(t -> t.spec().metricId().equals(s.metricId()))) {
            problems.add(new FieldProblem("metricId", "rule.metric.unknown"));
        } else if (metrics.published(s.metricId()) && metrics.definition(s.metricId()).subject() != s.filter().kind()) {
            problems.add(new FieldProblem("filter", "rule.filter.kindMismatch"));
        }
        if (s.threshold() < 0 || s.threshold() > 1000) {
            problems.add(new FieldProblem("threshold", "rule.threshold.range"));
        }
        if (s.comparison() == Comparison.BETWEEN && (s.thresholdHigh() == null || s.thresholdHigh() < s.threshold())) {
            problems.add(new FieldProblem("thresholdHigh", "rule.thresholdHigh.invalid"));
        }
        if (s.remindDays() < 0 || s.remindDays() > 60) {
            problems.add(new FieldProblem("remindDays", "rule.remindDays.range"));
        }
        if (s.periodKind() == PeriodKind.CUSTOM && (s.customFrom() == null || s.customTo() == null
                || s.customTo().isBefore(s.customFrom()))) {
            problems.add(new FieldProblem("customTo", "rule.custom.invalid"));
        }
        if (s.validFrom() != null && s.validTo() != null && s.validTo().isBefore(s.validFrom())) {
            problems.add(new FieldProblem("validTo", "rule.valid.invalid"));
        }
        if (needsValue(s.filter()) && (s.filterValue() == null || s.filterValue().isBlank())) {
            problems.add(new FieldProblem("filterValue", "rule.filterValue.required"));
        } else if ((s.filter() == SubjectFilter.UNDER_AGE || s.filter() == SubjectFilter.SERVICE_UNDER)
                && !s.filterValue().strip().matches("\\d{1,2}")) {
            problems.add(new FieldProblem("filterValue", "rule.filterValue.number"));
        } else if ((s.filter() == SubjectFilter.LIST_PEOPLE || s.filter() == SubjectFilter.LIST_UNITS)
                && !s.filterValue().strip().matches("\\d+(\\s*,\\s*\\d+)*")) {
            problems.add(new FieldProblem("filterValue", "rule.filterValue.ids"));
        } else if (s.filter() == SubjectFilter.GROUPS && !List.of("TEACHING_RESEARCH", "LESSON_PREP", "PROJECT", "FREE")
                .contains(s.filterValue().strip())) {
            problems.add(new FieldProblem("filterValue", "rule.filterValue.groupKind"));
        }
        return problems;
    }

    private static boolean needsValue(SubjectFilter f) {
        return switch (f) {
            case UNDER_AGE, SERVICE_UNDER, TITLE, HONOUR, LIST_PEOPLE, GROUPS, LIST_UNITS -> true;
            default -> false;
        };
    }

    private void insertVersion(long ruleId, LocalDate from, RuleSpec s, @Nullable String note) {
        jdbc.sql("""
                insert into rule_version (rule_id, effective_from, metric_id, subject_filter, filter_value, period_kind,
                       custom_from, custom_to, comparison, threshold, threshold_high, remind_days, valid_from, valid_to,
                       note, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ruleId, from, s.metricId(), s.filter().name(), blankToNull(s.filterValue()), s.periodKind().name(),
                        s.customFrom(), s.customTo(), s.comparison().name(), s.threshold(), s.thresholdHigh(), s.remindDays(),
                        s.validFrom(), s.validTo(), note, LocalDateTime.now(), Access.actor())
                .update();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static RuleSpec spec(ResultSet rs) throws SQLException {
        return new RuleSpec(rs.getString("metric_id"), SubjectFilter.valueOf(rs.getString("subject_filter")),
                rs.getString("filter_value"), PeriodKind.valueOf(rs.getString("period_kind")),
                rs.getObject("custom_from", LocalDate.class), rs.getObject("custom_to", LocalDate.class),
                Comparison.valueOf(rs.getString("comparison")), rs.getInt("threshold"),
                (Integer) rs.getObject("threshold_high", Integer.class), rs.getInt("remind_days"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }

    static Rule row(ResultSet rs, int i) throws SQLException {
        return new Rule(rs.getLong("id"), (Long) rs.getObject("institution_id", Long.class),
                (Long) rs.getObject("region_id", Long.class), (Long) rs.getObject("parent_rule_id", Long.class),
                rs.getString("template_code"), rs.getString("name"), rs.getBoolean("enabled"),
                rs.getBoolean("public_ranking"), rs.getInt("version"), rs.getLong("spec_id"),
                rs.getObject("effective_from", LocalDate.class), spec(rs));
    }

    /** Subject kind of a metric, when some module publishes it. */
    @Nullable SubjectKind kindOf(String metricId) {
        return metrics.published(metricId) ? metrics.definition(metricId).subject() : null;
    }
}
