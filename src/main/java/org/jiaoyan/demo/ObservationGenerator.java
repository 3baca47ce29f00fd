package org.jiaoyan.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jiaoyan.mentoring.MentorEligibility;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.observation.GeneratedObservations;
import org.jiaoyan.observation.LessonType;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A year of lesson observations for a generated county: in the last complete term and the current one (up to today),
 * each teacher observes about N lessons of colleagues of the same school per term (fewer in the part of the current
 * term still to come); 2–3 青蓝 pairs per school for the current school year, who observe each other most weeks.
 * Batched inserts; seeded, so runs are repeatable.
 */
@Component
class ObservationGenerator {

    private static final String[] TOPICS = {"《秋天的雨》", "《圆的认识》", "《燕子》", "《分数的初步认识》", "《观潮》",
            "《长方形和正方形的周长》", "《桂林山水》", "《小数的意义》", "《草船借箭》", "《认识时间》", "《赵州桥》", "《可能性》",
            "Unit 3 My friends", "《植物的一生》", "《位置与方向》", "《找春天》", "《三角形的内角和》", "《少年闰土》"};
    private static final String[] SUBJECTS = {"CHINESE", "CHINESE", "MATH", "MATH", "ENGLISH", "SCIENCE", "MORALITY", "MUSIC", "ART", "PE"};
    private static final String[] STRENGTHS = {"教学目标明确，环节紧凑。", "情境导入自然，学生兴趣浓厚。", "板书设计清晰，重点突出。",
            "关注学生的思维过程，提问有层次。", "小组合作有序，交流充分。"};
    private static final String[] SUGGESTIONS = {"练习的层次可以再丰富一些。", "给学生思考的时间再多一点。", "关注后进生的参与。",
            "课堂小结可以让学生来说。", "多媒体使用可以更精简。"};

    /** What was made, for the generator's output and the benchmark. */
    record Generated(int observations, int pairs, long benchObserver, @Nullable SchoolTerm term, int schoolYear) {
    }

    private final GeneratedObservations bulk;
    private final MentorPairs pairs;
    private final People people;
    private final Terms terms;

    ObservationGenerator(GeneratedObservations bulk, MentorPairs pairs, People people, Terms terms) {
        this.bulk = bulk;
        this.pairs = pairs;
        this.people = people;
        this.terms = terms;
    }

    /** Runs as the system user. The first school is the bench school; its first mentor is the bench observer. */
    Generated generate(List<Long> schoolIds, int perTerm, long seed) {
        Random random = new Random(seed + 17);
        LocalDate today = LocalDate.now();
        int year = MentorPairs.currentSchoolYear(today);
        SchoolTerm current = terms.current().orElse(null);
        List<SchoolTerm> periods = terms.all().stream()
                .filter(t -> !t.startDate().isAfter(today))
                .sorted(Comparator.comparing(SchoolTerm::startDate).reversed()).limit(2).toList();
        List<GeneratedObservations.Seed> seeds = new ArrayList<>();
        int pairCount = 0;
        long benchObserver = -1;
        for (long school : schoolIds) {
            List<Long> forms = bulk.formsOf(school);
            List<Person> staff = people.ofInstitution(school);
            if (staff.size() < 2) {
                continue;
            }
            for (SchoolTerm term : periods) {
                LocalDate end = term.endDate().isAfter(today) ? today : term.endDate();
                long days = Math.max(1, end.toEpochDay() - term.startDate().toEpochDay() + 1);
                double share = (double) days / (term.endDate().toEpochDay() - term.startDate().toEpochDay() + 1);
                int count = (int) Math.max(1, Math.round(perTerm * share));
                for (Person observer : staff) {
                    for (int i = 0; i < count; i++) {
                        Person teacher = staff.get(random.nextInt(staff.size()));
                        if (teacher.id() == observer.id()) {
                            teacher = staff.get((staff.indexOf(observer) + 1) % staff.size());
                        }
                        LocalDate day = term.startDate().plusDays(random.nextInt((int) days));
                        seeds.add(seed(school, observer.id(), teacher.id(), day, forms, random, today));
                    }
                }
            }
            // 青蓝 pairs: eligible mentors and apprentices where the school has them, otherwise an exception with a reason
            LocalDate yearStart = MentorEligibility.yearStart(year);
            List<Person> mentors = staff.stream().filter(p -> Set.of("T1", "SENIOR", "PROFESSOR").contains(String.valueOf(p.titleCode()))).toList();
            List<Person> young = staff.stream().filter(p -> {
                Integer y = p.yearsOfService(yearStart);
                return y != null && y < MentorEligibility.APPRENTICE_YEARS;
            }).toList();
            int want = 2 + random.nextInt(2);
            for (int i = 0; i < want && i < mentors.size(); i++) {
                Person mentor = mentors.get(i);
                Person apprentice = i < young.size() ? young.get(i) : staff.get(staff.size() - 1 - i);
                if (apprentice.id() == mentor.id()) {
                    continue;
                }
                pairs.create(school, year, mentor.id(), apprentice.id(), i < young.size() ? null : "生成数据：本校暂无工作未满三年的教师", null);
                pairCount++;
                if (benchObserver < 0) {
                    benchObserver = mentor.id();
                }
                if (current != null && current.schoolYear() == year) {
                    for (int w = 1; w <= current.weekCount(); w++) {
                        LocalDate monday = current.weekStart(w);
                        if (monday.isAfter(today)) {
                            break;
                        }
                        if (random.nextInt(100) < 85) {
                            seeds.add(seed(school, mentor.id(), apprentice.id(), within(current, monday.plusDays(1), today), forms, random, today));
                        }
                        if (random.nextInt(100) < 85) {
                            seeds.add(seed(school, apprentice.id(), mentor.id(), within(current, monday.plusDays(3), today), forms, random, today));
                        }
                    }
                }
            }
        }
        bulk.insertAll(seeds);
        return new Generated(seeds.size(), pairCount, benchObserver, current, year);
    }

    private static LocalDate within(SchoolTerm term, LocalDate day, LocalDate today) {
        LocalDate d = day.isAfter(today) ? today : day;
        return d.isBefore(term.startDate()) ? term.startDate() : d;
    }

    private static GeneratedObservations.Seed seed(long school, long observer, long teacher, LocalDate day, List<Long> forms,
                                                   Random random, LocalDate today) {
        int kind = random.nextInt(100);
        LessonType type = kind < 65 ? LessonType.REGULAR : kind < 75 ? LessonType.OPEN : kind < 83 ? LessonType.RESEARCH
                : kind < 90 ? LessonType.DEMONSTRATION : kind < 95 ? LessonType.REPORT : LessonType.QUALIFYING;
        long form = forms.get(random.nextInt(10) < 8 ? 0 : forms.size() - 1);
        return new GeneratedObservations.Seed(school, observer, teacher, day, (1 + random.nextInt(6)) + "(" + (1 + random.nextInt(4)) + ")班",
                SUBJECTS[random.nextInt(SUBJECTS.length)], TOPICS[random.nextInt(TOPICS.length)], type, form,
                0.7 + random.nextDouble() * 0.28, STRENGTHS[random.nextInt(STRENGTHS.length)],
                SUGGESTIONS[random.nextInt(SUGGESTIONS.length)], day.isBefore(today.minusDays(3)) && random.nextInt(10) < 8);
    }
}
