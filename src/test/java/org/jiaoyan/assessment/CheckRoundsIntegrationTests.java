package org.jiaoyan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.rules.Compliance;
import org.jiaoyan.rules.ComplianceMatrix;
import org.jiaoyan.rules.ComplianceState;
import org.jiaoyan.rules.Rule;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 月查 on the demo school: a rule criterion is scored from the month's compliance, manual scores stay within their
 * maximum, the ranking shares ranks on ties, a published round is locked and corrected only as a revision with a
 * reason, a 教研组长 checks only their own group's teachers, another school's user sees nothing, stale edits fail.
 * Each test uses its own month (one round per month and level).
 */
@JiaoyanIntegrationTest
class CheckRoundsIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired CheckRounds rounds;
    @Autowired Rules rules;
    @Autowired Compliance compliance;
    @Autowired OrgDirectory directory;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private <T> T as(String name, Supplier<T> work) {
        return Access.as(user(name), work);
    }

    private long school() {
        return user("jks").institutionId();
    }

    private Rule demoRule(String template) {
        return as("jks", () -> rules.ofInstitution(school())).stream()
                .filter(r -> template.equals(r.templateCode())).findFirst().orElseThrow();
    }

    private long groupsRound(YearMonth month, String title) {
        return as("jks", () -> rounds.create(new CheckRoundData(month, CheckLevel.GROUPS, null, title, "实小教科〔2026〕1号")));
    }

    private int version(long id) {
        return as("jks", () -> rounds.get(id)).version();
    }

    private long zuzhangsGroup() {
        return directory.groupsLedBy(user("zuzhang").personId()).stream()
                .filter(g -> "TEACHING_RESEARCH".equals(jdbc.sql("select group_kind from org_unit where id = ?").param(g)
                        .query(String.class).single())).findFirst().orElseThrow();
    }

    @Test
    void aRuleCriterionIsScoredFromTheMonthsCompliance() {
        YearMonth month = YearMonth.now().minusMonths(2);
        long id = groupsRound(month, "月查测试：制度得分");
        Rule weekly = demoRule("TR_GROUP_WEEKLY");
        as("jks", () -> rounds.addRuleCriterion(id, version(id), weekly.id(), 20.0));
        CheckSheet sheet = as("jks", () -> rounds.sheet(id));
        CheckCriterion c = sheet.criteria().get(0);
        assertThat(c.fromRule()).isTrue();
        assertThat(c.name()).isEqualTo(weekly.name());
        ComplianceMatrix m = as("jks", () -> compliance.matrix(weekly.id(), month.atDay(1), month.atEndOfMonth(), school()));
        assertThat(sheet.lines()).hasSizeGreaterThan(2);
        boolean sawPartial = false;
        for (CheckSheet.Line line : sheet.lines()) {
            ComplianceMatrix.Row row = m.rows().stream().filter(r -> r.subject().id() == line.subjectId()).findFirst().orElseThrow();
            long met = row.count(ComplianceState.MET);
            long judged = met + row.count(ComplianceState.NOT_MET);
            double expected = judged == 0 ? 20.0 : Math.round(20.0 * met / judged * 10) / 10.0;
            assertThat(line.score(c.id()).score()).as(line.name()).isEqualTo(expected);
            assertThat(line.score(c.id()).comment()).isEqualTo(met + "/" + judged);
            sawPartial |= met < judged;
        }
        assertThat(sawPartial).as("the demo month has groups that missed a week").isTrue();
    }

    @Test
    void aManualScoreAboveTheMaximumIsRefusedAtItsCell() {
        long id = groupsRound(YearMonth.now().minusMonths(10), "月查测试：分数上限");
        long crit = as("jks", () -> rounds.addManualCriterion(id, version(id), "教案质量", 10.0));
        CheckSheet sheet = as("jks", () -> rounds.sheet(id));
        long subject = sheet.lines().get(0).subjectId();
        assertThatThrownBy(() -> as("jks", () -> {
            rounds.score(id, version(id), List.of(new ScoreInput(crit, subject, 10.5, "超过满分")));
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.problems().get(0).field()).isEqualTo(ScoreInput.field(crit, subject));
            assertThat(e.messageKey()).isEqualTo("assessment.score.range");
        });
        assertThatThrownBy(() -> as("jks", () -> {
            rounds.score(id, version(id), List.of(new ScoreInput(crit, subject, -1.0, null)));
            return null;
        })).isInstanceOf(ValidationException.class);
        as("jks", () -> {
            rounds.score(id, version(id), List.of(new ScoreInput(crit, subject, 10.0, "教案规范，反思深入")));
            return null;
        });
        CheckSheet.Score s = as("jks", () -> rounds.sheet(id)).lines().stream().filter(l -> l.subjectId() == subject)
                .findFirst().orElseThrow().score(crit);
        assertThat(s.score()).isEqualTo(10.0);
        assertThat(s.comment()).isEqualTo("教案规范，反思深入");
    }

    @Test
    void theRankingOrdersByTotalAndTiesShareARank() {
        long id = groupsRound(YearMonth.now().minusMonths(3), "月查测试：排名");
        long a = as("jks", () -> rounds.addManualCriterion(id, version(id), "教案质量", 10.0));
        long b = as("jks", () -> rounds.addManualCriterion(id, version(id), "作业批改", 5.0));
        List<CheckSheet.Line> lines = as("jks", () -> rounds.sheet(id)).lines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        long s1 = lines.get(0).subjectId(), s2 = lines.get(1).subjectId(), s3 = lines.get(2).subjectId(), s4 = lines.get(3).subjectId();
        as("jks", () -> {
            rounds.score(id, version(id), List.of(
                    new ScoreInput(a, s1, 6.0, null), new ScoreInput(b, s1, 2.0, null),     // 8
                    new ScoreInput(a, s2, 9.0, null), new ScoreInput(b, s2, 4.5, null),     // 13.5
                    new ScoreInput(a, s3, 8.5, null), new ScoreInput(b, s3, 5.0, null),     // 13.5
                    new ScoreInput(a, s4, 10.0, null), new ScoreInput(b, s4, 5.0, null)));  // 15
            return null;
        });
        List<CheckSheet.Line> ranked = as("jks", () -> rounds.sheet(id)).lines();
        assertThat(ranked.get(0).subjectId()).isEqualTo(s4);
        assertThat(ranked.get(0).rank()).isEqualTo(1);
        assertThat(ranked.get(0).total()).isEqualTo(15.0);
        assertThat(ranked.subList(1, 3)).extracting(CheckSheet.Line::subjectId).containsExactlyInAnyOrder(s2, s3);
        assertThat(ranked.subList(1, 3)).extracting(CheckSheet.Line::rank).containsOnly(2);
        assertThat(ranked.get(3).subjectId()).isEqualTo(s1);
        assertThat(ranked.get(3).rank()).isEqualTo(4);
    }

    @Test
    void aPublishedRoundIsLockedAndACorrectionKeepsTheHistory() {
        long id = groupsRound(YearMonth.now().minusMonths(4), "月查测试：发布与更正");
        long crit = as("jks", () -> rounds.addManualCriterion(id, version(id), "教案质量", 10.0));
        long subject = as("jks", () -> rounds.sheet(id)).lines().get(0).subjectId();
        as("jks", () -> {
            rounds.score(id, version(id), List.of(new ScoreInput(crit, subject, 7.0, null)));
            rounds.submit(id, version(id));
            rounds.publish(id, version(id));
            return null;
        });
        assertThat(as("jks", () -> rounds.get(id)).status()).isEqualTo(CheckStatus.PUBLISHED);
        assertThatThrownBy(() -> as("jks", () -> {
            rounds.score(id, version(id), List.of(new ScoreInput(crit, subject, 9.0, null)));
            return null;
        })).isInstanceOfSatisfying(RoundLockedException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.round.locked"));
        assertThatThrownBy(() -> as("jks", () -> rounds.addManualCriterion(id, version(id), "新增项", 5.0)))
                .isInstanceOf(RoundLockedException.class);
        // a correction needs a reason
        assertThatThrownBy(() -> as("jks", () -> {
            rounds.correct(id, version(id), " ");
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        as("jks", () -> {
            rounds.correct(id, version(id), "语文组教案漏登");
            rounds.score(id, version(id), List.of(new ScoreInput(crit, subject, 9.0, null)));
            rounds.submit(id, version(id));
            rounds.publish(id, version(id));
            return null;
        });
        CheckSheet sheet = as("jks", () -> rounds.sheet(id));
        assertThat(sheet.round().revision()).isEqualTo(2);
        assertThat(sheet.round().published()).isTrue();
        assertThat(sheet.revisions()).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("语文组教案漏登");
            assertThat(r.ranking()).contains(" 7");
            assertThat(r.by()).isEqualTo("jks");
        });
        assertThat(sheet.lines().get(0).total()).isEqualTo(9.0);
        // the school's teachers read the published round
        assertThat(as("teacher", () -> rounds.sheet(id)).lines()).isNotEmpty();
    }

    @Test
    void aGroupLeaderChecksOnlyTheTeachersOfTheirOwnGroup() {
        YearMonth month = YearMonth.now().minusMonths(5);
        assertThatThrownBy(() -> as("zuzhang", () -> rounds.create(new CheckRoundData(month, CheckLevel.GROUPS, null,
                "组长不能查教研组", null)))).isInstanceOf(ForbiddenException.class);
        long otherGroup = jdbc.sql("""
                select id from org_unit where type = 'GROUP' and institution_id = ? and deleted_at is null
                   and (leader_id is null or leader_id <> ?) order by id""")
                .params(school(), user("zuzhang").personId()).query(Long.class).list().get(0);
        assertThatThrownBy(() -> as("zuzhang", () -> rounds.create(new CheckRoundData(month, CheckLevel.TEACHERS, otherGroup,
                "组长不能查别的组", null)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).field()).isEqualTo("groupId"));
        long id = as("zuzhang", () -> rounds.create(new CheckRoundData(month, CheckLevel.TEACHERS, zuzhangsGroup(),
                "语文组教师月查", null)));
        CheckSheet sheet = as("zuzhang", () -> rounds.sheet(id));
        assertThat(sheet.canManage()).isTrue();
        assertThat(sheet.lines()).isNotEmpty().noneMatch(l -> l.subjectId() == user("zuzhang").personId());
        // a teacher rule fits a teachers' round, a group rule does not
        Rule observe = demoRule("TEACHER_OBSERVE_MONTHLY");
        int v = as("zuzhang", () -> rounds.get(id)).version();
        assertThatThrownBy(() -> as("zuzhang", () -> rounds.addRuleCriterion(id, v, demoRule("TR_GROUP_WEEKLY").id(), 10.0)))
                .isInstanceOf(ValidationException.class);
        as("zuzhang", () -> rounds.addRuleCriterion(id, v, observe.id(), 10.0));
        assertThat(as("zuzhang", () -> rounds.sheet(id)).lines()).allSatisfy(l -> assertThat(l.scores()).isNotEmpty());
        // the 教科室 reads it but does not score the group leader's round; the draft is hidden from teachers
        assertThat(as("jks", () -> rounds.sheet(id)).canManage()).isFalse();
        assertThatThrownBy(() -> as("teacher", () -> rounds.sheet(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherSchoolsUserGetsNotFound() {
        long id = groupsRound(YearMonth.now().minusMonths(6), "月查测试：他校");
        as("jks", () -> {
            rounds.submit(id, version(id));
            rounds.publish(id, version(id));
            return null;
        });
        assertThatThrownBy(() -> as("teacher2", () -> rounds.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("teacher2", () -> rounds.sheet(id))).isInstanceOf(NotFoundException.class);
        assertThat(as("teacher2", () -> rounds.list(null, null, null, new PageQuery(1, 200, null, false))).items())
                .noneMatch(r -> r.id() == id);
        assertThat(as("teacher", () -> rounds.list(null, null, null, new PageQuery(1, 200, null, false))).items())
                .anyMatch(r -> r.id() == id);
    }

    @Test
    void aStaleEditIsRefused() {
        long id = groupsRound(YearMonth.now().minusMonths(7), "月查测试：并发");
        int v = version(id);
        as("jks", () -> rounds.addManualCriterion(id, v, "教案质量", 10.0));
        assertThatThrownBy(() -> as("jks", () -> rounds.addManualCriterion(id, v, "听课笔记", 10.0)))
                .isInstanceOf(StaleEditException.class);
        assertThat(as("jks", () -> rounds.sheet(id)).criteria()).hasSize(1);
    }

    @Test
    void theDemoSchoolHasLastMonthsGroupCheckPublishedWithARanking() {
        CheckRound demo = as("teacher", () -> rounds.list(YearMonth.now().minusMonths(1), CheckLevel.GROUPS, CheckStatus.PUBLISHED,
                new PageQuery(1, 20, null, false))).items().stream().findFirst().orElseThrow();
        CheckSheet sheet = as("teacher", () -> rounds.sheet(demo.id()));
        assertThat(sheet.canManage()).isFalse();
        assertThat(sheet.criteria()).extracting(CheckCriterion::fromRule).containsExactly(true, false, false);
        assertThat(sheet.lines()).hasSizeGreaterThan(3);
        assertThat(sheet.lines().get(0).rank()).isEqualTo(1);
        assertThat(sheet.lines().get(0).total()).isGreaterThanOrEqualTo(sheet.lines().get(sheet.lines().size() - 1).total());
        assertThat(demo.noticeText()).contains("各教研组");
    }

    @Test
    void aSecondRoundForTheSameMonthAndAFutureMonthAreRefusedAtTheMonth() {
        YearMonth month = YearMonth.now().minusMonths(8);
        groupsRound(month, "月查测试：重复");
        assertThatThrownBy(() -> groupsRound(month, "月查测试：重复二"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("month"));
        assertThatThrownBy(() -> groupsRound(YearMonth.now().plusMonths(1), "月查测试：未来"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.round.futureMonth"));
    }

    @Test
    void thePagesKeepTypedInputAndShowTheRefusalAtTheField() throws Exception {
        // the new-round form keeps the month and 文号 when the title is missing
        mvc.perform(post("/checks/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("month", YearMonth.now().minusMonths(11).toString()).param("level", "GROUPS")
                        .param("title", " ").param("docNumber", "实小教科〔2026〕99号"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("实小教科〔2026〕99号")))
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/checks/new").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("month", YearMonth.now().minusMonths(11).toString()).param("level", "GROUPS")
                        .param("title", "页面测试月查"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/checks/*"));
        long id = as("jks", () -> rounds.list(YearMonth.now().minusMonths(11), CheckLevel.GROUPS, null,
                new PageQuery(1, 20, null, false))).items().get(0).id();
        long crit = as("jks", () -> rounds.addManualCriterion(id, version(id), "教案质量", 10.0));
        long subject = as("jks", () -> rounds.sheet(id)).lines().get(0).subjectId();
        String field = ScoreInput.field(crit, subject);
        mvc.perform(post("/checks/" + id + "/scores").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("version", String.valueOf(version(id))).param(field, "11").param("c" + field.substring(1), "很好"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("分数须在 0 到 10 之间")))
                .andExpect(content().string(containsString("value=\"11\"")))
                .andExpect(content().string(containsString("value=\"很好\"")));
        assertThat(as("jks", () -> rounds.sheet(id)).lines().get(0).scores()).isEmpty();
        mvc.perform(get("/checks/" + id).with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("保存评分")))
                .andExpect(content().string(containsString("name=\"" + field + "\"")));
    }

    @Test
    void anotherSchoolsTeacherGets404OnThePage() throws Exception {
        long id = as("teacher", () -> rounds.list(YearMonth.now().minusMonths(1), CheckLevel.GROUPS, CheckStatus.PUBLISHED,
                new PageQuery(1, 20, null, false))).items().get(0).id();
        mvc.perform(get("/checks/" + id).with(TestUsers.as(users, "teacher"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("ranking-table")));
        mvc.perform(get("/checks/" + id).with(TestUsers.as(users, "teacher2"))).andExpect(status().isNotFound());
        mvc.perform(post("/checks/" + id + "/correct").with(TestUsers.as(users, "teacher")).with(csrf())
                .param("version", "0").param("reason", "试图更正")).andExpect(status().isForbidden());
    }
}
