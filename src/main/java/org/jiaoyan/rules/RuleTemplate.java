package org.jiaoyan.rules;

import java.util.List;
import org.jiaoyan.org.Sector;

/**
 * A rule the offices wrote (DOMAIN.md §2), ready to switch on and adjust: its name, which sector it serves, and the
 * spec. A template whose metric no module publishes yet is shown with the module it needs and cannot be switched on.
 */
public record RuleTemplate(String code, Sector sector, String name, RuleSpec spec, String needsModuleKey) {

    public static final List<RuleTemplate> ALL = List.of(
            new RuleTemplate("TR_GROUP_WEEKLY", Sector.EDUCATION, "教研组每周教研活动",
                    spec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", PeriodKind.TEACHING_WEEK, 1),
                    "module.activity"),
            new RuleTemplate("PREP_GROUP_WEEKLY", Sector.EDUCATION, "备课组每周集体备课",
                    spec("activity.collective-prep", SubjectFilter.GROUPS, "LESSON_PREP", PeriodKind.TEACHING_WEEK, 1),
                    "module.activity"),
            new RuleTemplate("TEACHER_OBSERVE_MONTHLY", Sector.EDUCATION, "教师每月听课",
                    spec("observation.by-observer", SubjectFilter.ALL_TEACHERS, null, PeriodKind.MONTH, 2),
                    "module.observation"),
            new RuleTemplate("MENTOR_MUTUAL_WEEKLY", Sector.EDUCATION, "师徒每周互听一节课",
                    spec("mentoring.mutual-weeks", SubjectFilter.PAIRS, null, PeriodKind.TEACHING_WEEK, 1),
                    "module.mentoring"),
            new RuleTemplate("YOUNG_BLOGS_MONTHLY", Sector.EDUCATION, "40周岁以下教师每月教研博客",
                    spec("achievement.blog-posts", SubjectFilter.UNDER_AGE, "40", PeriodKind.MONTH, 3),
                    "module.achievement"),
            new RuleTemplate("PROJECT_MATERIAL_FIRST_WEEK", Sector.EDUCATION, "课题组每月第一周上报过程资料",
                    spec("research.monthly-material", SubjectFilter.GROUPS, "PROJECT", PeriodKind.FIRST_TEACHING_WEEK_OF_MONTH, 1),
                    "module.research"),
            new RuleTemplate("PROJECT_PAPER_TERM", Sector.EDUCATION, "课题组成员每学期一篇课题论文",
                    spec("research.member-papers", SubjectFilter.PROJECT_MEMBERS, null, PeriodKind.TERM, 1),
                    "module.research"),
            new RuleTemplate("HOSPITAL_QC_WEEKLY", Sector.HEALTHCARE, "科室每周质控一到两项",
                    new RuleSpec("quality.qc-checks", SubjectFilter.DEPARTMENTS, null, PeriodKind.CALENDAR_WEEK, null, null,
                            Comparison.BETWEEN, 1, 2, 2, null, null),
                    "module.quality"),
            new RuleTemplate("HOSPITAL_TRAINING_MONTHLY", Sector.HEALTHCARE, "科室每月一次轮流授课",
                    spec("quality.training-sessions", SubjectFilter.DEPARTMENTS, null, PeriodKind.MONTH, 1),
                    "module.quality"),
            new RuleTemplate("HOSPITAL_DRILL_EVERYONE", Sector.HEALTHCARE, "应急演练人人过关",
                    spec("quality.drill-passed", SubjectFilter.ALL_TEACHERS, null, PeriodKind.TERM, 1),
                    "module.quality"));

    public static java.util.Optional<RuleTemplate> byCode(String code) {
        return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    private static RuleSpec spec(String metric, SubjectFilter filter, String value, PeriodKind period, int atLeast) {
        return new RuleSpec(metric, filter, value, period, null, null, Comparison.AT_LEAST, atLeast, null,
                period == PeriodKind.TERM ? 14 : period == PeriodKind.MONTH ? 5 : 2, null, null);
    }
}
