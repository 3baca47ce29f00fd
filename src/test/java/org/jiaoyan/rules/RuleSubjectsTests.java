package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jiaoyan.org.SubjectDirectory;
import org.junit.jupiter.api.Test;

/** Age and years of service are taken on each period's first day: a teacher turning 40 mid-term leaves the rule. */
class RuleSubjectsTests {

    private static final SubjectDirectory.Staff TURNS_40 = new SubjectDirectory.Staff(1, 9, "王老师",
            LocalDate.of(1986, 10, 15), LocalDate.of(2008, 9, 1), "SENIOR", Set.of("BACKBONE"));
    private static final SubjectDirectory.Staff NEWCOMER = new SubjectDirectory.Staff(2, 9, "李老师",
            LocalDate.of(2001, 3, 1), LocalDate.of(2024, 9, 1), null, Set.of());
    private static final SubjectDirectory.Staff UNKNOWN = new SubjectDirectory.Staff(3, 9, "赵老师", null, null, null, Set.of());

    private final RuleSubjects subjects = new RuleSubjects(new SubjectDirectory(null) {
        @Override
        public List<Staff> staff(Collection<Long> institutionIds) {
            return List.of(TURNS_40, NEWCOMER, UNKNOWN);
        }
    }, null, new org.jiaoyan.metrics.Metrics(List.of()));

    private List<Long> on(SubjectFilter filter, String value, LocalDate day) {
        RuleSpec spec = new RuleSpec("observation.by-observer", filter, value, PeriodKind.MONTH, null, null,
                Comparison.AT_LEAST, 1, null, 2, null, null);
        return subjects.of(spec, List.of(9L)).on(day).stream().map(ComplianceSubject::id).toList();
    }

    @Test
    void aTeacherTurningFortyIsUnderTheRuleUntilTheBirthdayAndNotAfter() {
        assertThat(on(SubjectFilter.UNDER_AGE, "40", LocalDate.of(2026, 10, 1))).containsExactly(1L, 2L);
        assertThat(on(SubjectFilter.UNDER_AGE, "40", LocalDate.of(2026, 10, 15))).containsExactly(2L);
        assertThat(on(SubjectFilter.UNDER_AGE, "40", LocalDate.of(2026, 11, 1))).containsExactly(2L);
    }

    @Test
    void yearsOfServiceTitleAndHonourFilters() {
        assertThat(on(SubjectFilter.SERVICE_UNDER, "3", LocalDate.of(2027, 8, 31))).containsExactly(2L);
        assertThat(on(SubjectFilter.SERVICE_UNDER, "3", LocalDate.of(2027, 9, 1))).isEmpty();
        assertThat(on(SubjectFilter.TITLE, "SENIOR, FIRST", LocalDate.of(2026, 10, 1))).containsExactly(1L);
        assertThat(on(SubjectFilter.HONOUR, "BACKBONE", LocalDate.of(2026, 10, 1))).containsExactly(1L);
        assertThat(on(SubjectFilter.ALL_TEACHERS, null, LocalDate.of(2026, 10, 1))).containsExactly(1L, 2L, 3L);
        assertThat(on(SubjectFilter.LIST_PEOPLE, "3，1", LocalDate.of(2026, 10, 1))).containsExactly(1L, 3L);
    }

    @Test
    void projectMembersAreTheProjectGroupsPeopleAndTheLeadsOfPersonalProjectsRunningOnTheDay() {
        // 课题组 7 (led by 1, member 3) and a 教研组 8 with member 2; the personal project led by 2 ran until October
        RuleSubjects withProjects = new RuleSubjects(new SubjectDirectory(null) {
            @Override
            public List<Staff> staff(Collection<Long> institutionIds) {
                return List.of(TURNS_40, NEWCOMER, UNKNOWN);
            }

            @Override
            public List<Unit> units(Collection<Long> institutionIds, org.jiaoyan.org.UnitType type, org.jiaoyan.org.GroupKind kind) {
                assertThat(kind).isEqualTo(org.jiaoyan.org.GroupKind.PROJECT);
                return List.of(new Unit(7, 9, type, kind, "课题组：阅读", 1L));
            }

            @Override
            public java.util.Map<Long, List<Long>> members(Collection<Long> unitIds) {
                assertThat(unitIds).containsExactly(7L);
                return java.util.Map.of(7L, List.of(3L));
            }
        }, null, new org.jiaoyan.metrics.Metrics(List.of(), List.of(), List.of(new org.jiaoyan.metrics.PeopleSource() {
            @Override
            public Set<String> sets() {
                return Set.of(RuleSubjects.PERSONAL_PROJECT_LEADS);
            }

            @Override
            public Set<Long> people(String setId, Collection<Long> institutionIds, LocalDate day) {
                return day.isBefore(LocalDate.of(2026, 11, 1)) ? Set.of(2L, 99L) : Set.of();
            }
        })));
        RuleSpec spec = new RuleSpec("research.member-papers", SubjectFilter.PROJECT_MEMBERS, null, PeriodKind.TERM, null, null,
                Comparison.AT_LEAST, 1, null, 14, null, null);
        RuleSubjects.Snapshot snapshot = withProjects.of(spec, List.of(9L));
        assertThat(snapshot.on(LocalDate.of(2026, 9, 1)).stream().map(ComplianceSubject::id)).containsExactly(1L, 2L, 3L);
        // someone of another school (99) never appears: only the school's working teachers are subjects
        assertThat(snapshot.on(LocalDate.of(2027, 2, 20)).stream().map(ComplianceSubject::id)).containsExactly(1L, 3L);
    }
}
