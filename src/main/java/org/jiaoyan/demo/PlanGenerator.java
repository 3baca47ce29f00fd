package org.jiaoyan.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.plan.ItemData;
import org.jiaoyan.plan.ItemStatus;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.PlanSection;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.plan.ScheduleTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A large published 教科室 plan of the bench school for the current term, for benchmarks of the schedule, the calendar
 * feed and the Word export: items written the way offices write them (mostly months and month ranges, some teaching
 * weeks and dates, about one in ten 每周/每月), owners mixing the school's teachers, 教科室, 各教研组长, a 教研组 and
 * 全体; 30 % of the past items done and 2 % of the others cancelled. Seeded, so runs are repeatable.
 */
@Component
class PlanGenerator {

    /** What was created, for the generator's output. */
    record GeneratedPlan(long id, int items, int done, int cancelled, SchoolTerm term) {
    }

    private record Work(String category, String content, RecordKind recordKind) {
    }

    /** When in the term a kind of work happens: start (开学), middle (期中), end (期末) or any time. */
    private enum Phase {
        START(0.0, 0.15), MIDDLE(0.4, 0.6), END(0.85, 1.0), ANY(0.0, 1.0);

        final double from;
        final double to;

        Phase(double from, double to) {
            this.from = from;
            this.to = to;
        }
    }

    /** How an item's time is written; the share of items of each kind is fixed, the order shuffled. */
    private enum Written {
        WEEKLY, MONTHLY, WEEKS, DATES, MONTH_RANGE, MONTH
    }

    /** 项目 → 工作内容|phase (S, M, E; none: any time); {g} is a 教研组, {t} a topic. */
    private static final Map<String, String[]> WORK = Map.of(
            "常规管理", new String[] {"检查教师学期教学计划和教研组工作计划|S", "听课记录、业务学习笔记检查",
                    "期中教学常规检查与通报|M", "期末教学常规检查及资料归档|E", "推门听课，反馈课堂教学情况",
                    "教研组工作总结与考核|E"},
            "教研活动", new String[] {"{g}集体备课", "{g}“同课异构”研讨课", "{g}主题教研：{t}", "校级公开课展示周",
                    "青年教师汇报课", "骨干教师示范课", "跨学科主题学习研讨", "{g}说课评课活动"},
            "课题研究", new String[] {"县级课题开题论证会|S", "课题中期检查与阶段小结|M", "课题组成员理论学习：{t}",
                    "课题研究课展示", "校级小课题申报与立项|S", "课题研究资料整理与学期小结|E"},
            "教师培训", new String[] {"新教师岗前培训|S", "“青蓝工程”师徒结对|S", "信息技术应用能力提升培训",
                    "班主任工作经验交流会", "新课标专题学习：{t}", "教师读书分享会", "师德师风专题学习"},
            "质量监测", new String[] {"一年级新生入学适应性评价|S", "期中教学质量检测与分析|M", "期末学业质量监测|E",
                    "{g}期中质量分析会|M", "学生作业设计评比"},
            "竞赛评比", new String[] {"青年教师课堂教学大赛", "教师“三笔字”基本功比赛", "优秀教案评选", "教育教学论文评选",
                    "学生作文、计算能力竞赛"});
    private static final String[] CATEGORIES = {"常规管理", "常规管理", "教研活动", "教研活动", "教研活动", "课题研究",
            "教师培训", "教师培训", "质量监测", "竞赛评比"};
    /** Routine work (每周, 每月) with its 项目. */
    private static final String[][] WEEKLY_WORK = {{"教研活动", "{g}集体备课"}, {"常规管理", "推门听课，反馈课堂教学情况"},
            {"教研活动", "{g}教研活动（每周三下午）"}, {"教师培训", "青年教师跟岗听课"}, {"教师培训", "教师业务学习"}};
    private static final String[][] MONTHLY_WORK = {{"常规管理", "教案、作业常规检查（月查）"}, {"常规管理", "教研组活动记录检查"},
            {"教研活动", "{g}主题教研：{t}"}, {"教师培训", "教师读书分享会"}, {"常规管理", "教科室工作例会"}};
    private static final String[] TOPICS = {"大单元教学设计", "作业设计与减负提质", "课堂提问的有效性", "整本书阅读",
            "核心素养导向的课堂评价", "信息技术与学科融合", "分层作业", "学习任务群"};

    private final Plans plans;
    private final PlanItems items;
    private final Terms terms;
    private final OrgUnits units;
    private final People people;

    PlanGenerator(Plans plans, PlanItems items, Terms terms, OrgUnits units, People people) {
        this.plans = plans;
        this.items = items;
        this.terms = terms;
        this.units = units;
        this.people = people;
    }

    /** Runs as the system user; null when there is no term. One transaction. */
    @Transactional
    public @Nullable GeneratedPlan generate(long schoolId, int count, long seed) {
        SchoolTerm term = terms.current().orElse(null);
        if (term == null || count < 1) {
            return null;
        }
        Random random = new Random(seed);
        List<OrgUnit> schoolUnits = units.unitsOf(schoolId, null, false);
        long office = schoolUnits.stream().filter(u -> u.type() == UnitType.DEPARTMENT && u.name().equals("教科室"))
                .map(OrgUnit::id).findFirst().orElse(schoolId);
        List<String> groups = schoolUnits.stream().filter(u -> u.type() == UnitType.GROUP && u.name().endsWith("教研组"))
                .map(OrgUnit::name).toList();
        List<String> teachers = uniqueNames(people.ofInstitution(schoolId));

        long id = plans.create(new PlanData(office, term.id(), term.label() + "教科室工作计划（基准）", null, 3));
        sections(id);
        items.createAll(id, schoolId, term, rows(term, count, groups, teachers, random));
        plans.submit(id, plans.get(id).version());
        plans.approve(id, plans.get(id).version(), null);
        plans.publish(id, plans.get(id).version());

        // 30 % of the past items done, 2 % of the others cancelled: the schedule shows every status
        LocalDate today = LocalDate.now();
        List<PlanItem> created = items.items(id);
        List<PlanItem> past = new ArrayList<>(created.stream().filter(it -> it.status(today) == ItemStatus.OVERDUE).toList());
        List<PlanItem> others = new ArrayList<>(created.stream()
                .filter(it -> it.status(today) != ItemStatus.OVERDUE && !it.time().kind().repeating()).toList());
        Collections.shuffle(past, random);
        Collections.shuffle(others, random);
        int done = (int) Math.round(past.size() * 0.3);
        int cancelled = Math.min(others.size(), (int) Math.round(count * 0.02));
        for (PlanItem it : past.subList(0, done)) {
            DemoPlans.finish(items, it, "已按计划完成，资料已归档。");
        }
        for (PlanItem it : others.subList(0, cancelled)) {
            items.cancel(it.id(), it.version(), "与县教研室活动时间冲突，取消。");
        }
        return new GeneratedPlan(id, created.size(), done, cancelled, term);
    }

    /** Three sections of text, so that the Word export has a document around the schedule. */
    private void sections(long planId) {
        String[][] texts = {
                {"指导思想", "<p>以新课程标准为引领，立足课堂，聚焦核心素养，以教研组建设为抓手，以课题研究为载体，"
                        + "扎实推进“双减”背景下的教学改革，促进教师专业成长，全面提高教育教学质量。</p>"},
                {"工作目标", "<ol><li>规范教学常规管理，落实月查制度。</li><li>每个教研组每学期开展不少于8次主题教研活动。</li>"
                        + "<li>推进县级课题研究，做好中期检查。</li><li>青年教师人人上汇报课，骨干教师人人上示范课。</li></ol>"},
                {"主要工作与措施", "<p>一、加强教学常规管理。二、深化校本教研。三、推进课题研究。四、抓实教师培训。"
                        + "五、做好质量监测与分析。具体安排见行事历。</p>"}};
        for (String[] t : texts) {
            plans.addSection(planId, t[0]);
        }
        for (PlanSection s : plans.sections(planId)) {
            for (String[] t : texts) {
                if (t[0].equals(s.title())) {
                    plans.saveSection(planId, s.id(), s.version(), t[0], t[1], null);
                }
            }
        }
    }

    private List<ItemData> rows(SchoolTerm term, int count, List<String> groups, List<String> teachers, Random random) {
        List<ItemData> rows = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        for (Written written : shares(count, random)) {
            Work work = work(written, groups, random);
            String timeText = switch (written) {
                case WEEKLY -> "每周";
                case MONTHLY -> "每月";
                default -> timeText(written, phase(work.content()), term, random);
            };
            ScheduleTime time = ScheduleTime.parse(timeText, term);
            String content = work.content().replaceFirst("\\|[SME]$", "");
            String participants = work.category().equals("教研活动") && random.nextBoolean() ? "全体教师" : null;
            rows.add(new ItemData(work.category(), content, timeText, time, owner(groups, teachers, random), participants,
                    work.recordKind()));
            starts.add(time.kind().repeating() ? LocalDate.MIN : time.resolve(term).start());
        }
        // as offices write them: 每周/每月 first, then in time order
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(starts::get));
        return order.stream().map(rows::get).toList();
    }

    /** 5 % 每周, 5 % 每月, 15 % teaching weeks, 5 % dates, 25 % month ranges, the rest single months; shuffled. */
    private static List<Written> shares(int count, Random random) {
        List<Written> out = new ArrayList<>();
        int[] percent = {5, 5, 15, 5, 25};
        for (int k = 0; k < percent.length; k++) {
            for (int i = 0; i < Math.round(count * percent[k] / 100.0); i++) {
                out.add(Written.values()[k]);
            }
        }
        while (out.size() < count) {
            out.add(Written.MONTH);
        }
        Collections.shuffle(out, random);
        return out.subList(0, count);
    }

    private static Phase phase(String content) {
        return content.endsWith("|S") ? Phase.START : content.endsWith("|M") ? Phase.MIDDLE
                : content.endsWith("|E") ? Phase.END : Phase.ANY;
    }

    /** A day in the phase of the term, written as a month (9月), a month range (9—10月), weeks (第3周) or dates (9.10). */
    private static String timeText(Written written, Phase phase, SchoolTerm term, Random random) {
        long days = term.endDate().toEpochDay() - term.startDate().toEpochDay();
        LocalDate day = term.startDate().plusDays(Math.round(days * (phase.from + (phase.to - phase.from) * random.nextDouble())));
        YearMonth first = YearMonth.from(term.startDate());
        YearMonth last = YearMonth.from(term.endDate());
        YearMonth month = YearMonth.from(day);
        return switch (written) {
            case WEEKS -> {
                int w = Math.max(1, Math.min(term.weekCount(), (int) (ChronoUnit.DAYS.between(term.weekStart(1), day) / 7) + 1));
                yield w < term.weekCount() && random.nextInt(3) == 0 ? "第" + w + "—" + (w + 1) + "周" : "第" + w + "周";
            }
            case DATES -> {
                LocalDate from = day.plusDays(5).isAfter(term.endDate()) ? term.endDate().minusDays(5) : day;
                LocalDate to = from.plusDays(4);
                yield random.nextBoolean() ? from.getMonthValue() + "." + from.getDayOfMonth()
                        : from.getMonthValue() + "." + from.getDayOfMonth() + "—" + to.getMonthValue() + "." + to.getDayOfMonth();
            }
            case MONTH_RANGE -> {
                if (first.equals(last)) {
                    yield month.getMonthValue() + "月";
                }
                YearMonth from = month.equals(last) ? month.minusMonths(1) : month;
                // work tied to the start, middle or end of the term spans two months, other work two or three
                YearMonth to = from.plusMonths(phase == Phase.ANY ? 1 + random.nextInt(2) : 1);
                to = to.isAfter(last) ? last : to;
                yield from.getMonthValue() + "—" + to.getMonthValue() + "月";
            }
            default -> month.getMonthValue() + "月";
        };
    }

    private static Work work(Written written, List<String> groups, Random random) {
        String category;
        String content;
        if (written == Written.WEEKLY || written == Written.MONTHLY) {
            String[][] routine = written == Written.WEEKLY ? WEEKLY_WORK : MONTHLY_WORK;
            String[] w = routine[random.nextInt(routine.length)];
            category = w[0];
            content = w[1];
        } else {
            category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String[] list = WORK.get(category);
            content = list[random.nextInt(list.length)];
        }
        content = content.replace("{g}", groups.isEmpty() ? "各教研组" : groups.get(random.nextInt(groups.size())))
                .replace("{t}", TOPICS[random.nextInt(TOPICS.length)]);
        RecordKind kind = switch (category) {
            case "教研活动" -> random.nextInt(3) == 0 ? RecordKind.ACTIVITY : RecordKind.NONE;
            case "课题研究" -> random.nextInt(3) == 0 ? RecordKind.PROJECT_MATERIAL : RecordKind.NONE;
            case "常规管理" -> content.contains("听课") ? RecordKind.OBSERVATION : RecordKind.NONE;
            default -> RecordKind.NONE;
        };
        return new Work(category, content, kind);
    }

    /** Owners as written: a teacher, two teachers, 教科室, 各教研组长, a 教研组, 全体, or a mix. */
    private static String owner(List<String> groups, List<String> teachers, Random random) {
        int r = random.nextInt(100);
        if (teachers.size() >= 2 && r < 25) {
            return teachers.get(random.nextInt(teachers.size()));
        }
        if (teachers.size() >= 2 && r < 35) {
            int a = random.nextInt(teachers.size());
            int b = (a + 1 + random.nextInt(teachers.size() - 1)) % teachers.size();
            return teachers.get(a) + "、" + teachers.get(b);
        }
        if (r < 55) {
            return "教科室";
        }
        if (r < 70) {
            return "各教研组长";
        }
        if (!groups.isEmpty() && r < 80) {
            return groups.get(random.nextInt(groups.size()));
        }
        if (r < 90) {
            return "全体";
        }
        return "教科室、各教研组长";
    }

    /** Names that stand for one person in the school, so that the owner text resolves to that person. */
    private static List<String> uniqueNames(List<Person> persons) {
        Map<String, Integer> counts = new HashMap<>();
        persons.forEach(p -> counts.merge(p.name(), 1, Integer::sum));
        return persons.stream().map(Person::name).filter(n -> counts.get(n) == 1).limit(40).toList();
    }
}
