package org.jiaoyan.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.metrics.SubjectKind;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.org.SubjectDirectory.Unit;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.rules.ComplianceMatrix.Row;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.shared.NaturalOrder;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Narrows a compliance matrix that has already been limited to what the user may see (the page, its .xlsx and the
 * API use the same step): by text (the subject's or the school's name), by a group (教研组 / 备课组: the group's own
 * row, its members' rows, the mentor pairs one of its members is in, and groups made only of its members, such as the
 * 备课组 of a 教研组) and by 学科 (teachers who teach it, groups of that subject, pairs where one of the two teaches it).
 * A rule about whole schools is not narrowed by group or 学科.
 */
@Service
@Transactional(readOnly = true)
public class MatrixFilter {

    /** What the user asked for; null or blank means "all". */
    public record Criteria(@Nullable String q, @Nullable Long groupId, @Nullable String subject) {

        public static final Criteria NONE = new Criteria(null, null, null);
    }

    /** A group offered in the filter, with its kind and school (shown where the matrix spans several schools). */
    public record GroupChoice(long id, String name, @Nullable GroupKind kind, long institutionId, String institutionName,
                              @Nullable Long leaderId) {
    }

    private final Compliance compliance;
    private final SubjectDirectory directory;
    private final Dictionaries dictionaries;
    private final MentorPairs pairs;

    public MatrixFilter(Compliance compliance, SubjectDirectory directory, Dictionaries dictionaries, MentorPairs pairs) {
        this.compliance = compliance;
        this.directory = directory;
        this.dictionaries = dictionaries;
        this.pairs = pairs;
    }

    /** Whether the group and 学科 filters mean anything for the rule: its subjects are teachers, groups or pairs. */
    public boolean narrowsByGroup(Rule rule) {
        SubjectKind kind = rule.spec().filter().kind();
        return kind == SubjectKind.TEACHER || kind == SubjectKind.GROUP || kind == SubjectKind.PAIR;
    }

    /**
     * The groups the user may see among the rule's schools (only the chosen one when given): every group of a school
     * they read as a whole, else the groups they lead; by school, kind (教研组 before 备课组), 学科 in the dictionary's
     * order and name as counted (一年级 before 二年级). Empty for a rule about whole schools.
     */
    public List<GroupChoice> groups(Rule rule, @Nullable Long institutionId) {
        if (!narrowsByGroup(rule)) {
            return List.of();
        }
        List<Long> institutions = compliance.institutionsOf(rule, institutionId);
        DataScope scope = Access.scope();
        Long me = Access.user().personId();
        Map<Long, String> schoolNames = directory.names(institutions);
        List<Unit> visible = directory.units(institutions, UnitType.GROUP, null).stream()
                .filter(u -> scope.canReadInstitution(u.institutionId()) || (me != null && me.equals(u.leaderId()))).toList();
        Map<Long, String> subjectOf = directory.subjectsOfUnits(visible.stream().map(Unit::id).toList());
        List<String> subjectOrder = List.copyOf(subjects().keySet());
        return visible.stream()
                .sorted(Comparator.comparingInt((Unit u) -> institutions.indexOf(u.institutionId()))
                        .thenComparingInt(u -> u.groupKind() == null ? GroupKind.values().length : u.groupKind().ordinal())
                        .thenComparingInt(u -> subjectOf.containsKey(u.id()) ? subjectOrder.indexOf(subjectOf.get(u.id())) : Integer.MAX_VALUE)
                        .thenComparing(Unit::name, NaturalOrder.INSTANCE))
                .map(u -> new GroupChoice(u.id(), u.name(), u.groupKind(), u.institutionId(),
                        schoolNames.getOrDefault(u.institutionId(), ""), u.leaderId()))
                .toList();
    }

    /** The 学科 offered in the filter: code → name, in the dictionary's order. */
    public Map<String, String> subjects() {
        return dictionaries.labelsByCode(DictKind.SUBJECT);
    }

    /**
     * The matrix with only the rows that match. A group the user may not see (or not of the matrix's schools) is a
     * 404; an unknown 学科 is refused at the field "subject".
     */
    public ComplianceMatrix apply(ComplianceMatrix m, @Nullable Long institutionId, Criteria c) {
        List<Row> rows = m.rows();
        String q = blankToNull(c.q());
        if (q != null) {
            rows = rows.stream().filter(r -> r.subject().name().contains(q) || r.institutionName().contains(q)).toList();
        }
        String subject = blankToNull(c.subject());
        if (subject != null && dictionaries.find(DictKind.SUBJECT, subject).isEmpty()) {
            throw new ValidationException("subject", "compliance.filter.subject.unknown");
        }
        if (c.groupId() != null && narrowsByGroup(m.rule())) {
            long groupId = c.groupId();
            GroupChoice group = groups(m.rule(), institutionId).stream().filter(g -> g.id() == groupId).findFirst()
                    .orElseThrow(NotFoundException::new);
            rows = byGroup(m.rule(), rows, m.periods(), group);
        }
        if (subject != null && narrowsByGroup(m.rule())) {
            rows = bySubject(m.rule(), rows, m.periods(), subject);
        }
        return rows == m.rows() ? m : new ComplianceMatrix(m.rule(), m.periods(), rows, m.frozen());
    }

    private List<Row> byGroup(Rule rule, List<Row> rows, List<RulePeriod> periods, GroupChoice group) {
        Set<Long> members = new HashSet<>(directory.members(List.of(group.id())).getOrDefault(group.id(), List.of()));
        if (group.leaderId() != null) {
            members.add(group.leaderId());
        }
        return switch (rule.spec().filter().kind()) {
            case TEACHER -> rows.stream().filter(r -> members.contains(r.subject().id())).toList();
            case PAIR -> {
                Map<Long, Set<Long>> people = pairPeople(rows, periods);
                yield rows.stream().filter(r -> people.get(r.subject().id()).stream().anyMatch(members::contains)).toList();
            }
            case GROUP -> {
                Map<Long, Set<Long>> people = unitPeople(rows);
                yield rows.stream().filter(r -> r.subject().id() == group.id() || (!people.get(r.subject().id()).isEmpty()
                        && members.containsAll(people.get(r.subject().id())))).toList();
            }
            case PROJECT, INSTITUTION -> rows;
        };
    }

    private List<Row> bySubject(Rule rule, List<Row> rows, List<RulePeriod> periods, String subject) {
        return switch (rule.spec().filter().kind()) {
            case TEACHER -> {
                Map<Long, Set<String>> taught = directory.subjectsOf(rows.stream().map(r -> r.subject().id()).toList());
                yield rows.stream().filter(r -> taught.getOrDefault(r.subject().id(), Set.of()).contains(subject)).toList();
            }
            case PAIR -> {
                Map<Long, Set<Long>> people = pairPeople(rows, periods);
                Map<Long, Set<String>> taught = directory.subjectsOf(people.values().stream().flatMap(Set::stream).distinct().toList());
                yield rows.stream().filter(r -> people.get(r.subject().id()).stream()
                        .anyMatch(p -> taught.getOrDefault(p, Set.of()).contains(subject))).toList();
            }
            case GROUP -> {
                // a group of a 学科 by its own subject; a group without one (a 课题组) when one of its people teaches it
                List<Long> ids = rows.stream().map(r -> r.subject().id()).toList();
                Map<Long, String> ofUnit = directory.subjectsOfUnits(ids);
                Map<Long, Set<Long>> people = unitPeople(rows.stream().filter(r -> !ofUnit.containsKey(r.subject().id())).toList());
                Map<Long, Set<String>> taught = directory.subjectsOf(people.values().stream().flatMap(Set::stream).distinct().toList());
                yield rows.stream().filter(r -> ofUnit.containsKey(r.subject().id())
                        ? subject.equals(ofUnit.get(r.subject().id()))
                        : people.get(r.subject().id()).stream().anyMatch(p -> taught.getOrDefault(p, Set.of()).contains(subject)))
                        .toList();
            }
            case PROJECT, INSTITUTION -> rows;
        };
    }

    /**
     * Mentor and apprentice of each pair row; a row read from a frozen month's snapshot carries no people, so those
     * pairs are looked up among the pairs of the matrix's school years (one query per year, not per row).
     */
    private Map<Long, Set<Long>> pairPeople(List<Row> rows, List<RulePeriod> periods) {
        Map<Long, Set<Long>> out = new java.util.HashMap<>();
        rows.forEach(r -> out.put(r.subject().id(), r.subject().people()));
        Set<Long> missing = new HashSet<>();
        out.forEach((id, people) -> {
            if (people.isEmpty()) {
                missing.add(id);
            }
        });
        if (!missing.isEmpty()) {
            periods.stream().map(p -> MentorPairs.currentSchoolYear(p.span().from())).distinct()
                    .flatMap(year -> Access.asSystem(() -> pairs.list(year, null)).stream())
                    .filter(p -> missing.contains(p.id()))
                    .forEach(p -> out.put(p.id(), Set.of(p.mentorId(), p.apprenticeId())));
        }
        return out;
    }

    /**
     * The people of each group row: members and leader as the directory has them now (a row read from a frozen
     * month's snapshot carries no people of its own).
     */
    private Map<Long, Set<Long>> unitPeople(Collection<Row> rows) {
        List<Long> ids = rows.stream().map(r -> r.subject().id()).toList();
        Map<Long, List<Long>> members = directory.members(ids);
        Map<Long, Set<Long>> out = new java.util.HashMap<>();
        for (Row r : rows) {
            Set<Long> people = new HashSet<>(members.getOrDefault(r.subject().id(), List.of()));
            people.addAll(r.subject().people());
            out.put(r.subject().id(), people);
        }
        return out;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
