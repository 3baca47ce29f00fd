package org.jiaoyan.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.CheckRoundData;
import org.jiaoyan.assessment.CheckRounds;
import org.jiaoyan.assessment.CheckSheet;
import org.jiaoyan.assessment.ScoreInput;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.Rules;
import org.springframework.stereotype.Component;

/** Last month's 月查 of the demo school's groups, published: the weekly-activity rule plus a hand-scored 教案质量. */
@Component
class DemoChecks {

    private final CheckRounds rounds;
    private final Rules rules;

    DemoChecks(CheckRounds rounds, Rules rules) {
        this.rounds = rounds;
        this.rules = rules;
    }

    void create(long schoolId) {
        YearMonth month = YearMonth.now().minusMonths(1);
        long id = rounds.create(schoolId, new CheckRoundData(month, CheckLevel.GROUPS, null,
                month.getYear() + "年" + month.getMonthValue() + "月教学常规月查通报",
                "实小教科〔" + month.getYear() + "〕" + month.getMonthValue() + "号"));
        Rule weekly = rules.ofInstitution(schoolId).stream().filter(r -> "TR_GROUP_WEEKLY".equals(r.templateCode()))
                .findFirst().orElseThrow();
        rounds.addRuleCriterion(id, rounds.get(id).version(), weekly.id(), 20.0);
        long plans = rounds.addManualCriterion(id, rounds.get(id).version(), "教案质量", 10.0);
        long marking = rounds.addManualCriterion(id, rounds.get(id).version(), "作业批改", 10.0);
        List<ScoreInput> scores = new ArrayList<>();
        int i = 0;
        for (CheckSheet.Line line : rounds.sheet(id).lines()) {
            scores.add(new ScoreInput(plans, line.subjectId(), 6.0 + (i * 3) % 5, i % 3 == 0 ? "教案规范，反思具体" : null));
            scores.add(new ScoreInput(marking, line.subjectId(), 7.0 + (i * 2) % 4, null));
            i++;
        }
        rounds.score(id, rounds.get(id).version(), scores);
        rounds.updateNotice(id, rounds.get(id).version(), rounds.get(id).title(), rounds.get(id).docNumber(), """
                各教研组：
                教科室于月末对各教研组本月的教研活动、教案和作业批改进行了检查。现将结果通报如下，请各组对照排名查漏补缺。
                教研活动一项按学校“教研组每周教研活动”制度自动计分；教案质量与作业批改由教科室抽查评分。""");
        rounds.submit(id, rounds.get(id).version());
        rounds.publish(id, rounds.get(id).version());
    }
}
