package org.jiaoyan.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiaoyan.mentoring.MentorPair;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.org.SubjectDirectory.Staff;
import org.jiaoyan.org.SubjectDirectory.Unit;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.springframework.stereotype.Component;

/** The subjects of a rule's spec in some schools on a day (ages and years of service on that day). */
@Component
class RuleSubjects {

    /** The people set (see {@link org.jiaoyan.metrics.PeopleSource}) of personal project leads, who have no 课题组. */
    static final String PERSONAL_PROJECT_LEADS = "research.personal-leads";

    private final SubjectDirectory directory;
    private final MentorPairs pairs;
    private final Metrics metrics;

    RuleSubjects(SubjectDirectory directory, MentorPairs pairs, Metrics metrics) {
        this.directory = directory;
        this.pairs = pairs;
        this.metrics = metrics;
    }

    /** People and units read once for several days (a matrix over many periods). */
    final class Snapshot {
        private final RuleSpec spec;
        private final Collection<Long> institutions;
        private List<Staff> staff;
        private List<Unit> units;
        private Map<Long, List<Long>> members;
        private final Map<Integer, List<MentorPair>> pairsByYear = new java.util.HashMap<>();
        private Set<Long> projectGroupMembers;
        private final Map<LocalDate, Set<Long>> personalLeadsByDay = new java.util.HashMap<>();

        Snapshot(RuleSpec spec, Collection<Long> institutions) {
            this.spec = spec;
            this.institutions = institutions;
        }

        List<ComplianceSubject> on(LocalDate day) {
            return switch (spec.filter()) {
                case ALL_TEACHERS, UNDER_AGE, SERVICE_UNDER, TITLE, HONOUR, LIST_PEOPLE, PROJECT_MEMBERS -> people(day);
                case GROUPS, DEPARTMENTS, LIST_UNITS -> units();
                case PAIRS -> pairs(day);
                case INSTITUTION -> institutions.stream()
                        .map(i -> new ComplianceSubject(i, String.valueOf(i), i, Set.of(), Set.of())).toList();
            };
        }

        private List<ComplianceSubject> people(LocalDate day) {
            if (staff == null) {
                staff = directory.staff(institutions);
            }
            Set<String> values = values();
            Set<Long> projectPeople = spec.filter() == SubjectFilter.PROJECT_MEMBERS ? projectPeople(day) : Set.of();
            List<ComplianceSubject> out = new ArrayList<>();
            for (Staff s : staff) {
                boolean in = switch (spec.filter()) {
                    case UNDER_AGE -> {
                        Integer age = s.age(day);
                        yield age != null && age < Integer.parseInt(spec.filterValue().strip());
                    }
                    case SERVICE_UNDER -> {
                        Integer years = s.yearsOfService(day);
                        yield years != null && years < Integer.parseInt(spec.filterValue().strip());
                    }
                    case TITLE -> s.titleCode() != null && values.contains(s.titleCode());
                    case HONOUR -> s.honourCodes().stream().anyMatch(values::contains);
                    case LIST_PEOPLE -> values.contains(String.valueOf(s.id()));
                    case PROJECT_MEMBERS -> projectPeople.contains(s.id());
                    default -> true;
                };
                if (in) {
                    out.add(new ComplianceSubject(s.id(), s.name(), s.institutionId(), Set.of(s.id()), Set.of()));
                }
            }
            return out;
        }

        /**
         * 课题组成员 on the day: the members and leaders of the 课题组 (as the org tree holds them now: it keeps no
         * membership history) and the leads of personal projects running on the day.
         */
        private Set<Long> projectPeople(LocalDate day) {
            if (projectGroupMembers == null) {
                List<Unit> groups = directory.units(institutions, UnitType.GROUP, GroupKind.PROJECT);
                projectGroupMembers = new HashSet<>();
                directory.members(groups.stream().map(Unit::id).toList()).values().forEach(projectGroupMembers::addAll);
                groups.stream().map(Unit::leaderId).filter(java.util.Objects::nonNull).forEach(projectGroupMembers::add);
            }
            Set<Long> out = new HashSet<>(projectGroupMembers);
            out.addAll(personalLeadsByDay.computeIfAbsent(day, d -> metrics.people(PERSONAL_PROJECT_LEADS, institutions, d)));
            return out;
        }

        private List<ComplianceSubject> units() {
            if (units == null) {
                units = switch (spec.filter()) {
                    case GROUPS -> directory.units(institutions, UnitType.GROUP, GroupKind.valueOf(spec.filterValue().strip()));
                    case DEPARTMENTS -> directory.units(institutions, UnitType.DEPARTMENT, null);
                    default -> {
                        Set<String> ids = values();
                        List<Unit> all = new ArrayList<>(directory.units(institutions, UnitType.GROUP, null));
                        all.addAll(directory.units(institutions, UnitType.DEPARTMENT, null));
                        yield all.stream().filter(u -> ids.contains(String.valueOf(u.id()))).toList();
                    }
                };
                members = directory.members(units.stream().map(Unit::id).toList());
            }
            return units.stream().map(u -> {
                Set<Long> people = new HashSet<>(members.getOrDefault(u.id(), List.of()));
                Set<Long> leaders = u.leaderId() == null ? Set.of() : Set.of(u.leaderId());
                people.addAll(leaders);
                return new ComplianceSubject(u.id(), u.name(), u.institutionId(), people, leaders);
            }).toList();
        }

        private List<ComplianceSubject> pairs(LocalDate day) {
            int year = MentorPairs.currentSchoolYear(day);
            List<MentorPair> list = pairsByYear.computeIfAbsent(year, y -> Access.asSystem(() -> pairs.list(y, null)));
            return list.stream().filter(p -> institutions.contains(p.institutionId()))
                    .map(p -> new ComplianceSubject(p.id(), p.mentorName() + " → " + p.apprenticeName(), p.institutionId(),
                            Set.of(p.mentorId(), p.apprenticeId()), Set.of(p.mentorId())))
                    .toList();
        }

        private Set<String> values() {
            return spec.filterValue() == null ? Set.of() : Arrays.stream(spec.filterValue().split("[,，\\s]+"))
                    .map(String::strip).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
        }
    }

    Snapshot of(RuleSpec spec, Collection<Long> institutions) {
        return new Snapshot(spec, institutions);
    }
}
