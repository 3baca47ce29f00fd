package org.jiaoyan.plan;

import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.security.Access;
import org.springframework.stereotype.Component;

/**
 * The ready plans: sections with the usual headings and a schedule in the term's months. Months are given as the
 * term's first, second … month, so the same template fits a first term (九月 …) and a second term (二月/三月 …).
 */
@Component
public class PlanTemplates {

    private final People people;
    private final OrgUnits units;

    PlanTemplates(People people, OrgUnits units) {
        this.people = people;
        this.units = units;
    }

    /** The sections and items of a template for the office in the term. */
    public Content content(PlanTemplate template, SchoolTerm term, long institutionId, long unitId) {
        return switch (template) {
            case SCHOOL_RESEARCH_OFFICE -> school(term);
            case COUNTY_RESEARCH_OFFICE -> county(term);
            case HOSPITAL_DEPARTMENT -> hospital(term, staff(institutionId, unitId));
        };
    }

    /** A section's title and sanitised HTML. */
    public record SectionText(String title, String html) {
    }

    public record Content(List<SectionText> sections, List<ItemData> items) {
    }

    private Content school(SchoolTerm term) {
        List<SectionText> sections = List.of(
                new SectionText("一、指导思想", "<p>以上级教研部门工作要点为指导，立足课堂，聚焦课题研究，推进校本教研，促进教师专业成长。</p>"),
                new SectionText("二、工作目标", "<ol><li>完善教科研制度，落实教研组每周一次研讨活动、备课组每周一次集体备课。</li>"
                        + "<li>规范课题过程管理，各课题组每月第一周上报过程性资料。</li>"
                        + "<li>培养青年教师：40周岁以下教师每月撰写教育博客不少于3篇；师徒每周互听一节课。</li></ol>"),
                new SectionText("三、主要工作与措施", "<h3>（一）加强理论学习</h3><p>每月组织一次理论学习，教师做好学习笔记。</p>"
                        + "<h3>（二）抓实课题研究</h3><p>各课题组制定研究计划，细化到周；每位成员承担研究任务，杜绝只挂名不研究。</p>"
                        + "<h3>（三）深化校本教研</h3><p>推进“集体备课、个性使用、资源共享、课后反思”的备课研讨模式。</p>"),
                new SectionText("四、具体工作安排", "<p>见行事历。</p>"));
        Months m = new Months(term);
        List<ItemData> items = new ArrayList<>();
        items.add(item("常规教研", "教研组教学研讨活动", "每周", "各教研组长", RecordKind.ACTIVITY));
        items.add(item("常规教研", "备课组集体备课研讨活动", "每周", "各备课组长", RecordKind.ACTIVITY));
        items.add(item("常规管理", "教研组长会议，通报月查情况", "每月", "教科室", RecordKind.NONE));
        items.add(item("课题研究", "各课题组上报过程性资料（每月第一周）", "每月", "各课题组长", RecordKind.PROJECT_MATERIAL));
        items.add(item("计划与制度", "制定学校教科室工作计划", m.at(0), "教科室", RecordKind.NONE));
        items.add(item("计划与制度", "各教研组、课题组制定学期计划", m.at(0), "各教研组长", RecordKind.UPLOAD));
        items.add(item("队伍建设", "青蓝工程师徒结对", m.at(0), "教科室", RecordKind.NONE));
        items.add(item("队伍建设", "青年教师汇报课", m.at(1), "教科室", RecordKind.ACTIVITY));
        items.add(item("课题研究", "课题中期检查", m.label(1) + "—" + m.at(2), "教科室", RecordKind.NONE));
        items.add(item("论文与成果", "校级论文评选", m.at(2), "教科室", RecordKind.NONE));
        items.add(item("校本教研", "集体备课专题研讨", m.at(2), "各备课组长", RecordKind.ACTIVITY));
        items.add(item("论文与成果", "教研论文、课题汇总，申报上级评选；教科研成果统计", m.at(3), "教科室", RecordKind.UPLOAD));
        items.add(item("总结考核", "学期教科研工作总结；教师个人专业发展考核", m.last(), "教科室", RecordKind.UPLOAD));
        items.add(item("课题研究", "课题档案整理归档", m.last(), "各课题组长", RecordKind.PROJECT_MATERIAL));
        return new Content(sections, items);
    }

    private Content county(SchoolTerm term) {
        List<SectionText> sections = List.of(
                new SectionText("一、指导思想", "<p>以提高教育教学质量为中心，以课堂教学改革为重点，加强教学研究、指导和服务。</p>"),
                new SectionText("二、工作目标", "<ol><li>完成期中抽测与期末质量监测，形成质量分析报告。</li>"
                        + "<li>开展送教下乡、联片教研，覆盖全县各校。</li><li>组织县级教学竞赛，参赛人数不低于教师总数的10%。</li></ol>"),
                new SectionText("三、主要工作与措施", "<h3>（一）教材培训与教学研讨</h3><p>分学科开展新教材培训和专题研讨。</p>"
                        + "<h3>（二）质量监控</h3><p>期中抽测（动笔、动手、动口），期末统一监测，分析到校到学科。</p>"
                        + "<h3>（三）队伍建设</h3><p>每个乡镇和实验小学每个学科确定3名青年教师作为培养对象。</p>"),
                new SectionText("四、月份安排", "<p>见行事历。</p>"));
        Months m = new Months(term);
        List<ItemData> items = new ArrayList<>();
        items.add(item("教材培训与教学研讨", "分学科新教材培训", m.at(0), "全体", RecordKind.ACTIVITY));
        items.add(item("教学管理", "下乡听课，调研课堂教学", m.label(0) + "—" + m.at(m.count() - 2), "全体", RecordKind.OBSERVATION));
        items.add(item("教材培训与教学研讨", "联片教研活动", "每月", "全体", RecordKind.ACTIVITY));
        items.add(item("队伍建设", "确定各校青年教师培养对象", m.at(0), "全体", RecordKind.UPLOAD));
        items.add(item("教材培训与教学研讨", "送教下乡", m.label(1) + "、" + m.label(3) + "月", "全体", RecordKind.ACTIVITY));
        items.add(item("质量监控", "期中抽测（动笔、动手、动口）", m.at(2), "全体", RecordKind.UPLOAD));
        items.add(item("队伍建设", "县级青年教师优质课评比", m.at(2), "全体", RecordKind.ACTIVITY));
        items.add(item("质量监控", "期末质量监测与质量分析报告", m.last(), "全体", RecordKind.UPLOAD));
        items.add(item("教学管理", "学期工作总结", m.last(), "全体", RecordKind.NONE));
        return new Content(sections, items);
    }

    /**
     * A ward's plan: 1–2 quality-control checks a week by the QC group in turn, monthly training given by staff in
     * rotation (assigned here across the staff), and a drill every staff member must pass (人人过关).
     */
    private Content hospital(SchoolTerm term, List<String> staff) {
        List<SectionText> sections = List.of(
                new SectionText("一、工作目标", "<p>全面落实护理质量持续改进，每项工作指定一名负责人，确保医疗护理安全。</p>"),
                new SectionText("二、主要措施", "<ol><li>每周质控一至两项，质控小组成员轮流检查，结果当周反馈。</li>"
                        + "<li>科室业务学习每月一次，由科室人员轮流备课讲授。</li>"
                        + "<li>急救技能演练人人过关，未通过者两周内补考。</li></ol>"));
        String[] checks = {"交接班制度", "病历书写", "危重患者护理", "用药安全", "压疮防护", "院感防控", "急救药品与设备",
                "查对制度", "跌倒防范", "健康教育"};
        List<ItemData> items = new ArrayList<>();
        int weeks = term.weekCount();
        for (int w = 1; w <= weeks; w++) {
            String owner = staff.isEmpty() ? "护士长" : staff.get((w - 1) % staff.size());
            items.add(item("质量控制", checks[(w - 1) % checks.length] + "质控检查", "第" + w + "周", owner, RecordKind.UPLOAD));
            if (w % 2 == 0) {
                items.add(item("质量控制", checks[(w + 4) % checks.length] + "质控检查", "第" + w + "周", owner, RecordKind.UPLOAD));
            }
        }
        Months m = new Months(term);
        String[] topics = {"急危重症护理常规", "心肺复苏与除颤", "静脉治疗规范", "护理文书书写", "院感防控", "安全用药"};
        for (int i = 0; i < m.count(); i++) {
            String speaker = staff.isEmpty() ? "护士长" : staff.get(i % staff.size());
            items.add(new ItemData("业务学习", "业务学习：" + topics[i % topics.length] + "（轮流授课）", m.at(i), null,
                    speaker, "全体", RecordKind.ACTIVITY));
        }
        items.add(new ItemData("技能考核", "心肺复苏急救技能演练，人人过关", m.at(Math.min(1, m.count() - 1)), null,
                "护士长", "全体", RecordKind.PASS_EACH));
        return new Content(sections, items);
    }

    private static ItemData item(String category, String content, String time, String owner, RecordKind kind) {
        return new ItemData(category, content, time, null, owner, null, kind);
    }

    /** Names of the office's staff for rotations: the department's members, else the institution's people. */
    private List<String> staff(long institutionId, long unitId) {
        return Access.asSystem(() -> {
            List<Long> members = unitId == institutionId ? List.of() : units.memberIds(unitId);
            List<Person> all = people.ofInstitution(institutionId);
            List<String> names = all.stream().filter(p -> members.isEmpty() || members.contains(p.id()))
                    .map(Person::name).distinct().toList();
            // a name shared by two people cannot be an unambiguous owner
            return names.stream().filter(n -> all.stream().filter(p -> p.name().equals(n)).count() == 1).limit(12).toList();
        });
    }

    /** The term's months in order (9, 10, 11, 12, 1), to write items as "the term's n-th month". */
    private static final class Months {
        private final List<Integer> months = new ArrayList<>();

        Months(SchoolTerm term) {
            var m = java.time.YearMonth.from(term.startDate());
            var last = java.time.YearMonth.from(term.endDate());
            while (!m.isAfter(last)) {
                months.add(m.getMonthValue());
                m = m.plusMonths(1);
            }
        }

        int count() {
            return months.size();
        }

        String label(int index) {
            return String.valueOf(months.get(Math.max(0, Math.min(index, months.size() - 1))));
        }

        String at(int index) {
            return label(index) + "月";
        }

        String last() {
            return at(months.size() - 1);
        }
    }
}
