package org.jiaoyan.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.metrics.SubjectKind;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.org.Terms;
import org.jiaoyan.rules.ComplianceMatrix.Cell;
import org.jiaoyan.rules.ComplianceMatrix.Row;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who met which rule in which period, computed from the records through {@link Metrics} (one grouped query per rule
 * version for the whole matrix), or read from the snapshot of a frozen period. Rows are limited to what the user may
 * see: the school's leaders see every row, a group leader their groups and members, a teacher their own row — the
 * whole matrix only where the office chose public ranking for the rule.
 */
@Service
@Transactional(readOnly = true)
public class Compliance {

    private final JdbcClient jdbc;
    private final Rules rules;
    private final RuleSubjects subjects;
    private final SubjectDirectory directory;
    private final Metrics metrics;
    private final Terms terms;

    public Compliance(JdbcClient jdbc, Rules rules, RuleSubjects subjects, SubjectDirectory directory, Metrics metrics,
                      Terms terms) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.subjects = subjects;
        this.directory = directory;
        this.metrics = metrics;
        this.terms = terms;
    }

    /** The matrix of a rule over the periods touching [from, to]; for a county rule optionally one school. */
    public ComplianceMatrix matrix(long ruleId, LocalDate from, LocalDate to, @Nullable Long institutionId) {
        Rule rule = rules.get(ruleId);
        List<Long> institutions = institutionsOf(rule, institutionId);
        List<RulePeriod> periods = periods(rule.spec(), from, to);
        ComplianceMatrix all = evaluate(rule, periods, institutions, LocalDate.now(), true);
        return visible(all);
    }

    /** The periods of a spec touching [from, to] (bounded to 400 so that a careless range cannot flood a page). */
    public List<RulePeriod> periods(RuleSpec spec, LocalDate from, LocalDate to) {
        List<RulePeriod> p = RulePeriods.between(spec.periodKind(), from, to, terms.all(), spec.customFrom(), spec.customTo());
        return p.size() > 400 ? p.subList(p.size() - 400, p.size()) : p;
    }

    /**
     * A rule that is not saved yet, tried on a school's records: how many subjects it would have flagged in the
     * closed periods of [from, to] ("7 / 42 个教研组未达标").
     */
    public DryRun dryRun(long institutionId, RuleSpec spec, LocalDate from, LocalDate to) {
        rules.requireRead(institutionId);
        rules.check(spec);
        Rule draft = new Rule(0, institutionId, null, null, null, "", false, false, 0, 0, LocalDate.of(2000, 1, 1), spec);
        return dryRun(draft, List.of(institutionId), from, to);
    }

    /** A county rule that is not saved yet, tried on the records of every school of the county (its 县区教研员 only). */
    public DryRun dryRunRegion(long regionId, RuleSpec spec, LocalDate from, LocalDate to) {
        rules.requireCounty(regionId);
        rules.check(spec);
        Rule draft = new Rule(0, null, regionId, null, null, "", false, false, 0, 0, LocalDate.of(2000, 1, 1), spec);
        return dryRun(draft, directory.schoolsOf(regionId), from, to);
    }

    private DryRun dryRun(Rule draft, List<Long> institutions, LocalDate from, LocalDate to) {
        RuleSpec spec = draft.spec();
        List<RulePeriod> periods = periods(spec, from, to).stream()
                .filter(p -> p.span().to().isBefore(LocalDate.now())).toList();
        if (!metrics.published(spec.metricId())) {
            return new DryRun(periods, 0, 0, List.of());
        }
        ComplianceMatrix m = evaluate(draft, periods, institutions, LocalDate.now(), false);
        List<String> examples = m.rows().stream().filter(r -> r.count(ComplianceState.NOT_MET) > 0).limit(8)
                .map(r -> r.subject().name()).toList();
        return new DryRun(periods, m.flagged(), m.rows().size(), examples);
    }

    public record DryRun(List<RulePeriod> periods, long flagged, long subjects, List<String> examples) {
    }

    /**
     * Per rule that applies to the person (their own row, their pair, a group they lead), the current period's cell,
     * for what is still missing ("本月还需：听课 1 节"). Rules switched off or not yet in force are left out.
     */
    public List<Outstanding> outstanding(long personId, LocalDate today) {
        CurrentUser u = Access.user();
        if (!u.scope().all() && (u.personId() == null || u.personId() != personId)) {
            throw new NotFoundException();
        }
        List<Outstanding> out = new ArrayList<>();
        for (Map.Entry<Rule, List<Row>> e : mineByRule(personId, today, today).entrySet()) {
            Rule rule = e.getKey();
            List<RulePeriod> periods = periods(rule.spec(), today, today);
            if (periods.isEmpty()) {
                continue;
            }
            for (Row r : e.getValue()) {
                Cell c = r.cells().get(0);
                if (c != null) {
                    out.add(new Outstanding(rule, periods.get(0), r.subject(), c,
                            rule.spec().comparison().missing(c.count(), rule.spec().threshold())));
                }
            }
        }
        return out;
    }

    /** One rule's current cell for a person. */
    public record Outstanding(Rule rule, RulePeriod period, ComplianceSubject subject, Cell cell, long missing) {
    }

    /** The person's own rows (teacher rules, their pairs, groups they lead) of every enabled rule, over [from, to]. */
    public Map<Rule, List<Row>> mineByRule(long personId, LocalDate from, LocalDate to) {
        Long institution = Access.asSystem(() -> jdbc.sql("select institution_id from person where id = ? and deleted_at is null")
                .param(personId).query(Long.class).optional().orElse(null));
        Map<Rule, List<Row>> out = new LinkedHashMap<>();
        if (institution == null) {
            return out;
        }
        List<Rule> applying = Access.asSystem(() -> rules.ofInstitution(institution)).stream().filter(Rule::enabled)
                .filter(r -> metrics.published(r.spec().metricId())).toList();
        for (Rule rule : applying) {
            List<RulePeriod> periods = periods(rule.spec(), from, to);
            if (periods.isEmpty()) {
                continue;
            }
            ComplianceMatrix m = evaluate(rule, periods, List.of(institution), LocalDate.now(), true,
                    s -> s.people().contains(personId) && (s.leaders().isEmpty() || s.leaders().contains(personId)));
            List<Row> rows = m.rows();
            if (!rows.isEmpty()) {
                out.put(rule, rows);
            }
        }
        return out;
    }

    /** A cell with the records behind it (the drill-down of the matrix). */
    public record CellDetail(RulePeriod period, Row row, Cell cell, boolean frozen, RuleSpec spec,
                             java.util.Optional<List<org.jiaoyan.metrics.Evidence>> evidence) {
    }

    public CellDetail cell(long ruleId, long subjectId, LocalDate periodFrom) {
        Rule rule = rules.get(ruleId);
        RulePeriod period = periods(rule.spec(), periodFrom, periodFrom).stream()
                .filter(p -> p.span().from().equals(periodFrom)).findFirst().orElseThrow(NotFoundException::new);
        ComplianceMatrix m = visible(evaluate(rule, List.of(period), institutionsOf(rule, null), LocalDate.now(), true));
        Row row = m.rows().stream().filter(r -> r.subject().id() == subjectId && r.cells().get(0) != null).findFirst()
                .orElseThrow(NotFoundException::new);
        RuleSpec spec = versionOn(rule, periodFrom).spec();
        return new CellDetail(period, row, row.cells().get(0), m.frozen().get(0), spec,
                metrics.published(spec.metricId()) ? metrics.evidence(spec.metricId(), period.span(), subjectId)
                        : java.util.Optional.empty());
    }

    /** Per county rule, per school: the subjects that met it in the current period out of those judged or due. */
    public record CountyShare(Rule rule, RulePeriod period, List<SchoolShare> schools) {
    }

    public record SchoolShare(long schoolId, String schoolName, long met, long total) {

        public int percent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * met / total);
        }
    }

    /** The county's view of its own rules this period: one grouped evaluation per rule over all its schools. */
    public List<CountyShare> countyShares(long regionId, LocalDate today) {
        List<CountyShare> out = new ArrayList<>();
        for (Rule rule : rules.ofRegion(regionId)) {
            if (!rule.enabled() || !metrics.published(rule.spec().metricId())) {
                continue;
            }
            List<RulePeriod> current = periods(rule.spec(), today, today);
            if (current.isEmpty()) {
                continue;
            }
            List<Long> schools = directory.schoolsOf(regionId);
            ComplianceMatrix m = evaluate(rule, current, schools, today, true);
            Map<Long, long[]> counts = new LinkedHashMap<>();
            schools.forEach(id -> counts.put(id, new long[2]));
            for (Row r : m.rows()) {
                Cell c = r.cells().get(0);
                if (c != null && c.state() != ComplianceState.EXEMPT) {
                    long[] n = counts.computeIfAbsent(r.subject().institutionId(), k -> new long[2]);
                    n[1]++;
                    if (c.state() == ComplianceState.MET) {
                        n[0]++;
                    }
                }
            }
            Map<Long, String> names = directory.names(schools);
            List<SchoolShare> shares = new ArrayList<>();
            counts.forEach((id, n) -> {
                if (n[1] > 0) {
                    shares.add(new SchoolShare(id, names.getOrDefault(id, ""), n[0], n[1]));
                }
            });
            out.add(new CountyShare(rule, current.get(0), shares));
        }
        return out;
    }

    // --- evaluation ------------------------------------------------------------------------------------------

    /**
     * Evaluates the rule on the periods for the institutions: frozen periods from their snapshot (when useSnapshots),
     * the others live, grouped by the version in force on each period's first day.
     */
    ComplianceMatrix evaluate(Rule rule, List<RulePeriod> periods, Collection<Long> institutions, LocalDate today,
                              boolean useSnapshots) {
        return evaluate(rule, periods, institutions, today, useSnapshots, null);
    }

    /**
     * As above, for the subjects {@code only} accepts (null: all): the records are counted for those subjects alone (a
     * person's own rows on the dashboard cost one school's people list and a metric query for a handful of ids).
     */
    ComplianceMatrix evaluate(Rule rule, List<RulePeriod> periods, Collection<Long> institutions, LocalDate today,
                              boolean useSnapshots, @Nullable Predicate<ComplianceSubject> only) {
        int n = periods.size();
        Map<Long, ComplianceSubject> subjectsById = new LinkedHashMap<>();
        Map<Long, Cell[]> cells = new HashMap<>();
        List<Boolean> frozen = new ArrayList<>();
        Map<LocalDate, Map<Long, Object[]>> snapshots = useSnapshots && rule.id() > 0
                ? snapshotsOf(rule, periods, institutions) : Map.of();
        // live periods grouped by the version in force on their first day (all versions read once)
        List<Rule> versions = rule.id() > 0 ? rules.allVersions(rule) : List.of(rule);
        Map<Long, List<Integer>> byVersion = new LinkedHashMap<>();
        Map<Long, RuleSpec> specs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RulePeriod p = periods.get(i);
            Map<Long, Object[]> snap = snapshots.get(p.span().from());
            frozen.add(snap != null);
            if (snap != null) {
                int index = i;
                snap.forEach((subjectId, v) -> {
                    if (only != null && !only.test((ComplianceSubject) v[0])) {
                        return;
                    }
                    subjectsById.putIfAbsent(subjectId, (ComplianceSubject) v[0]);
                    cells.computeIfAbsent(subjectId, k -> new Cell[n])[index] = new Cell((Long) v[1], (ComplianceState) v[2]);
                });
                continue;
            }
            Rule version = Rules.versionOn(versions, p.span().from());
            specs.put(version.specId(), version.spec());
            byVersion.computeIfAbsent(version.specId(), k -> new ArrayList<>()).add(i);
        }
        Map<Long, List<DateSpan>> exemptions = rule.id() > 0 ? exemptions(rule.id(), periods) : Map.of();
        for (Map.Entry<Long, List<Integer>> e : byVersion.entrySet()) {
            RuleSpec spec = specs.get(e.getKey());
            if (!metrics.published(spec.metricId())) {
                continue;
            }
            RuleSubjects.Snapshot who = subjects.of(spec, institutions);
            List<Integer> idx = e.getValue();
            List<DateSpan> spans = new ArrayList<>();
            Map<Integer, Set<Long>> inScope = new HashMap<>();
            Set<Long> union = new java.util.LinkedHashSet<>();
            for (int i : idx) {
                RulePeriod p = periods.get(i);
                spans.add(p.span());
                Set<Long> ids = new java.util.HashSet<>();
                if (applies(spec, p.span())) {
                    for (ComplianceSubject s : who.on(p.span().from())) {
                        if (only != null && !only.test(s)) {
                            continue;
                        }
                        // a live subject knows its people and leaders, a frozen one only its name
                        subjectsById.merge(s.id(), s, (old, live) -> old.people().isEmpty() ? live : old);
                        ids.add(s.id());
                    }
                }
                inScope.put(i, ids);
                union.addAll(ids);
            }
            Map<Long, long[]> counts = metrics.countPerPeriod(spec.metricId(), spans, union);
            for (int k = 0; k < idx.size(); k++) {
                int i = idx.get(k);
                DateSpan span = periods.get(i).span();
                for (long id : inScope.get(i)) {
                    long count = counts.getOrDefault(id, new long[spans.size()])[k];
                    boolean exempt = exempt(exemptions.get(id), span) || exempt(exemptions.get(0L), span);
                    cells.computeIfAbsent(id, x -> new Cell[n])[i] = new Cell(count, state(spec, count, span, today, exempt));
                }
            }
        }
        Map<Long, String> schoolNames = directory.names(institutions);
        List<Row> rows = new ArrayList<>();
        for (ComplianceSubject s : subjectsById.values()) {
            ComplianceSubject named = s;
            if (rule.spec().filter() == SubjectFilter.INSTITUTION) {
                named = new ComplianceSubject(s.id(), schoolNames.getOrDefault(s.id(), s.name()), s.institutionId(), s.people(), s.leaders());
            }
            rows.add(new Row(named, schoolNames.getOrDefault(s.institutionId(), ""),
                    java.util.Arrays.asList(cells.getOrDefault(s.id(), new Cell[n]))));
        }
        Map<Row, org.jiaoyan.shared.NaturalOrder.Key> names = new java.util.IdentityHashMap<>();
        rows.forEach(r -> names.put(r, org.jiaoyan.shared.NaturalOrder.INSTANCE.key(r.subject().name())));
        rows.sort(java.util.Comparator.comparing((Row r) -> r.institutionName()).thenComparing(names::get));
        return new ComplianceMatrix(rule, periods, rows, frozen);
    }

    static ComplianceState state(RuleSpec spec, long count, DateSpan span, LocalDate today, boolean exempt) {
        if (exempt) {
            return ComplianceState.EXEMPT;
        }
        boolean met = spec.comparison().test(count, spec.threshold(), spec.thresholdHigh());
        if (span.to().isBefore(today)) {
            return met ? ComplianceState.MET : ComplianceState.NOT_MET;
        }
        if (met && spec.comparison() == Comparison.AT_LEAST) {
            return ComplianceState.MET;
        }
        return spec.comparison().canStillBeMet(count, spec.threshold(), spec.thresholdHigh())
                ? ComplianceState.NOT_DUE : ComplianceState.NOT_MET;
    }

    /** Within the rule's valid from / to (a period that starts before or ends after still counts when it overlaps). */
    private static boolean applies(RuleSpec spec, DateSpan span) {
        return (spec.validFrom() == null || !span.to().isBefore(spec.validFrom()))
                && (spec.validTo() == null || !span.from().isAfter(spec.validTo()));
    }

    /** An exemption covers a period when it covers at least half of its days. */
    static boolean exempt(@Nullable List<DateSpan> exemptions, DateSpan period) {
        if (exemptions == null) {
            return false;
        }
        long days = period.to().toEpochDay() - period.from().toEpochDay() + 1;
        long covered = 0;
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            LocalDate day = d;
            if (exemptions.stream().anyMatch(x -> x.contains(day))) {
                covered++;
            }
        }
        return covered * 2 >= days;
    }

    private Rule versionOn(Rule rule, LocalDate day) {
        return Access.asSystem(() -> rules.at(rule.id(), day));
    }

    /** subject id (0 = every subject) → exempted spans overlapping the periods. */
    private Map<Long, List<DateSpan>> exemptions(long ruleId, List<RulePeriod> periods) {
        Map<Long, List<DateSpan>> out = new HashMap<>();
        if (periods.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select coalesce(subject_id, 0), from_date, to_date from rule_exemption
                 where rule_id = ? and deleted_at is null and to_date >= ? and from_date <= ?""")
                .params(ruleId, periods.get(0).span().from(), periods.get(periods.size() - 1).span().to())
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new DateSpan(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                });
        return out;
    }

    /**
     * period start → subject id → {subject, count, state} of the frozen periods among those asked. A snapshot keeps the
     * subject's name; its people and leaders (who may see the row, whose row it is) are today's: a teacher is their own
     * person, a group or a pair is looked up once.
     */
    private Map<LocalDate, Map<Long, Object[]>> snapshotsOf(Rule rule, List<RulePeriod> periods, Collection<Long> institutions) {
        Map<LocalDate, Map<Long, Object[]>> out = new HashMap<>();
        if (periods.isEmpty()) {
            return out;
        }
        Set<LocalDate> starts = new java.util.HashSet<>();
        periods.forEach(p -> starts.add(p.span().from()));
        List<Object[]> frozen = new ArrayList<>();
        jdbc.sql("""
                select period_from, subject_id, subject_name, institution_id, count_value, state from compliance_snapshot
                 where rule_id = :rule and period_from between :from and :to and institution_id in (:insts)""")
                .param("rule", rule.id()).param("from", periods.get(0).span().from())
                .param("to", periods.get(periods.size() - 1).span().from()).param("insts", institutions)
                .query(rs -> {
                    LocalDate start = rs.getObject(1, LocalDate.class);
                    if (starts.contains(start)) {
                        frozen.add(new Object[] {start, rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                                ComplianceState.valueOf(rs.getString(6))});
                    }
                });
        SubjectKind kind = rule.spec().filter().kind();
        Map<Long, ComplianceSubject> current = new HashMap<>();
        if (!frozen.isEmpty() && (kind == SubjectKind.GROUP || kind == SubjectKind.PAIR)) {
            subjects.of(rule.spec(), institutions).on(LocalDate.now()).forEach(c -> current.put(c.id(), c));
        }
        for (Object[] f : frozen) {
            long id = (Long) f[1];
            ComplianceSubject now = current.get(id);
            Set<Long> people = kind == SubjectKind.TEACHER ? Set.of(id) : now != null ? now.people() : Set.of();
            Set<Long> leaders = now != null ? now.leaders() : Set.of();
            ComplianceSubject s = new ComplianceSubject(id, (String) f[2], (Long) f[3], people, leaders);
            out.computeIfAbsent((LocalDate) f[0], k -> new HashMap<>()).put(id, new Object[] {s, f[4], f[5]});
        }
        return out;
    }

    // --- scope -----------------------------------------------------------------------------------------------

    List<Long> institutionsOf(Rule rule, @Nullable Long institutionId) {
        if (rule.institutionId() != null) {
            if (institutionId != null && institutionId.longValue() != rule.institutionId()) {
                throw new NotFoundException();
            }
            return List.of(rule.institutionId());
        }
        DataScope s = Access.scope();
        Long mine = Access.user().institutionId();
        List<Long> schools = directory.schoolsOf(rule.regionId()).stream()
                .filter(i -> s.canReadInstitution(i) || (mine != null && mine.equals(i))
                        || Access.user().has(org.jiaoyan.security.Role.COUNTY_RESEARCHER))
                .filter(i -> institutionId == null || i.equals(institutionId)).toList();
        if (institutionId != null && schools.isEmpty()) {
            throw new NotFoundException();
        }
        return schools;
    }

    /** Rows the user may see (see the class comment). */
    private ComplianceMatrix visible(ComplianceMatrix m) {
        CurrentUser u = Access.user();
        DataScope s = u.scope();
        Long me = u.personId();
        Long mySchool = rules.schoolOfUser();
        List<Row> rows = m.rows().stream().filter(r -> {
            long inst = r.subject().institutionId();
            if (s.canReadInstitution(inst)) {
                return true;
            }
            if (m.rule().publicRanking() && mySchool != null && mySchool == inst) {
                return true;
            }
            if (me != null && (r.subject().people().contains(me) || r.subject().leaders().contains(me))) {
                return true;
            }
            return r.subject().people().stream().anyMatch(p -> s.readPersons().contains(p));
        }).toList();
        return new ComplianceMatrix(m.rule(), m.periods(), rows, m.frozen());
    }

    /** Terms known to the app (for period pickers). */
    public List<SchoolTerm> terms() {
        return terms.all();
    }
}
