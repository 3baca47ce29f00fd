package org.jiaoyan.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiaoyan.mentoring.MentorEligibility;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.observation.Criterion;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.FormVersion;
import org.jiaoyan.observation.LessonType;
import org.jiaoyan.observation.ObservationData;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.observation.Scoring;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.springframework.stereotype.Component;

/**
 * Demo records of the experimental school: its default evaluation forms, two 青蓝工程 pairs with weekly mutual
 * observations (one pair with a few gaps), and observations of and by the demo teacher, one waiting for acknowledgement.
 */
@Component
class DemoObservations {

    private static final String[] TOPICS = {"《秋天的雨》", "《圆的认识》", "《燕子》", "《分数的初步认识》", "《观潮》",
            "《长方形和正方形的周长》", "《桂林山水》", "《小数的意义》", "《草船借箭》", "《认识时间》", "《赵州桥》", "《可能性》"};

    private final Observations observations;
    private final EvaluationForms forms;
    private final MentorPairs pairs;
    private final People people;
    private final Terms terms;

    DemoObservations(Observations observations, EvaluationForms forms, MentorPairs pairs, People people, Terms terms) {
        this.observations = observations;
        this.forms = forms;
        this.pairs = pairs;
        this.people = people;
        this.terms = terms;
    }

    /** Runs as the system user inside the demo set-up; observations are made as their observers. */
    void create(long schoolId, long teacherId, long deptHeadId) {
        SchoolTerm term = terms.current().orElse(null);
        if (term == null) {
            return;
        }
        forms.ensureDefaults(schoolId);
        long formId = forms.of(schoolId).get(0).id();
        LocalDate today = LocalDate.now();
        int year = MentorPairs.currentSchoolYear(today);
        LocalDate yearStart = MentorEligibility.yearStart(year);
        List<Person> staff = people.ofInstitution(schoolId);
        List<Person> mentors = new ArrayList<>();
        List<Person> apprentices = new ArrayList<>();
        for (Person p : staff) {
            if (p.id() == deptHeadId) {
                continue;
            }
            Integer years = p.yearsOfService(yearStart);
            if (years != null && years < MentorEligibility.APPRENTICE_YEARS) {
                apprentices.add(p);
            } else if (p.titleCode() != null && Set.of("T1", "SENIOR", "PROFESSOR").contains(p.titleCode())) {
                mentors.add(p);
            }
        }
        apprentices.sort((a, b) -> Boolean.compare(b.id() == teacherId, a.id() == teacherId));
        mentors.sort((a, b) -> Boolean.compare(b.id() == teacherId, a.id() == teacherId));
        List<long[]> made = new ArrayList<>();
        for (int i = 0; i < 2 && i < mentors.size(); i++) {
            Person mentor = mentors.get(i);
            Person apprentice = i < apprentices.size() ? apprentices.get(i)
                    : staff.stream().filter(p -> p.id() != mentor.id() && p.id() != deptHeadId
                            && made.stream().noneMatch(m -> m[1] == p.id())).skip(10 + i).findFirst().orElseThrow();
            String reason = i < apprentices.size() ? null : "演示：新调入本校的青年教师，需要师傅带教";
            pairs.create(schoolId, year, mentor.id(), apprentice.id(), reason, null);
            made.add(new long[] {mentor.id(), apprentice.id()});
        }
        FormVersion form = forms.current(formId);
        int n = 0;
        for (int w = 1; w <= term.weekCount(); w++) {
            LocalDate monday = term.weekStart(w);
            if (!monday.plusDays(1).isBefore(today)) {
                break;
            }
            for (int p = 0; p < made.size(); p++) {
                long mentor = made.get(p)[0];
                long apprentice = made.get(p)[1];
                boolean mentorGoes = p == 0 ? w % 4 != 3 : w % 2 == 1;
                boolean apprenticeGoes = p == 0 ? w % 5 != 4 : true;
                if (mentorGoes) {
                    observe(schoolId, mentor, apprentice, day(monday, 1, today, term), form, n++, false, true);
                }
                if (apprenticeGoes) {
                    observe(schoolId, apprentice, mentor, day(monday, 3, today, term), form, n++, false, true);
                }
            }
        }
        long colleague = staff.stream().filter(p -> p.id() != teacherId && p.id() != deptHeadId).findFirst().orElseThrow().id();
        observe(schoolId, teacherId, colleague, today.minusDays(6), form, n++, true, true);
        observe(schoolId, deptHeadId, teacherId, today.minusDays(2), form, n++, true, false);
    }

    private static LocalDate day(LocalDate monday, int plus, LocalDate today, SchoolTerm term) {
        LocalDate d = monday.plusDays(plus);
        if (d.isAfter(today)) {
            d = today;
        }
        return d.isBefore(term.startDate()) ? term.startDate() : d;
    }

    private void observe(long schoolId, long observer, long teacher, LocalDate date, FormVersion form, int n, boolean open,
                         boolean acknowledged) {
        Map<Long, BigDecimal> scores = new HashMap<>();
        int i = 0;
        for (Criterion c : form.criteria()) {
            if (!c.textField()) {
                BigDecimal max = form.scoring().max(c);
                BigDecimal off = form.scoring() == Scoring.POINTS ? BigDecimal.valueOf((n + i++) % 3) : BigDecimal.ZERO;
                scores.put(c.id(), max.subtract(off).max(BigDecimal.ZERO));
            }
        }
        CurrentUser as = new CurrentUser(0, "demo-" + observer, "演示", observer, schoolId, Set.of(Role.TEACHER),
                new DataScope(false, Set.of(), Set.of(), Set.of(), observer), "", true, true);
        long id = Access.as(as, () -> observations.create(new ObservationData(teacher, date, (3 + n % 4) + "(" + (1 + n % 3) + ")班",
                n % 2 == 0 ? "CHINESE" : "MATH", TOPICS[n % TOPICS.length], open ? LessonType.OPEN : LessonType.REGULAR,
                form.formId(), scores, Map.of(), "教学目标明确，环节清楚，学生参与积极。", "小组合作时间可再充分一些，关注后进生。",
                null, null)));
        if (acknowledged) {
            CurrentUser observed = new CurrentUser(0, "demo-" + teacher, "演示", teacher, schoolId, Set.of(Role.TEACHER),
                    new DataScope(false, Set.of(), Set.of(), Set.of(), teacher), "", true, true);
            Access.as(observed, () -> {
                observations.acknowledge(id, observations.get(id).version(), n % 5 == 0 ? "谢谢指导，我会改进小组合作环节。" : null);
                return null;
            });
        }
    }
}
