package org.jiaoyan.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.mentoring.MentorPair;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.metrics.SubjectKind;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.org.SubjectDirectory.Unit;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.rules.ComplianceMatrix.Cell;
import org.jiaoyan.rules.ComplianceMatrix.Row;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 制度执行总览: per enabled rule of a school and per 教研组 (科室 in a hospital), the share of the month's judged cells
 * that were met, and a rule's share per period over the term (the trend). One evaluation per rule for the month.
 * <p>
 * A share counts the cells of the rule's periods touching the month that were judged (达标 or 未达标); 未到期 and 豁免
 * are left out. A group's cell counts, for a teacher rule, its members' cells (leader included); for a group rule, the
 * group's own cells — a 备课组 or 课题组 counts in the 教研组 its leader belongs to; for a mentor-pair rule, the cells of
 * pairs whose apprentice (徒弟) is in the group. A rule on the institution has one cell, 全校.
 * <p>
 * The school's leaders (校长, 教科室主任, the county's researchers for its schools) see every group and a whole-school
 * total; a 教研组长 sees only the groups they lead; anybody else gets a 404.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceOverview {

    private final Compliance compliance;
    private final Rules rules;
    private final SubjectDirectory directory;
    private final OrgUnits units;
    private final MentorPairs pairs;
    private final Metrics metrics;

    public ComplianceOverview(Compliance compliance, Rules rules, SubjectDirectory directory, OrgUnits units,
                              MentorPairs pairs, Metrics metrics) {
        this.compliance = compliance;
        this.rules = rules;
        this.directory = directory;
        this.units = units;
        this.pairs = pairs;
        this.metrics = metrics;
    }

    /** How a share looks: the matrix's colours and symbols, with 部分达标 between 达标 and 未达标 (message overview.level.*). */
    public enum Level {
        MET("✓"), PARTIAL("◐"), NOT_MET("✗"), NOT_DUE("…"), NONE("—");

        private final String symbol;

        Level(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Judged cells met out of judged, and the cells left out (未到期, 豁免). */
    public record Share(long met, long judged, long notDue, long exempt) {

        public int percent() {
            return judged == 0 ? 0 : (int) Math.round(100.0 * met / judged);
        }

        public Level level() {
            if (judged == 0) {
                return notDue > 0 ? Level.NOT_DUE : Level.NONE;
            }
            return met == judged ? Level.MET : met == 0 ? Level.NOT_MET : Level.PARTIAL;
        }
    }

    /** A column: a 教研组 (or 科室). */
    public record Column(long id, String name) {
    }

    /**
     * One rule: per column its share (null where no subject of the rule falls in the group), and the row's total.
     * groupsAreColumns: the rule's subjects are the column groups themselves (a matrix can be filtered by the name).
     */
    public record RuleRow(Rule rule, SubjectKind level, List<@Nullable Share> cells, @Nullable Share total,
                          boolean groupsAreColumns) {

        public boolean wholeInstitution() {
            return level == SubjectKind.INSTITUTION;
        }
    }

    /**
     * The overview of a school for a month. wholeSchool: the user sees every group and the total counts every subject
     * of the school (also teachers in no group); otherwise the total counts the subjects of the groups shown.
     */
    public record Overview(long schoolId, String schoolName, boolean hospital, YearMonth month, boolean wholeSchool,
                           List<Column> columns, List<RuleRow> rows) {

        public LocalDate from() {
            return month.atDay(1);
        }

        public LocalDate to() {
            return month.atEndOfMonth();
        }
    }

    /** The overview of the school for the month, as far as the current user may see it (else NotFoundException). */
    public Overview overview(long schoolId, YearMonth month, LocalDate today) {
        CurrentUser u = Access.user();
        boolean wholeSchool = u.scope().canReadInstitution(schoolId);
        Long mySchool = rules.schoolOfUser();
        if (!wholeSchool && (u.personId() == null || !u.has(Role.GROUP_LEADER) || mySchool == null || mySchool != schoolId)) {
            throw new NotFoundException();
        }
        Sector sector = Access.asSystem(() -> units.get(schoolId)).sector();
        boolean hospital = sector == Sector.HEALTHCARE;
        List<Unit> groups = hospital ? directory.units(List.of(schoolId), UnitType.DEPARTMENT, null)
                : directory.units(List.of(schoolId), UnitType.GROUP, GroupKind.TEACHING_RESEARCH);
        if (!wholeSchool) {
            long me = u.personId();
            groups = groups.stream().filter(g -> g.leaderId() != null && g.leaderId() == me).toList();
            if (groups.isEmpty()) {
                throw new NotFoundException();
            }
        }
        List<Column> columns = groups.stream().map(g -> new Column(g.id(), g.name())).toList();
        Groups where = new Groups(schoolId, groups);
        List<RuleRow> rows = new ArrayList<>();
        for (Rule rule : rules.ofInstitution(schoolId)) {
            if (!rule.enabled() || !metrics.published(rule.spec().metricId())) {
                continue;
            }
            SubjectKind kind = rule.spec().filter().kind();
            if (kind == SubjectKind.INSTITUTION && !wholeSchool) {
                continue; // about the school as a whole, not about a group's people
            }
            List<RulePeriod> periods = compliance.periods(rule.spec(), month.atDay(1), month.atEndOfMonth());
            ComplianceMatrix m = compliance.evaluate(rule, periods, List.of(schoolId), today, true);
            if (m.rows().isEmpty()) {
                continue; // nobody here it is about (a county rule on 教研组 in a hospital)
            }
            rows.add(row(rule, kind, m, where, columns.size(), wholeSchool));
        }
        String name = directory.names(List.of(schoolId)).getOrDefault(schoolId, "");
        return new Overview(schoolId, name, hospital, month, wholeSchool, columns, rows);
    }

    private RuleRow row(Rule rule, SubjectKind kind, ComplianceMatrix m, Groups where, int columnCount, boolean wholeSchool) {
        long[][] counts = new long[columnCount][];
        long[] total = null;
        boolean groupsAreColumns = false;
        for (Row r : m.rows()) {
            groupsAreColumns |= kind == SubjectKind.GROUP && where.isColumn(r.subject().id());
            Set<Integer> in = switch (kind) {
                case TEACHER -> where.ofPerson(r.subject().id());
                case GROUP -> where.ofUnit(r.subject().id());
                case PAIR -> where.ofPair(r.subject().id(), m.periods());
                default -> Set.of();
            };
            if (!wholeSchool && in.isEmpty()) {
                continue;
            }
            for (Cell c : r.cells()) {
                if (c == null) {
                    continue;
                }
                for (int i : in) {
                    counts[i] = add(counts[i], c.state());
                }
                total = add(total, c.state());
            }
        }
        List<@Nullable Share> cells = new ArrayList<>();
        for (long[] c : counts) {
            cells.add(share(c));
        }
        return new RuleRow(rule, kind, cells, share(total), groupsAreColumns);
    }

    private static long[] add(long @Nullable [] counts, ComplianceState state) {
        long[] c = counts == null ? new long[4] : counts;
        switch (state) {
            case MET -> {
                c[0]++;
                c[1]++;
            }
            case NOT_MET -> c[1]++;
            case NOT_DUE -> c[2]++;
            case EXEMPT -> c[3]++;
        }
        return c;
    }

    private static @Nullable Share share(long @Nullable [] c) {
        return c == null ? null : new Share(c[0], c[1], c[2], c[3]);
    }

    /**
     * Which columns a subject falls in; group members read once, other groups' leaders and the mentor pairs only when a
     * rule needs them.
     */
    private final class Groups {

        private final long schoolId;
        private final Map<Long, Integer> columnOfUnit = new HashMap<>();
        private final Map<Long, Set<Integer>> columnsOfPerson = new HashMap<>();
        private @Nullable Map<Long, Unit> otherUnits;
        private @Nullable Map<Long, List<Long>> otherMembers;
        private final Map<Integer, Map<Long, Long>> apprenticeByYear = new HashMap<>();

        Groups(long schoolId, List<Unit> columns) {
            this.schoolId = schoolId;
            Map<Long, List<Long>> members = directory.members(columns.stream().map(Unit::id).toList());
            for (int i = 0; i < columns.size(); i++) {
                Unit g = columns.get(i);
                columnOfUnit.put(g.id(), i);
                Set<Long> people = new LinkedHashSet<>(members.getOrDefault(g.id(), List.of()));
                if (g.leaderId() != null) {
                    people.add(g.leaderId());
                }
                for (long p : people) {
                    columnsOfPerson.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(i);
                }
            }
        }

        boolean isColumn(long unitId) {
            return columnOfUnit.containsKey(unitId);
        }

        Set<Integer> ofPerson(long personId) {
            return columnsOfPerson.getOrDefault(personId, Set.of());
        }

        /** The group itself, else (a 备课组, 课题组) the columns of its leader, else of its members. */
        Set<Integer> ofUnit(long unitId) {
            Integer own = columnOfUnit.get(unitId);
            if (own != null) {
                return Set.of(own);
            }
            if (otherUnits == null) {
                Map<Long, Unit> all = new HashMap<>();
                directory.units(List.of(schoolId), UnitType.GROUP, null).forEach(x -> all.put(x.id(), x));
                directory.units(List.of(schoolId), UnitType.DEPARTMENT, null).forEach(x -> all.put(x.id(), x));
                otherUnits = all;
                otherMembers = directory.members(all.values().stream().filter(x -> x.leaderId() == null).map(Unit::id).toList());
            }
            Unit unit = otherUnits.get(unitId);
            if (unit == null) {
                return Set.of();
            }
            if (unit.leaderId() != null) {
                return ofPerson(unit.leaderId());
            }
            Set<Integer> out = new LinkedHashSet<>();
            otherMembers.getOrDefault(unitId, List.of()).forEach(p -> out.addAll(ofPerson(p)));
            return out;
        }

        /** The columns of the pair's apprentice (the pair's school year is that of the month's periods). */
        Set<Integer> ofPair(long pairId, List<RulePeriod> periods) {
            Set<Integer> years = new LinkedHashSet<>();
            periods.forEach(p -> years.add(MentorPairs.currentSchoolYear(p.span().from())));
            for (int year : years) {
                Map<Long, Long> apprentices = apprenticeByYear.computeIfAbsent(year, y -> {
                    Map<Long, Long> byPair = new HashMap<>();
                    for (MentorPair p : Access.asSystem(() -> pairs.list(y, schoolId))) {
                        byPair.put(p.id(), p.apprenticeId());
                    }
                    return byPair;
                });
                Long apprentice = apprentices.get(pairId);
                if (apprentice != null) {
                    return ofPerson(apprentice);
                }
            }
            return Set.of();
        }
    }

    // --- trend -----------------------------------------------------------------------------------------------

    /**
     * One period of the trend among the rows the user may see: percent = met out of judged (null when none judged); for
     * the running period met out of judged and not yet due, i.e. how far it has got.
     */
    public record TrendPoint(String label, String shortLabel, LocalDate from, LocalDate to, long met, long judged,
                             long notDue, long exempt, @Nullable Double percent, boolean current) {
    }

    public record Trend(long ruleId, String name, LocalDate from, LocalDate to, List<TrendPoint> points) {
    }

    /**
     * The share met per period of the current term up to today (the last term when between terms, else the last
     * three months), on the matrix's rows the user may see. The period still running is marked current.
     */
    public Trend trend(long ruleId, LocalDate today) {
        Rule rule = rules.get(ruleId);
        List<SchoolTerm> terms = compliance.terms();
        SchoolTerm term = terms.stream().filter(t -> t.contains(today)).findFirst()
                .or(() -> terms.stream().filter(t -> t.endDate().isBefore(today))
                        .max(java.util.Comparator.comparing(SchoolTerm::endDate)))
                .orElse(null);
        LocalDate from = term != null ? term.startDate() : today.minusMonths(3).withDayOfMonth(1);
        LocalDate to = term != null && term.endDate().isBefore(today) ? term.endDate() : today;
        ComplianceMatrix m = compliance.matrix(rule.id(), from, to, null);
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < m.periods().size(); i++) {
            RulePeriod p = m.periods().get(i);
            long[] c = null;
            for (Row r : m.rows()) {
                Cell cell = r.cells().get(i);
                if (cell != null) {
                    c = add(c, cell.state());
                }
            }
            long[] n = c == null ? new long[4] : c;
            boolean current = !p.span().to().isBefore(today);
            // a running period judges only what is already met: its point shows progress, met out of all not exempt
            long base = current ? n[1] + n[2] : n[1];
            points.add(new TrendPoint(p.label(), p.shortLabel(), p.span().from(), p.span().to(), n[0], n[1], n[2], n[3],
                    base == 0 ? null : Math.round(1000.0 * n[0] / base) / 10.0, current));
        }
        return new Trend(rule.id(), rule.name(), from, to, points);
    }
}
