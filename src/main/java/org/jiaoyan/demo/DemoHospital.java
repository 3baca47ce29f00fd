package org.jiaoyan.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.account.RoleGrant;
import org.jiaoyan.account.UserAccounts;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.PersonData;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanTemplate;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.quality.DrillData;
import org.jiaoyan.quality.DrillOutcome;
import org.jiaoyan.quality.Drills;
import org.jiaoyan.quality.QcCheckData;
import org.jiaoyan.quality.QcChecks;
import org.jiaoyan.quality.QcResult;
import org.jiaoyan.quality.TrainingData;
import org.jiaoyan.quality.Trainings;
import org.jiaoyan.security.Role;
import org.springframework.stereotype.Component;

/**
 * The demo hospital: 县人民医院 (HEALTHCARE) with its 妇产科 of twelve staff led by the 护士长 (login hushizhang, who
 * manages the hospital), the department's published plan from the hospital template, and its records of the term so
 * far: QC checks in most weeks, a training session each month by rotating presenters (one month missed), and two drills
 * that all but two staff have passed.
 */
@Component
class DemoHospital {

    static final String HOSPITAL = "示范县人民医院";
    static final String WARD = "妇产科";
    static final String HEAD_LOGIN = "hushizhang";

    /** name, gender, title, birth year, year started; the first is the 护士长. */
    private static final String[][] STAFF = {
            {"周丽华", "F", "NURSE_ASSOC_CHIEF", "1976", "1996"},
            {"陈建国", "M", "DOCTOR_CHIEF", "1970", "1994"},
            {"林晓燕", "F", "DOCTOR_ASSOC_CHIEF", "1979", "2003"},
            {"王志强", "M", "DOCTOR_ATTENDING", "1985", "2010"},
            {"赵雅琴", "F", "DOCTOR_ATTENDING", "1987", "2012"},
            {"孙悦", "F", "DOCTOR_RESIDENT", "1995", "2020"},
            {"李梅", "F", "NURSE_SUPERVISOR", "1983", "2003"},
            {"张静", "F", "NURSE_SUPERVISOR", "1986", "2007"},
            {"刘芳", "F", "NURSE_PRACTITIONER", "1991", "2013"},
            {"吴婷", "F", "NURSE_PRACTITIONER", "1993", "2015"},
            {"郑晓雪", "F", "NURSE", "1998", "2021"},
            {"何佳怡", "F", "NURSE", "2000", "2023"},
    };

    private static final String[] TRAINING_TOPICS = {"产后出血的早期识别与处理", "妊娠期高血压疾病的护理",
            "新生儿复苏流程（新版指南）", "母乳喂养指导与乳房护理", "产科危急值报告流程", "分娩镇痛的观察与护理"};

    private final OrgUnits units;
    private final People people;
    private final UserAccounts accounts;
    private final Terms terms;
    private final Plans plans;
    private final PlanItems planItems;
    private final DemoPlans demoPlans;
    private final QcChecks checks;
    private final Trainings trainings;
    private final Drills drills;

    DemoHospital(OrgUnits units, People people, UserAccounts accounts, Terms terms, Plans plans, PlanItems planItems,
                 DemoPlans demoPlans, QcChecks checks, Trainings trainings, Drills drills) {
        this.units = units;
        this.people = people;
        this.accounts = accounts;
        this.terms = terms;
        this.plans = plans;
        this.planItems = planItems;
        this.demoPlans = demoPlans;
        this.checks = checks;
        this.trainings = trainings;
        this.drills = drills;
    }

    /** Runs as the system user inside the demo set-up, after the county's terms exist. */
    void create(long regionId) {
        long hospital = units.create(new UnitData(UnitType.INSTITUTION, regionId, Sector.HEALTHCARE, "HOSPITAL", null,
                HOSPITAL, "县人民医院", null, null, null, 10));
        List<PersonData> data = new ArrayList<>();
        for (int i = 0; i < STAFF.length; i++) {
            String[] s = STAFF[i];
            data.add(new PersonData(hospital, s[0], s[1], String.valueOf(13_907_190_001L + i),
                    LocalDate.of(Integer.parseInt(s[3]), 1 + (i * 5) % 12, 3 + i * 2), LocalDate.of(Integer.parseInt(s[4]), 8, 1),
                    s[2], i % 3 == 0, null, List.of(), List.of(), List.of()));
        }
        people.createAll(hospital, data);
        Map<String, Long> byName = new HashMap<>();
        people.ofInstitution(hospital).forEach(p -> byName.put(p.name(), p.id()));
        List<Long> staff = java.util.Arrays.stream(STAFF).map(s -> byName.get(s[0])).toList();
        long head = staff.get(0);
        long ward = units.create(new UnitData(UnitType.DEPARTMENT, hospital, Sector.HEALTHCARE, "WARD", null, WARD, null,
                null, null, head, 0));
        units.setMembers(ward, staff);
        accounts.create(HEAD_LOGIN, DemoCounty.DEMO_PASSWORD, head, null,
                List.of(new RoleGrant(Role.DEPT_HEAD, hospital), new RoleGrant(Role.TEACHER, null)));

        LocalDate today = LocalDate.now();
        SchoolTerm term = recordTerm(today);
        if (term == null) {
            return;
        }
        LocalDate last = term.endDate().isBefore(today) ? term.endDate() : today;
        List<long[]> checkDays = checks(ward, staff, term, last);
        List<long[]> sessionDays = trainings(ward, staff, term, last);
        drills(ward, staff, term.startDate(), last);
        plan(ward, term, today, checkDays, sessionDays);
    }

    /** The term records are kept for: the latest one that has begun (the current term, or the last one in a break). */
    private SchoolTerm recordTerm(LocalDate today) {
        return terms.all().stream().filter(t -> !t.startDate().isAfter(today))
                .max(Comparator.comparing(SchoolTerm::startDate)).orElse(null);
    }

    /** 每周质控一到两项: most weeks one check, every other week two; every fifth week none. Returns [id, epochDay]. */
    private List<long[]> checks(long ward, List<Long> staff, SchoolTerm term, LocalDate last) {
        List<long[]> done = new ArrayList<>();
        List<Long> checkers = List.of(staff.get(0), staff.get(6), staff.get(7), staff.get(8)); // 护士长 and the QC nurses
        int n = 0;
        Integer lastWeek = term.weekOf(last);
        for (int w = 1; lastWeek != null && w <= lastWeek; w++) {
            if (w % 5 == 3) {
                continue; // a week without checks: the rules will flag it
            }
            LocalDate monday = term.weekStart(w);
            List<LocalDate> days = w % 2 == 0 ? List.of(monday.plusDays(1), monday.plusDays(3)) : List.of(monday.plusDays(2));
            for (LocalDate day : days) {
                LocalDate d = day.isBefore(term.startDate()) ? term.startDate() : day;
                if (d.isAfter(last)) {
                    continue;
                }
                String item = QcChecks.COMMON_ITEMS.get(n % QcChecks.COMMON_ITEMS.size());
                boolean fix = n % 4 == 3;
                boolean recent = !d.plusDays(7).isBefore(last);
                long id = checks.create(new QcCheckData(ward, d, item, checkers.get(n % checkers.size()),
                        fix ? QcResult.NEEDS_FIX : QcResult.PASSED,
                        fix ? "抽查病历/记录 10 份，发现 2 份" + item + "不规范，已当场指出。" : null,
                        fix && !recent ? "科室晨会通报，责任人已整改；护士长一周后复查合格。" : null));
                done.add(new long[] {id, d.toEpochDay()});
                n++;
            }
        }
        return done;
    }

    /** 业务学习每月一次，轮流授课: the third Thursday of each month begun, presenters in turn; the second month missed. */
    private List<long[]> trainings(long ward, List<Long> staff, SchoolTerm term, LocalDate last) {
        List<long[]> done = new ArrayList<>();
        YearMonth month = YearMonth.from(term.startDate());
        for (int i = 0; !month.atDay(1).isAfter(last); i++, month = month.plusMonths(1)) {
            if (i == 1) {
                continue; // the month the session did not take place
            }
            LocalDate day = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY));
            if (day.isAfter(last)) {
                day = last;
            }
            if (day.isBefore(term.startDate())) {
                day = term.startDate();
            }
            long presenter = staff.get(1 + done.size() % (staff.size() - 1)); // the doctors first, then the nurses
            List<Long> attendees = staff.stream().filter(p -> p != staff.get(staff.size() - 1 - done.size() % 3)).toList();
            long id = trainings.create(new TrainingData(ward, day, TRAINING_TOPICS[done.size() % TRAINING_TOPICS.length],
                    presenter, attendees, "科室会议室，课件已上传至科室共享。"));
            done.add(new long[] {id, day.toEpochDay()});
        }
        return done;
    }

    /**
     * Two drills (人人过关): 产后出血抢救 with three fails, then 新生儿窒息复苏 where one of them passes and two fail again,
     * so two staff have not yet passed a drill this term.
     */
    private void drills(long ward, List<Long> staff, LocalDate start, LocalDate last) {
        long span = Math.max(0, last.toEpochDay() - start.toEpochDay());
        LocalDate first = start.plusDays(span / 3);
        LocalDate second = start.plusDays(span * 2 / 3);
        List<Long> failedFirst = List.of(staff.get(5), staff.get(10), staff.get(11));
        List<DrillOutcome> one = staff.stream().map(p -> new DrillOutcome(p, !failedFirst.contains(p),
                failedFirst.contains(p) ? "宫缩剂使用时机及剂量不熟练" : null)).toList();
        drills.create(new DrillData(ward, first, "产后出血抢救", "模拟产后出血 1000ml，按流程呼救、建立静脉通路、按摩子宫、使用宫缩剂。",
                one));
        List<Long> failedSecond = List.of(staff.get(10), staff.get(11));
        List<DrillOutcome> two = staff.stream().map(p -> new DrillOutcome(p, !failedSecond.contains(p),
                failedSecond.contains(p) ? "正压通气频率不达标，两周内补考" : null)).toList();
        drills.create(new DrillData(ward, second, "新生儿窒息复苏", "按新生儿复苏流程考核初步复苏、正压通气与胸外按压配合。", two));
    }

    /** The department's plan from the hospital template, published; past items with records are linked to them. */
    private void plan(long ward, SchoolTerm term, LocalDate today, List<long[]> checkDays, List<long[]> sessionDays) {
        long plan = plans.create(new PlanData(ward, term.id(), term.label() + WARD + "护理工作计划", PlanTemplate.HOSPITAL_DEPARTMENT, 3));
        demoPlans.publish(plan);
        for (PlanItem it : planItems.items(plan)) {
            if (it.status(today) != ItemStatus.OVERDUE) {
                continue;
            }
            List<long[]> records = "质量控制".equals(it.category()) ? checkDays
                    : it.recordKind() == RecordKind.ACTIVITY ? sessionDays : List.of();
            String type = "质量控制".equals(it.category()) ? "quality_check" : "quality_training";
            records.stream().filter(r -> !LocalDate.ofEpochDay(r[1]).isBefore(it.periodStart())
                            && !LocalDate.ofEpochDay(r[1]).isAfter(it.periodEnd()))
                    .findFirst().ifPresent(r -> planItems.linkRecord(it.id(), type, r[0], it.content(), LocalDate.ofEpochDay(r[1])));
        }
    }
}
