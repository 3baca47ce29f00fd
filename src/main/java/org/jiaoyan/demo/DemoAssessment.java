package org.jiaoyan.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.assessment.Appeals;
import org.jiaoyan.assessment.CheckLevel;
import org.jiaoyan.assessment.CheckRoundData;
import org.jiaoyan.assessment.CheckRounds;
import org.jiaoyan.assessment.CheckSheet;
import org.jiaoyan.assessment.ScoreInput;
import org.jiaoyan.assessment.TermResults;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The term assessment running on the demo school under the default 细则: last month's 月查 of the Chinese group's
 * teachers by their 组长, papers and awards the 教科室 recorded, a teacher on maternity leave (scored pro rata), and an
 * open appeal of the demo teacher, so that on first start a scorecard has lines with evidence and the office a ranking.
 */
@Component
class DemoAssessment {

    private final CheckRounds rounds;
    private final TermResults results;
    private final Appeals appeals;
    private final Rules rules;
    private final Terms terms;
    private final UserDetailsService users;

    DemoAssessment(CheckRounds rounds, TermResults results, Appeals appeals, Rules rules, Terms terms, UserDetailsService users) {
        this.rounds = rounds;
        this.results = results;
        this.appeals = appeals;
        this.rules = rules;
        this.terms = terms;
        this.users = users;
    }

    void create(long schoolId, long group, long teacher, List<Long> staff) {
        SchoolTerm term = terms.current().orElse(null);
        if (term == null) {
            return;
        }
        LocalDate today = LocalDate.now();
        YearMonth month = YearMonth.now().minusMonths(1);
        Access.as(user("zuzhang"), () -> {
            long id = rounds.create(new CheckRoundData(month, CheckLevel.TEACHERS, group,
                    month.getYear() + "年" + month.getMonthValue() + "月语文组教师常规检查", null));
            Rule observing = rules.ofInstitution(schoolId).stream().filter(r -> "TEACHER_OBSERVE_MONTHLY".equals(r.templateCode()))
                    .findFirst().orElseThrow();
            rounds.addRuleCriterion(id, rounds.get(id).version(), observing.id(), 10.0);
            long plans = rounds.addManualCriterion(id, rounds.get(id).version(), "教案与反思", 10.0);
            long homework = rounds.addManualCriterion(id, rounds.get(id).version(), "作业批改", 10.0);
            List<ScoreInput> scores = new ArrayList<>();
            int i = 0;
            for (CheckSheet.Line line : rounds.sheet(id).lines()) {
                scores.add(new ScoreInput(plans, line.subjectId(), 6.0 + (i * 7) % 5, i % 4 == 0 ? "反思具体，有改进措施" : null));
                scores.add(new ScoreInput(homework, line.subjectId(), 7.0 + (i * 3) % 4, null));
                i++;
            }
            rounds.score(id, rounds.get(id).version(), scores);
            rounds.submit(id, rounds.get(id).version());
            rounds.publish(id, rounds.get(id).version());
            return null;
        });
        LocalDate early = clamp(term.startDate().plusDays(30), term, today);
        LocalDate later = clamp(term.startDate().plusDays(60), term, today);
        Access.as(user("jks"), () -> {
            results.addEntry(term.id(), CheckLevel.TEACHERS, teacher, "d-paper", "论文《整本书阅读的课堂推进》发表于《小学教学参考》", early);
            results.addEntry(term.id(), CheckLevel.TEACHERS, teacher, "d-award-x", "县小学语文优质课评比一等奖", later);
            for (int k = 0; k < 6 && k < staff.size(); k++) {
                long who = staff.get(k * 7 % staff.size());
                results.addEntry(term.id(), CheckLevel.TEACHERS, who, k % 2 == 0 ? "d-award-c" : "d-award-x",
                        k % 2 == 0 ? "市教学论文评比二等奖" : "县教学设计评比一等奖", k % 2 == 0 ? early : later);
            }
            long onLeave = staff.get(staff.size() - 2);
            if (term.contains(later) && later.plusDays(1).isBefore(term.endDate())) {
                results.addLeave(term.id(), onLeave, later.plusDays(1), term.endDate(), "产假");
            }
            return null;
        });
        Access.as(user("teacher"), () -> appeals.file(term.id(), CheckLevel.TEACHERS, teacher, "d-award-x",
                "县小学语文优质课评比一等奖", "该奖项为市级评比（市教育局文件附后），应按市级获奖计分", null));
    }

    private static LocalDate clamp(LocalDate day, SchoolTerm term, LocalDate today) {
        LocalDate last = today.isBefore(term.endDate()) ? today : term.endDate();
        return day.isAfter(last) ? last : day;
    }

    private CurrentUser user(String name) {
        return (CurrentUser) users.loadUserByUsername(name);
    }
}
