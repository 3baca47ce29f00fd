package org.jiaoyan.observation;

import java.math.BigDecimal;
import java.util.List;

/** The two forms a school starts with: 课堂评价表 (points, 100 in all) and 课堂观察量表 (weights, ratings 1–5, notes). */
final class DefaultForms {

    record Template(String name, Scoring scoring, String description, List<CriterionData> criteria) {
    }

    static final Template EVALUATION = new Template("课堂评价表", Scoring.POINTS, "按各项满分评分，总分100分。", List.of(
            points("教学目标", "目标明确具体，符合课程标准和学生实际", "目标表述可检测，关注知识、能力与素养", 8),
            points("教学目标", "重点难点把握准确", "围绕重点组织教学，难点有突破的办法", 7),
            points("教学内容", "内容准确，容量适当", "无知识性错误，密度与学生水平相当", 10),
            points("教学内容", "联系生活实际，拓展适度", "资源选用恰当，体现学科育人", 10),
            points("教学方法", "教法灵活，启发引导有效", "问题设计有层次，给学生思考的时间", 10),
            points("教学方法", "合理运用信息技术和教具", "媒体服务于教学，不喧宾夺主", 7),
            points("教学方法", "教态自然，语言规范，板书工整", "普通话标准，板书条理清楚", 8),
            points("学生活动", "学生参与面广，主动思考、积极交流", "大多数学生有发言、动手的机会", 10),
            points("学生活动", "合作学习有序有效", "分工明确，交流有结果", 10),
            points("教学效果", "目标达成度高，学生掌握扎实", "当堂检测正确率高", 12),
            points("教学效果", "课堂气氛活跃，不同层次学生均有收获", "学困生得到关注", 8)));

    static final Template OBSERVATION = new Template("课堂观察量表", Scoring.WEIGHTS,
            "每项按1—5级评定（5为最好），按权重折算为百分制；另记课堂实录要点与观察思考。", List.of(
            points("学生学习", "倾听与回应", "学生能否认真倾听、回应老师和同伴", 15),
            points("学生学习", "互动与合作", "参与讨论、合作的人数和质量", 15),
            points("学生学习", "自主学习", "自主学习的时间与效果", 10),
            points("教师教学", "环节设计", "环节清楚，过渡自然，时间分配合理", 15),
            points("教师教学", "提问与对话", "问题的数量、层次和候答时间", 15),
            points("教师教学", "指导与反馈", "对学生的指导是否及时、有针对性", 10),
            points("课程性质", "目标与内容", "目标是否适切，内容是否围绕目标", 10),
            points("课堂文化", "思考与民主", "学生敢于质疑，课堂氛围民主平等", 10),
            text("观察记录", "课堂实录要点", "主要教学环节与典型片段"),
            text("观察记录", "观察发现与思考", "本节课给我的启发")));

    static final List<Template> ALL = List.of(EVALUATION, OBSERVATION);

    private DefaultForms() {
    }

    private static CriterionData points(String group, String name, String descriptor, int points) {
        return new CriterionData(group, name, descriptor, BigDecimal.valueOf(points), false);
    }

    private static CriterionData text(String group, String name, String descriptor) {
        return new CriterionData(group, name, descriptor, null, true);
    }

}
