package org.jiaoyan.assessment;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.metrics.MetricDefinition;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.metrics.SubjectKind;
import org.jiaoyan.org.Terms;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核细则 of a school per term and level. Until a school saves its own, the shipped default applies (built from the
 * school's rules); every save is a new revision and the former ones stay readable. The school's 教科室 (a department
 * head managing the school) edits; every staff member of the school reads.
 */
@Service
@Transactional
public class Schemes {

    static final double MAX_POINTS = 1000;

    private final JdbcClient jdbc;
    private final Rules rules;
    private final Metrics metrics;
    private final Terms terms;
    private final AuditLog audit;

    Schemes(JdbcClient jdbc, Rules rules, Metrics metrics, Terms terms, AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.metrics = metrics;
        this.terms = terms;
        this.audit = audit;
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** The scheme in force for the user's school. */
    @Transactional(readOnly = true)
    public Scheme current(long termId, CheckLevel level) {
        return current(readableSchool(), termId, level);
    }

    /** The scheme in force for a school (no scope check: callers have checked it). */
    @Transactional(readOnly = true)
    public Scheme current(long institutionId, long termId, CheckLevel level) {
        terms.get(termId);
        Long id = jdbc.sql("""
                select id from assess_scheme where institution_id = ? and term_id = ? and level = ? and current_rev = true""")
                .params(institutionId, termId, level.name()).query(Long.class).optional().orElse(null);
        return id == null ? defaults(institutionId, termId, level) : load(id);
    }

    /** Every saved revision of the user's school's scheme, newest first. */
    @Transactional(readOnly = true)
    public List<Scheme> history(long termId, CheckLevel level) {
        long school = readableSchool();
        return jdbc.sql("select id from assess_scheme where institution_id = ? and term_id = ? and level = ? order by revision desc")
                .params(school, termId, level.name()).query(Long.class).list().stream().map(this::load).toList();
    }

    /** A revision by id, if it is of the user's school. */
    @Transactional(readOnly = true)
    public Scheme revision(long schemeId) {
        Scheme s = load(schemeId);
        if (s.institutionId() != readableSchool()) {
            throw new NotFoundException();
        }
        return s;
    }

    /** The metrics an item may count, for the level's kind of subject. */
    @Transactional(readOnly = true)
    public List<MetricDefinition> metricsFor(CheckLevel level) {
        SubjectKind kind = kindOf(level);
        return metrics.all().stream().filter(d -> d.subject() == kind).toList();
    }

    /** The school's enabled rules about the level's kind of subject. */
    @Transactional(readOnly = true)
    public List<Rule> rulesFor(CheckLevel level) {
        return rulesFor(readableSchool(), level);
    }

    List<Rule> rulesFor(long institutionId, CheckLevel level) {
        SubjectKind kind = kindOf(level);
        return Access.asSystem(() -> rules.ofInstitution(institutionId)).stream().filter(Rule::enabled)
                .filter(r -> r.spec().filter().kind() == kind).toList();
    }

    /** True when the user edits the school's scheme and runs its assessment (the 教科室). */
    @Transactional(readOnly = true)
    public boolean canManage() {
        CurrentUser u = Access.user();
        return u.institutionId() != null && (u.scope().all()
                || (u.has(Role.DEPT_HEAD) && u.scope().canManageInstitution(u.institutionId())));
    }

    // --- changing --------------------------------------------------------------------------------------------

    /**
     * Saves a new revision. {@code basedOn} is the revision the user edited (0 for the default); when someone saved
     * another revision meanwhile, the save is refused as a stale edit.
     */
    public long save(long termId, CheckLevel level, int basedOn, SchemeData d) {
        long school = managedSchool();
        terms.get(termId);
        List<FieldProblem> problems = validate(school, level, d);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int latest = jdbc.sql("select coalesce(max(revision), 0) from assess_scheme where institution_id = ? and term_id = ? and level = ?")
                .params(school, termId, level.name()).query(Integer.class).single();
        if (latest != basedOn) {
            throw new StaleEditException();
        }
        return insert(school, termId, level, latest + 1, d, Access.actor());
    }

    /** Saves the default as revision 1 when the school has none (publishing needs a stored scheme). */
    long ensureSaved(long institutionId, long termId, CheckLevel level) {
        Scheme s = current(institutionId, termId, level);
        if (s.saved()) {
            return s.id();
        }
        return insert(institutionId, termId, level, 1, dataOf(s), Access.actor());
    }

    private long insert(long school, long termId, CheckLevel level, int revision, SchemeData d, String actor) {
        jdbc.sql("update assess_scheme set current_rev = false where institution_id = ? and term_id = ? and level = ?")
                .params(school, termId, level.name()).update();
        String note = Text.clean(d.note());
        long id = Inserts.id(jdbc.sql("""
                insert into assess_scheme (institution_id, term_id, level, revision, current_rev, exempt_below, note, created_at, created_by)
                values (?, ?, ?, ?, true, ?, ?, ?, ?)""")
                .params(school, termId, level.name(), revision,
                        BigDecimal.valueOf(d.exemptBelow() == null ? 0.33 : d.exemptBelow()), note, LocalDateTime.now(), actor));
        int categoryOrder = 0;
        int itemOrder = 0;
        for (SchemeData.CategoryData c : d.categories()) {
            long categoryId = Inserts.id(jdbc.sql("""
                    insert into assess_category (scheme_id, name, cap, weight, sort_order) values (?, ?, ?, ?, ?)""")
                    .params(id, Text.clean(c.name()), decimal(c.cap()), BigDecimal.valueOf(c.weight() == null ? 1 : c.weight()),
                            categoryOrder++));
            for (SchemeData.ItemData i : c.items()) {
                String code = i.code() == null || i.code().isBlank() ? UUID.randomUUID().toString().substring(0, 8) : i.code();
                jdbc.sql("""
                        insert into assess_item (scheme_id, category_id, code, kind, name, metric_id, rule_id, points, deduction, cap, sort_order)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, categoryId, code, i.kind().name(), Text.clean(i.name()),
                                i.kind() == SchemeItemKind.RECORD ? i.metricId() : null,
                                i.kind() == SchemeItemKind.RULE ? i.ruleId() : null, decimal(i.points()),
                                decimal(i.deduction() == null ? 0.0 : i.deduction()), decimal(i.cap()), itemOrder++).update();
            }
        }
        audit.success(revision == 1 ? "CREATE" : "REVISE", "assess_scheme", id, level.name() + " r" + revision, null);
        return id;
    }

    private List<FieldProblem> validate(long school, CheckLevel level, SchemeData d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.categories().isEmpty()) {
            problems.add(new FieldProblem(null, "assessment.scheme.empty"));
        }
        if (d.exemptBelow() != null && (d.exemptBelow().isNaN() || d.exemptBelow() < 0 || d.exemptBelow() > 1)) {
            problems.add(new FieldProblem("exemptBelow", "assessment.scheme.exemptRange"));
        }
        if (d.note() != null && d.note().length() > 500) {
            problems.add(new FieldProblem("note", "validation.tooLong", 500));
        }
        Set<String> metricIds = new HashSet<>();
        metricsFor(level).forEach(m -> metricIds.add(m.id()));
        Set<Long> ruleIds = new HashSet<>();
        rulesFor(school, level).forEach(r -> ruleIds.add(r.id()));
        Set<String> categoryNames = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int c = 0; c < d.categories().size(); c++) {
            SchemeData.CategoryData cat = d.categories().get(c);
            String field = "categories[" + c + "]";
            int n = c + 1;
            String name = Text.clean(cat.name());
            if (name == null) {
                problems.add(new FieldProblem(field + ".name", "assessment.scheme.categoryName", n));
            } else if (name.length() > 50) {
                problems.add(new FieldProblem(field + ".name", "assessment.scheme.categoryNameLong", n));
            } else if (!categoryNames.add(name)) {
                problems.add(new FieldProblem(field + ".name", "assessment.scheme.categoryDuplicate", n, name));
            }
            if (cat.cap() != null && (cat.cap().isNaN() || cat.cap() <= 0 || cat.cap() > MAX_POINTS)) {
                problems.add(new FieldProblem(field + ".cap", "assessment.scheme.capRange", n));
            }
            if (cat.weight() != null && (cat.weight().isNaN() || cat.weight() <= 0 || cat.weight() > 10)) {
                problems.add(new FieldProblem(field + ".weight", "assessment.scheme.weightRange", n));
            }
            if (cat.items().isEmpty()) {
                problems.add(new FieldProblem(field + ".name", "assessment.scheme.categoryEmpty", n));
            }
            for (int i = 0; i < cat.items().size(); i++) {
                SchemeData.ItemData item = cat.items().get(i);
                String f = field + ".items[" + i + "]";
                int m = i + 1;
                if (item.code() != null && !item.code().isBlank() && !codes.add(item.code())) {
                    problems.add(new FieldProblem(f + ".name", "assessment.scheme.itemCodeTwice", n, m));
                }
                String itemName = Text.clean(item.name());
                if (itemName == null) {
                    problems.add(new FieldProblem(f + ".name", "assessment.scheme.itemName", n, m));
                } else if (itemName.length() > 100) {
                    problems.add(new FieldProblem(f + ".name", "assessment.scheme.itemNameLong", n, m));
                }
                if (item.kind() == null) {
                    problems.add(new FieldProblem(f + ".kind", "assessment.scheme.itemKind", n, m));
                } else if (item.kind() == SchemeItemKind.RECORD && (item.metricId() == null || !metricIds.contains(item.metricId()))) {
                    problems.add(new FieldProblem(f + ".metricId", "assessment.scheme.itemMetric", n, m));
                } else if (item.kind() == SchemeItemKind.RULE && (item.ruleId() == null || !ruleIds.contains(item.ruleId()))) {
                    problems.add(new FieldProblem(f + ".ruleId", "assessment.scheme.itemRule", n, m));
                }
                if (item.points() == null || item.points().isNaN() || item.points() < 0 || item.points() > MAX_POINTS) {
                    problems.add(new FieldProblem(f + ".points", "assessment.scheme.itemPoints", n, m));
                }
                if (item.deduction() != null && (item.deduction().isNaN() || item.deduction() < 0 || item.deduction() > MAX_POINTS)) {
                    problems.add(new FieldProblem(f + ".deduction", "assessment.scheme.itemDeduction", n, m));
                }
                if (item.cap() != null && (item.cap().isNaN() || item.cap() <= 0 || item.cap() > MAX_POINTS)) {
                    problems.add(new FieldProblem(f + ".cap", "assessment.scheme.itemCap", n, m));
                }
            }
        }
        return problems;
    }

    // --- the default ---------------------------------------------------------------------------------------------

    /**
     * The shipped 细则 a school adjusts. Teachers: 教研活动 (sign-ins), 听课评课 (observations given, the monthly
     * observing rule with a deduction for a missed month), 公开课, 月查, 成果 (papers and awards by level). Groups: the
     * weekly activity and collective-preparation rules, 月查 results, activities held, 成果.
     */
    Scheme defaults(long institutionId, long termId, CheckLevel level) {
        List<Scheme.Category> cats = new ArrayList<>();
        List<Scheme.Item> items = new ArrayList<>();
        List<Rule> fitting = rulesFor(institutionId, level);
        if (level == CheckLevel.TEACHERS) {
            cats.add(new Scheme.Category(0, "教研活动", 20.0, 1));
            items.add(item(0, "d-signin", SchemeItemKind.RECORD, "参加教研活动", "activity.signins", null, 1, 0, 20.0));
            cats.add(new Scheme.Category(0, "听课评课", 20.0, 1));
            items.add(item(1, "d-observe", SchemeItemKind.RECORD, "听课评课", "observation.by-observer", null, 0.5, 0, 10.0));
            ruleOf(fitting, "TEACHER_OBSERVE_MONTHLY").ifPresent(r ->
                    items.add(item(1, "d-observe-rule", SchemeItemKind.RULE, "每月听课达标", null, r.id(), 2, 1, 10.0)));
            cats.add(new Scheme.Category(0, "公开课", 15.0, 1));
            items.add(item(2, "d-open", SchemeItemKind.RECORD, "执教公开课", "observation.open-lessons", null, 3, 0, 15.0));
            cats.add(new Scheme.Category(0, "月查", 20.0, 1));
            items.add(item(3, "d-check", SchemeItemKind.CHECK, "月查得分", null, null, 5, 0, 20.0));
            cats.add(new Scheme.Category(0, "教科研成果", 25.0, 1));
            items.add(item(4, "d-paper", SchemeItemKind.ENTRY, "发表论文（每篇）", null, null, 5, 0, null));
            items.add(item(4, "d-award-p", SchemeItemKind.ENTRY, "省级以上获奖（每项）", null, null, 6, 0, null));
            items.add(item(4, "d-award-c", SchemeItemKind.ENTRY, "市级获奖（每项）", null, null, 4, 0, null));
            items.add(item(4, "d-award-x", SchemeItemKind.ENTRY, "县级获奖（每项）", null, null, 2, 0, null));
        } else {
            cats.add(new Scheme.Category(0, "常规活动", 40.0, 1));
            ruleOf(fitting, "TR_GROUP_WEEKLY").ifPresent(r ->
                    items.add(item(0, "d-group-weekly", SchemeItemKind.RULE, "每周教研活动", null, r.id(), 1, 1, 20.0)));
            ruleOf(fitting, "PREP_GROUP_WEEKLY").ifPresent(r ->
                    items.add(item(0, "d-prep-weekly", SchemeItemKind.RULE, "每周集体备课", null, r.id(), 1, 1, 20.0)));
            items.add(item(0, "d-sessions", SchemeItemKind.RECORD, "组织教研活动", "activity.group-sessions", null, 0.5, 0, 10.0));
            cats.add(new Scheme.Category(0, "月查", 40.0, 1));
            items.add(item(1, "d-check", SchemeItemKind.CHECK, "月查得分", null, null, 10, 0, 40.0));
            cats.add(new Scheme.Category(0, "成果", 20.0, 1));
            items.add(item(2, "d-group-award", SchemeItemKind.ENTRY, "集体获奖（每项）", null, null, 5, 0, null));
        }
        if (level == CheckLevel.TEACHERS && !metrics.published("observation.open-lessons")) {
            items.removeIf(i -> "d-open".equals(i.code()));
        }
        List<Scheme.Category> used = new ArrayList<>();
        List<Scheme.Item> reindexed = new ArrayList<>();
        for (int c = 0; c < cats.size(); c++) {
            int index = c;
            List<Scheme.Item> mine = items.stream().filter(i -> i.categoryIndex() == index).toList();
            if (!mine.isEmpty()) {
                int at = used.size();
                used.add(cats.get(c));
                mine.forEach(i -> reindexed.add(new Scheme.Item(0, at, i.code(), i.kind(), i.name(), i.metricId(), i.ruleId(),
                        i.points(), i.deduction(), i.cap())));
            }
        }
        return new Scheme(0, institutionId, termId, level, 0, 0.33, null, null, null, used, reindexed);
    }

    private static java.util.Optional<Rule> ruleOf(List<Rule> rules, String template) {
        return rules.stream().filter(r -> template.equals(r.templateCode())).findFirst();
    }

    private static Scheme.Item item(int category, String code, SchemeItemKind kind, String name, @Nullable String metric,
                                    @Nullable Long rule, double points, double deduction, @Nullable Double cap) {
        return new Scheme.Item(0, category, code, kind, name, metric, rule, points, deduction, cap);
    }

    /** The scheme as typed data (to save the default or to fill the editor). */
    public static SchemeData dataOf(Scheme s) {
        List<SchemeData.CategoryData> cats = new ArrayList<>();
        for (int c = 0; c < s.categories().size(); c++) {
            Scheme.Category cat = s.categories().get(c);
            cats.add(new SchemeData.CategoryData(cat.name(), cat.cap(), cat.weight(), s.itemsOf(c).stream()
                    .map(i -> new SchemeData.ItemData(i.code(), i.kind(), i.name(), i.metricId(), i.ruleId(), i.points(),
                            i.deduction(), i.cap())).toList()));
        }
        return new SchemeData(s.exemptBelow(), s.note(), cats);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    Scheme load(long id) {
        record Head(long institutionId, long termId, CheckLevel level, int revision, double exemptBelow, @Nullable String note,
                    @Nullable LocalDateTime at, @Nullable String by) {
        }
        Head h = jdbc.sql("select * from assess_scheme where id = ?").param(id)
                .query((rs, i) -> new Head(rs.getLong("institution_id"), rs.getLong("term_id"), CheckLevel.valueOf(rs.getString("level")),
                        rs.getInt("revision"), rs.getBigDecimal("exempt_below").doubleValue(), rs.getString("note"),
                        rs.getObject("created_at", LocalDateTime.class), rs.getString("created_by")))
                .optional().orElseThrow(NotFoundException::new);
        List<Scheme.Category> cats = new ArrayList<>();
        Map<Long, Integer> index = new HashMap<>();
        jdbc.sql("select id, name, cap, weight from assess_category where scheme_id = ? order by sort_order, id").param(id)
                .query(rs -> {
                    index.put(rs.getLong(1), cats.size());
                    cats.add(new Scheme.Category(rs.getLong(1), rs.getString(2), number(rs.getBigDecimal(3)),
                            rs.getBigDecimal(4).doubleValue()));
                });
        List<Scheme.Item> items = jdbc.sql("""
                select id, category_id, code, kind, name, metric_id, rule_id, points, deduction, cap
                  from assess_item where scheme_id = ? order by sort_order, id""").param(id)
                .query((rs, i) -> new Scheme.Item(rs.getLong(1), index.get(rs.getLong(2)), rs.getString(3),
                        SchemeItemKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getObject(7, Long.class),
                        rs.getBigDecimal(8).doubleValue(), rs.getBigDecimal(9).doubleValue(), number(rs.getBigDecimal(10))))
                .list();
        return new Scheme(id, h.institutionId(), h.termId(), h.level(), h.revision(), h.exemptBelow(), h.note(), h.at(), h.by(),
                cats, items);
    }

    /** The user's school, which they read the assessment of; none → 404. */
    private long readableSchool() {
        Long school = Access.user().institutionId();
        if (school == null) {
            throw new NotFoundException();
        }
        return school;
    }

    private long managedSchool() {
        if (!canManage()) {
            throw new ForbiddenException();
        }
        return Access.user().institutionId();
    }

    static SubjectKind kindOf(CheckLevel level) {
        return level == CheckLevel.GROUPS ? SubjectKind.GROUP : SubjectKind.TEACHER;
    }

    private static @Nullable BigDecimal decimal(@Nullable Double v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }

    private static @Nullable Double number(@Nullable BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

}
