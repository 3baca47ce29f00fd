package org.jiaoyan.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.Honour;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.PersonData;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.org.SchoolTerm;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a realistic county: a 教研室, schools of the usual kinds with departments, 教研组 per subject and 备课组 per
 * grade and subject, teachers with plausible ages, titles, subjects, honours. Seeded, so runs are repeatable.
 */
@Component
public class DistrictGenerator {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    /** Given names people really have (王雨桐, 李建国 — not two characters drawn at random), by gender. */
    private static final String[] GIVEN_F = ("芳 静 丽 敏 娟 艳 霞 燕 萍 婷 丹 琳 秀英 桂英 玉兰 秀兰 丽华 春梅 海燕 晓燕 雪梅 丽娟 "
            + "红梅 玉梅 晓丽 丽萍 美玲 慧敏 婷婷 静怡 欣怡 雨桐 思雨 梓涵 佳怡 诗涵 佳颖 晓雯 雅琴 文静 晓红 小燕 玉洁 "
            + "淑芬 凤霞 彩霞 秀珍 丽君 慧娟 婉婷 心怡 若曦 一诺 梦瑶 语桐 紫涵 晨曦 雪莹 嘉欣 欣然").split(" ");
    private static final String[] GIVEN_M = ("伟 强 磊 军 勇 杰 涛 明 超 刚 平 辉 鹏 波 斌 宇 建国 建华 志强 志明 国华 "
            + "国强 建军 海波 海涛 文博 俊杰 浩然 子轩 宇航 子豪 晨阳 博文 明轩 天宇 振华 立新 卫东 永刚 红军 德明 "
            + "文军 建平 晓东 志刚 文涛 浩宇 俊熙 一鸣 嘉豪 思远 子墨 承泽 皓轩").split(" ");
    private static final String[] PRIMARY_SUBJECTS = {"CHINESE", "CHINESE", "CHINESE", "MATH", "MATH", "MATH", "ENGLISH",
            "ENGLISH", "SCIENCE", "MORALITY", "MUSIC", "ART", "PE", "IT", "PRACTICE", "PSYCH"};
    private static final String[] MIDDLE_SUBJECTS = {"CHINESE", "CHINESE", "MATH", "MATH", "ENGLISH", "ENGLISH", "PHYSICS",
            "CHEMISTRY", "BIOLOGY", "HISTORY", "GEOGRAPHY", "MORALITY", "MUSIC", "ART", "PE", "IT"};
    private static final Map<String, String> SUBJECT_NAMES = Map.ofEntries(Map.entry("CHINESE", "语文"),
            Map.entry("MATH", "数学"), Map.entry("ENGLISH", "英语"), Map.entry("SCIENCE", "科学"),
            Map.entry("MORALITY", "道德与法治"), Map.entry("MUSIC", "音乐"), Map.entry("ART", "美术"), Map.entry("PE", "体育"),
            Map.entry("IT", "信息技术"), Map.entry("PRACTICE", "综合实践"), Map.entry("PSYCH", "心理健康"),
            Map.entry("PHYSICS", "物理"), Map.entry("CHEMISTRY", "化学"), Map.entry("BIOLOGY", "生物"),
            Map.entry("HISTORY", "历史"), Map.entry("GEOGRAPHY", "地理"));
    private static final String[] GRADE_NAMES = {"", "一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级"};
    private static final String[] TOWNS = {"城关", "青山", "柳河", "白石", "新桥", "双龙", "东坝", "西岭", "南塘", "北湖", "黄花",
            "石门", "清水", "金沙", "马坪", "龙泉", "桃源", "凤鸣", "杨林", "花园"};

    private final OrgUnits units;
    private final People people;
    private final Terms terms;

    DistrictGenerator(OrgUnits units, People people, Terms terms) {
        this.units = units;
        this.people = people;
        this.terms = terms;
    }

    /** What was created, for the demo accounts. */
    public record District(long regionId, long officeId, List<School> schools) {
    }

    /** A generated school with the ids the demo accounts need. */
    public record School(long id, String name, List<Long> teacherIds, Map<String, Long> teachingGroups) {
    }

    @Transactional
    public District generate(String county, int schoolCount, int teacherCount, long seed) {
        Random random = new Random(seed);
        long region = units.create(new UnitData(UnitType.REGION, null, Sector.EDUCATION, null, null, county, null,
                null, null, null, 0));
        long office = units.create(new UnitData(UnitType.INSTITUTION, region, Sector.EDUCATION, null, null,
                county + "教师发展中心（教研室）", county + "教研室", null, null, null, 0));
        people.createAll(office, teachers(office, 6, random, PRIMARY_SUBJECTS, 9, 0));
        List<School> schools = new ArrayList<>();
        int perSchool = Math.max(1, teacherCount / schoolCount);
        for (int s = 0; s < schoolCount; s++) {
            String kind;
            String name;
            if (s == 0) {
                kind = "EXPERIMENTAL_PRIMARY";
                name = county + "实验小学";
            } else if (s == 1 || s % 3 == 1) {
                kind = "TOWNSHIP_PRIMARY";
                name = county + TOWNS[s % TOWNS.length] + "镇中心小学" + (s >= TOWNS.length ? "（" + (s / TOWNS.length + 1) + "）" : "");
            } else {
                kind = "JUNIOR_MIDDLE";
                name = county + TOWNS[s % TOWNS.length] + "初级中学" + (s >= TOWNS.length ? "（" + (s / TOWNS.length + 1) + "）" : "");
            }
            schools.add(school(region, kind, name, s + 1, perSchool, random));
        }
        createTerms();
        return new District(region, office, schools);
    }

    private School school(long region, String kind, String name, int order, int teacherCount, Random random) {
        boolean middle = kind.equals("JUNIOR_MIDDLE");
        long id = units.create(new UnitData(UnitType.INSTITUTION, region, Sector.EDUCATION, kind, null, name,
                name.replaceFirst("^.*?县", ""), null, null, null, order));
        String[] departments = middle
                ? new String[] {"RESEARCH:教科室", "ACADEMIC:教务处", "UNION:工会", "YOUTH_LEAGUE:团委", "MORAL:德育处", "OFFICE:办公室"}
                : new String[] {"RESEARCH:教科室", "ACADEMIC:教导处", "PIONEERS:大队部", "UNION:工会", "OFFICE:办公室"};
        for (int i = 0; i < departments.length; i++) {
            String[] kv = departments[i].split(":");
            units.create(new UnitData(UnitType.DEPARTMENT, id, Sector.EDUCATION, kv[0], null, kv[1], null, null, null, null, i));
        }
        int lowGrade = middle ? 7 : 1;
        int highGrade = middle ? 9 : 6;
        List<PersonData> data = teachers(id, teacherCount, random, middle ? MIDDLE_SUBJECTS : PRIMARY_SUBJECTS, highGrade, lowGrade);
        people.createAll(id, data);
        List<Long> ids = people.ofInstitution(id).stream().map(p -> p.id()).toList();
        Map<String, Long> byMobile = new HashMap<>();
        people.ofInstitution(id).forEach(p -> byMobile.put(p.mobile(), p.id()));
        // 教研组 per subject present; 备课组 per grade for the main subjects
        Map<String, List<Long>> bySubject = new LinkedHashMap<>();
        Map<String, List<Long>> byGradeSubject = new LinkedHashMap<>();
        for (PersonData d : data) {
            Long pid = byMobile.get(d.mobile());
            String subject = d.subjects().get(0);
            bySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(pid);
            if (List.of("CHINESE", "MATH", "ENGLISH").contains(subject)) {
                for (String g : d.grades()) {
                    byGradeSubject.computeIfAbsent(g + ":" + subject, k -> new ArrayList<>()).add(pid);
                }
            }
        }
        Map<String, Long> groups = new LinkedHashMap<>();
        int sort = 0;
        for (var e : bySubject.entrySet()) {
            long group = units.create(new UnitData(UnitType.GROUP, id, Sector.EDUCATION, null, GroupKind.TEACHING_RESEARCH,
                    SUBJECT_NAMES.get(e.getKey()) + "教研组", null, e.getKey(), null, e.getValue().get(0), sort++));
            units.setMembers(group, e.getValue());
            groups.put(e.getKey(), group);
        }
        for (var e : byGradeSubject.entrySet()) {
            String[] gs = e.getKey().split(":");
            int grade = Integer.parseInt(gs[0].substring(1));
            long group = units.create(new UnitData(UnitType.GROUP, id, Sector.EDUCATION, null, GroupKind.LESSON_PREP,
                    GRADE_NAMES[grade] + SUBJECT_NAMES.get(gs[1]) + "备课组", null, gs[1], gs[0], e.getValue().get(0), sort++));
            units.setMembers(group, e.getValue());
        }
        return new School(id, name, ids, groups);
    }

    private static long mobileCounter = 13_800_000_000L;

    private List<PersonData> teachers(long institution, int count, Random random, String[] subjects, int highGrade, int lowGrade) {
        List<PersonData> list = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < count; i++) {
            int age = 23 + random.nextInt(36);
            LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
            LocalDate start = birth.plusYears(21 + random.nextInt(4)).withMonth(8).withDayOfMonth(20 + random.nextInt(11));
            if (start.isAfter(today)) {
                start = today.minusMonths(3).withDayOfMonth(1);
            }
            int service = today.getYear() - start.getYear();
            String title = service < 3 ? (random.nextInt(3) == 0 ? null : "T3") : service < 8 ? "T2"
                    : service < 18 ? "T1" : random.nextInt(10) < 4 ? "SENIOR" : random.nextInt(40) == 0 ? "PROFESSOR" : "T1";
            String subject = subjects[random.nextInt(subjects.length)];
            List<String> subjectList = new ArrayList<>(List.of(subject));
            if (random.nextInt(8) == 0) {
                String second = subjects[random.nextInt(subjects.length)];
                if (!second.equals(subject)) {
                    subjectList.add(second);
                }
            }
            List<String> grades = new ArrayList<>();
            if (lowGrade > 0) {
                int g = lowGrade + random.nextInt(highGrade - lowGrade + 1);
                grades.add("G" + g);
                if (!List.of("CHINESE", "MATH").contains(subject) && g < highGrade) {
                    grades.add("G" + (g + 1));
                }
            }
            List<Honour> honours = new ArrayList<>();
            if (service > 8 && random.nextInt(4) == 0) {
                honours.add(new Honour(random.nextBoolean() ? "BACKBONE" : "MASTER",
                        random.nextBoolean() ? "COUNTY" : "CITY", today.getYear() - random.nextInt(6)));
            }
            if (service > 15 && random.nextInt(6) == 0) {
                honours.add(new Honour("LEADER", "COUNTY", today.getYear() - random.nextInt(8)));
            }
            boolean female = random.nextInt(10) < 7;
            String[] given = female ? GIVEN_F : GIVEN_M;
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given[random.nextInt(given.length)];
            list.add(new PersonData(institution, name, female ? "F" : "M", String.valueOf(mobileCounter++),
                    birth, start, title, random.nextInt(4) == 0, null, subjectList, grades, honours));
        }
        return list;
    }

    private void createTerms() {
        if (!terms.all().isEmpty()) {
            return;
        }
        int year = LocalDate.now().getMonthValue() >= 8 ? LocalDate.now().getYear() : LocalDate.now().getYear() - 1;
        terms.create(year - 1, 2, LocalDate.of(year, 2, 24), LocalDate.of(year, 7, 10),
                List.of(new SchoolTerm.Holiday("劳动节", LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 5))));
        terms.create(year, 1, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 22),
                List.of(new SchoolTerm.Holiday("国庆节", LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 7)),
                        new SchoolTerm.Holiday("元旦", LocalDate.of(year + 1, 1, 1), LocalDate.of(year + 1, 1, 1))));
        terms.create(year, 2, LocalDate.of(year + 1, 2, 22), LocalDate.of(year + 1, 7, 9), List.of());
    }
}
