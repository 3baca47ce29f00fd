package org.jiaoyan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.org.Terms;
import org.jiaoyan.rules.Comparison;
import org.jiaoyan.rules.Exemptions;
import org.jiaoyan.rules.PeriodKind;
import org.jiaoyan.rules.RuleSpec;
import org.jiaoyan.rules.Rules;
import org.jiaoyan.rules.SubjectFilter;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The term assessment on the demo school. Each test works in a term of its own (past school years, created here, with
 * the records it inserts), so that tests do not see each other's schemes, entries and results; the snapshot test uses
 * the demo's previous term, the only one in the freezing window.
 */
@JiaoyanIntegrationTest
class ScorecardsIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired Schemes schemes;
    @Autowired Scorecards scorecards;
    @Autowired TermResults results;
    @Autowired Appeals appeals;
    @Autowired CheckRounds rounds;
    @Autowired Shortlists shortlists;
    @Autowired AssessmentWork assessmentWork;
    @Autowired Terms terms;
    @Autowired Rules rules;
    @Autowired Exemptions exemptions;
    @Autowired SubjectDirectory directory;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private <T> T as(String name, Supplier<T> work) {
        return Access.as(user(name), work);
    }

    private void run(String name, Runnable work) {
        Access.as(user(name), () -> {
            work.run();
            return null;
        });
    }

    private long school() {
        return user("jks").institutionId();
    }

    /** The first term of a past school year (created when missing): Sep 1 to Jan 20. */
    private SchoolTerm term(int year) {
        Long id = jdbc.sql("select id from school_term where school_year = ? and semester = 1 and deleted_at is null").param(year)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            id = Access.asSystem(() -> terms.create(year, 1, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 20), List.of()));
        }
        return terms.get(id);
    }

    /** Three teachers of the demo school other than the demo accounts' people, at work since before 2015. */
    private List<Long> teachers() {
        List<Long> taken = List.of(user("teacher").personId(), user("jks").personId(), user("zuzhang").personId());
        return directory.staff(List.of(school())).stream()
                .filter(p -> p.workStartDate() != null && p.workStartDate().getYear() < 2015)
                .map(SubjectDirectory.Staff::id).filter(id -> !taken.contains(id)).limit(3).toList();
    }

    private void observe(long observer, long teacher, LocalDate on, String topic, String lessonType) {
        jdbc.sql("""
                insert into observation (institution_id, observer_id, teacher_id, observed_on, topic, lesson_type)
                values (?, ?, ?, ?, ?, ?)""").params(school(), observer, teacher, on, topic, lessonType).update();
    }

    private static SchemeData.ItemData record(String code, String name, String metric, double points, Double cap) {
        return new SchemeData.ItemData(code, SchemeItemKind.RECORD, name, metric, null, points, null, cap);
    }

    private static SchemeData.ItemData entry(String code, String name, double points, Double cap) {
        return new SchemeData.ItemData(code, SchemeItemKind.ENTRY, name, null, null, points, null, cap);
    }

    private long save(SchoolTerm term, CheckLevel level, SchemeData.CategoryData... categories) {
        return as("jks", () -> {
            int latest = schemes.history(term.id(), level).stream().mapToInt(Scheme::revision).max().orElse(0);
            return schemes.save(term.id(), level, latest, new SchemeData(0.33, "测试细则", List.of(categories)));
        });
    }

    private ScoreBoard.Entry line(SchoolTerm term, long subject) {
        return as("jks", () -> scorecards.board(term.id(), CheckLevel.TEACHERS)).entry(subject);
    }

    private Scorecard.ItemCard item(Scorecard card, String code) {
        return card.categories().stream().flatMap(c -> c.items().stream()).filter(i -> i.item().code().equals(code))
                .findFirst().orElseThrow();
    }

    @Test
    void capsAndWeightsApplyAtTheirEdges() {
        SchoolTerm term = term(2019);
        List<Long> t = teachers();
        long a = t.get(0), b = t.get(1), c = t.get(2);
        save(term, CheckLevel.TEACHERS,
                new SchemeData.CategoryData("听课与成果", 5.0, 2.0, List.of(
                        record("obs", "听课", "observation.by-observer", 1, 3.0),
                        entry("paper", "论文", 2, null))),
                new SchemeData.CategoryData("被听课", null, 0.5, List.of(
                        record("observed", "被听课", "observation.of-teacher", 1, null))));
        for (int i = 0; i < 3; i++) {
            observe(a, b, LocalDate.of(2019, 10, 10 + i), "测试课" + i, "REGULAR");
        }
        for (int i = 0; i < 4; i++) {
            observe(c, b, LocalDate.of(2019, 11, 10 + i), "测试课" + i, "REGULAR");
        }
        run("jks", () -> {
            results.addEntry(term.id(), CheckLevel.TEACHERS, a, "paper", "论文《小组合作》", LocalDate.of(2019, 12, 1));
            results.addEntry(term.id(), CheckLevel.TEACHERS, c, "paper", "论文《作业设计》", LocalDate.of(2019, 12, 2));
            results.addEntry(term.id(), CheckLevel.TEACHERS, c, "paper", "论文《课堂提问》", LocalDate.of(2019, 12, 3));
        });
        // a: 3 observations = exactly the item cap, + one paper 2 → category 5 = exactly its cap → × 2 = 10
        ScoreBoard.Entry la = line(term, a);
        assertThat(la.categoryPoints()).containsExactly(10.0, 0.0);
        assertThat(la.total()).isEqualTo(10.0);
        Scorecard ca = as("jks", () -> scorecards.card(term.id(), CheckLevel.TEACHERS, a));
        assertThat(item(ca, "obs").capped()).isFalse();
        assertThat(item(ca, "obs").lines()).hasSize(3).allSatisfy(l -> assertThat(l.points()).isEqualTo(1.0));
        // c: 4 observations capped at 3, + two papers 4 → 7, category capped at 5 → × 2 = 10; a tie with a
        ScoreBoard.Entry lc = line(term, c);
        assertThat(lc.total()).isEqualTo(10.0);
        Scorecard cc = as("jks", () -> scorecards.card(term.id(), CheckLevel.TEACHERS, c));
        assertThat(item(cc, "obs").points()).isEqualTo(3.0);
        assertThat(item(cc, "obs").capped()).isTrue();
        assertThat(item(cc, "obs").note()).contains("4").contains("3");
        assertThat(cc.categories().get(0).capped()).isTrue();
        assertThat(la.rank()).isEqualTo(1);
        assertThat(lc.rank()).isEqualTo(1);
        // b: observed 7 times, no cap, weight 0.5 → 3.5, ranked third
        ScoreBoard.Entry lb = line(term, b);
        assertThat(lb.categoryPoints()).containsExactly(0.0, 3.5);
        assertThat(lb.total()).isEqualTo(3.5);
        assertThat(lb.rank()).isEqualTo(3);
    }

    @Test
    void aRuleVersionChangedMidTermScoresEachPeriodByItsOwnVersion() {
        SchoolTerm term = term(2020);
        long a = teachers().get(0);
        long ruleId = as("jks", () -> rules.create(school(), null, "测试：每月听课两节",
                new RuleSpec("observation.by-observer", SubjectFilter.ALL_TEACHERS, null, PeriodKind.MONTH, null, null,
                        Comparison.AT_LEAST, 2, null, 3, null, null), false));
        run("jks", () -> {
            rules.enable(ruleId, true);
            rules.update(ruleId, rules.get(ruleId).version(), "测试：每月听课两节（十一月起一节）",
                    new RuleSpec("observation.by-observer", SubjectFilter.ALL_TEACHERS, null, PeriodKind.MONTH, null, null,
                            Comparison.AT_LEAST, 1, null, 3, null, null), LocalDate.of(2020, 11, 1), false, "减负");
        });
        for (int month = 9; month <= 12; month++) {
            observe(a, teachers().get(1), LocalDate.of(2020, month, 15), "月课" + month, "REGULAR");
        }
        save(term, CheckLevel.TEACHERS, new SchemeData.CategoryData("制度", null, 1.0, List.of(
                new SchemeData.ItemData("rule", SchemeItemKind.RULE, "每月听课", null, ruleId, 2.0, 1.0, null))));
        // Sep, Oct: 1 < 2 not met (−1 each); Nov, Dec: 1 ≥ 1 met (+2 each); Jan: none, not met (−1)
        Scorecard card = as("jks", () -> scorecards.card(term.id(), CheckLevel.TEACHERS, a));
        Scorecard.ItemCard rule = item(card, "rule");
        assertThat(rule.lines()).extracting(Scorecard.Line::points).containsExactly(-1.0, -1.0, 2.0, 2.0, -1.0);
        assertThat(rule.points()).isEqualTo(1.0);
        assertThat(card.entry().total()).isEqualTo(1.0);
        assertThat(rule.lines().get(2).link()).startsWith("/rules/" + ruleId + "/cell");
        // and the words of the item name the rule
        assertThat(as("jks", () -> schemes.current(term.id(), CheckLevel.TEACHERS)).items().get(0).ruleId()).isEqualTo(ruleId);
    }

    @Test
    void aRecordDeletedAfterTheSnapshotKeepsTheRuleScoreUntilAnAppealCorrectsIt() {
        SchoolTerm term = terms.all().stream().filter(x -> x.schoolYear() == LocalDate.now().getYear() - 1 && x.semester() == 2)
                .findFirst().orElseThrow();
        long me = user("teacher").personId();
        long ruleId = as("jks", () -> rules.create(school(), null, "测试：每月至少听课一节",
                new RuleSpec("observation.by-observer", SubjectFilter.ALL_TEACHERS, null, PeriodKind.MONTH, null, null,
                        Comparison.AT_LEAST, 1, null, 3, null, null), false));
        run("jks", () -> rules.enable(ruleId, true));
        LocalDate inMarch = term.startDate().withMonth(3).withDayOfMonth(12);
        observe(me, teachers().get(0), inMarch, "快照测试课", "REGULAR");
        save(term, CheckLevel.TEACHERS, new SchemeData.CategoryData("制度", null, 1.0, List.of(
                new SchemeData.ItemData("rule", SchemeItemKind.RULE, "每月听课", null, ruleId, 2.0, 0.0, null))));
        exemptions.freezeClosedPeriods(LocalDate.now(), ruleId); // this rule only: other tests count live weeks
        Scorecard before = as("teacher", () -> scorecards.mine(term.id()));
        double points = item(before, "rule").points();
        Scorecard.Line march = item(before, "rule").lines().stream().filter(l -> l.on() != null && l.on().getMonthValue() == 3)
                .findFirst().orElseThrow();
        assertThat(march.points()).isEqualTo(2.0);

        // every March observation of the teacher goes to the recycle bin: the frozen month still counts as met
        jdbc.sql("update observation set deleted_at = current_timestamp where observer_id = ? and observed_on between ? and ? and deleted_at is null")
                .params(me, inMarch.withDayOfMonth(1), inMarch.withDayOfMonth(31)).update();
        Scorecard after = as("teacher", () -> scorecards.mine(term.id()));
        assertThat(item(after, "rule").points()).isEqualTo(points);

        // the teacher appeals (honestly), the office corrects the line
        long appeal = as("teacher", () -> appeals.file(term.id(), CheckLevel.TEACHERS, me, "rule", march.text(),
                "三月的听课记录登记错了，已删除，本月实际未听课", null));
        run("jks", () -> appeals.accept(appeal, appeals.get(appeal).version(), -2.0, "核实：三月无听课记录，扣回 2 分"));
        Scorecard corrected = as("teacher", () -> scorecards.mine(term.id()));
        assertThat(item(corrected, "rule").points()).isEqualTo(points - 2);
        assertThat(item(corrected, "rule").lines()).anyMatch(l -> l.text().contains("扣回 2 分") && l.points() == -2.0);
    }

    @Test
    void appealsAreAcceptedOrRejectedWithAReasonAndCloseAtTheDeadline() {
        SchoolTerm term = term(2023);
        long me = user("teacher").personId();
        save(term, CheckLevel.TEACHERS, new SchemeData.CategoryData("成果", 20.0, 1.0, List.of(entry("award", "获奖", 3, null))));
        run("jks", () -> results.addEntry(term.id(), CheckLevel.TEACHERS, me, "award", "县优质课一等奖", LocalDate.of(2023, 10, 8)));
        assertThat(as("teacher", () -> scorecards.mine(term.id())).entry().total()).isEqualTo(3.0);

        long first = as("teacher", () -> appeals.file(term.id(), CheckLevel.TEACHERS, me, "award", "县优质课一等奖",
                "一等奖应计 5 分", null));
        assertThatThrownBy(() -> run("jks", () -> appeals.reject(first, appeals.get(first).version(), " ")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("resolution"));
        run("jks", () -> appeals.reject(first, appeals.get(first).version(), "细则规定获奖每项 3 分，不分等第"));
        assertThat(as("teacher", () -> appeals.get(first)).status()).isEqualTo(Appeals.Status.REJECTED);
        assertThat(as("teacher", () -> scorecards.mine(term.id())).entry().total()).isEqualTo(3.0);
        assertThatThrownBy(() -> run("jks", () -> appeals.accept(first, appeals.get(first).version(), 2.0, "再议")))
                .isInstanceOf(ValidationException.class);

        long second = as("teacher", () -> appeals.file(term.id(), CheckLevel.TEACHERS, me, "award", null,
                "漏登：市论文评比二等奖", null));
        int v = as("jks", () -> appeals.get(second)).version();
        run("jks", () -> appeals.accept(second, v, 1.5, "核实无误，补记 1.5 分"));
        assertThatThrownBy(() -> run("jks", () -> appeals.accept(second, v, 1.5, "重复提交"))).isInstanceOf(ValidationException.class);
        Scorecard card = as("teacher", () -> scorecards.mine(term.id()));
        assertThat(card.entry().total()).isEqualTo(4.5);
        assertThat(as("teacher", () -> appeals.list(term.id(), null))).extracting(Appeals.Appeal::status)
                .containsExactlyInAnyOrder(Appeals.Status.ACCEPTED, Appeals.Status.REJECTED);

        // only one's own card; only the office resolves; after the deadline no more appeals
        long other = teachers().get(0);
        assertThatThrownBy(() -> as("teacher", () -> appeals.file(term.id(), CheckLevel.TEACHERS, other, "award", null, "替同事申诉", null)))
                .isInstanceOf(NotFoundException.class);
        long third = as("teacher", () -> appeals.file(term.id(), CheckLevel.TEACHERS, me, "award", null, "再次申诉", null));
        assertThatThrownBy(() -> run("teacher", () -> appeals.accept(third, 0, 5.0, "自己批准"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as("teacher2", () -> appeals.get(third))).isInstanceOf(NotFoundException.class);
        run("jks", () -> results.setAppealDeadline(term.id(), results.settings(term.id()).version(), LocalDate.of(2023, 9, 30)));
        assertThatThrownBy(() -> as("teacher", () -> appeals.file(term.id(), CheckLevel.TEACHERS, me, "award", null, "过期申诉", null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assessment.appeal.pastDeadline"));
    }

    @Test
    void publishedResultsAreFrozenAndLockedResultsRefuseEveryChange() {
        SchoolTerm term = term(2024);
        List<Long> t = teachers();
        save(term, CheckLevel.TEACHERS, new SchemeData.CategoryData("听课", null, 1.0, List.of(
                record("obs", "听课", "observation.by-observer", 1, null), entry("paper", "论文", 2, null))));
        observe(t.get(0), t.get(1), LocalDate.of(2024, 10, 9), "公示前", "REGULAR");
        long resultId = as("jks", () -> results.publish(term.id(), CheckLevel.TEACHERS));
        assertThat(resultId).isPositive();
        assertThat(line(term, t.get(0)).total()).isEqualTo(1.0);

        // a record added after publication does not move the published result; the card says the records changed
        observe(t.get(0), t.get(1), LocalDate.of(2024, 10, 16), "公示后", "REGULAR");
        assertThat(line(term, t.get(0)).total()).isEqualTo(1.0);
        assertThat(as("jks", () -> scorecards.card(term.id(), CheckLevel.TEACHERS, t.get(0))).changedSincePublished()).isTrue();
        assertThatThrownBy(() -> as("jks", () -> results.publish(term.id(), CheckLevel.TEACHERS))).isInstanceOf(ValidationException.class);

        // an appeal accepted during 公示 changes the stored result and the ranking
        long me = user("teacher").personId();
        long appeal = as("teacher", () -> appeals.file(term.id(), CheckLevel.TEACHERS, me, "paper", null, "漏登论文一篇", null));
        assertThatThrownBy(() -> run("jks", () -> results.lock(term.id(), CheckLevel.TEACHERS, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.result.openAppeals"));
        run("jks", () -> appeals.accept(appeal, appeals.get(appeal).version(), 2.0, "核实，补记"));
        ScoreBoard published = as("jks", () -> scorecards.board(term.id(), CheckLevel.TEACHERS));
        assertThat(published.entry(me).total()).isEqualTo(2.0);
        assertThat(published.entry(me).rank()).isEqualTo(1);
        assertThat(published.entry(t.get(0)).rank()).isEqualTo(2);

        int version = jdbc.sql("select version from assess_result where id = ?").param(resultId).query(Integer.class).single();
        assertThatThrownBy(() -> run("jks", () -> results.lock(term.id(), CheckLevel.TEACHERS, version + 1)))
                .isInstanceOf(StaleEditException.class);
        run("jks", () -> results.lock(term.id(), CheckLevel.TEACHERS, version));
        assertThat(as("jks", () -> scorecards.board(term.id(), CheckLevel.TEACHERS)).locked()).isTrue();
        assertThatThrownBy(() -> run("jks", () -> results.addEntry(term.id(), CheckLevel.TEACHERS, me, "paper", "锁定后登记",
                LocalDate.of(2024, 11, 1)))).isInstanceOf(ResultsLockedException.class);
        assertThatThrownBy(() -> as("teacher", () -> appeals.file(term.id(), CheckLevel.TEACHERS, me, "obs", null, "锁定后申诉", null)))
                .isInstanceOf(ResultsLockedException.class);
        assertThatThrownBy(() -> run("jks", () -> results.withdraw(term.id(), CheckLevel.TEACHERS, version + 1)))
                .isInstanceOf(ResultsLockedException.class);
        assertThatThrownBy(() -> run("jks", () -> results.addLeave(term.id(), t.get(2), LocalDate.of(2024, 9, 2),
                LocalDate.of(2024, 9, 5), "病假"))).isInstanceOf(ResultsLockedException.class);
    }

    @Test
    void teachersAwayForPartOfTheTermAreScoredProRataOrExempt() {
        SchoolTerm term = term(2021); // 2021-09-01 … 2022-01-20: 142 days
        List<Long> t = teachers();
        long half = t.get(0), mostly = t.get(1), full = t.get(2);
        save(term, CheckLevel.TEACHERS, new SchemeData.CategoryData("听课", null, 1.0, List.of(
                record("obs", "听课", "observation.by-observer", 1, 3.0))));
        observe(half, full, LocalDate.of(2021, 9, 10), "半学期一", "REGULAR");
        observe(half, full, LocalDate.of(2021, 9, 17), "半学期二", "REGULAR");
        observe(full, half, LocalDate.of(2021, 9, 18), "全学期一", "REGULAR");
        observe(full, half, LocalDate.of(2021, 9, 25), "全学期二", "REGULAR");
        observe(mostly, full, LocalDate.of(2021, 9, 9), "请长假前", "REGULAR");
        run("jks", () -> {
            results.addLeave(term.id(), half, LocalDate.of(2021, 11, 10), LocalDate.of(2022, 1, 19), "产假"); // 71 days
            results.addLeave(term.id(), mostly, LocalDate.of(2021, 9, 15), LocalDate.of(2022, 1, 20), "借调"); // 128 days
        });
        // in place half the term: 2 observations count as 4, capped at 3
        ScoreBoard.Entry h = line(term, half);
        assertThat(h.inPlace()).isEqualTo(0.5);
        assertThat(h.total()).isEqualTo(3.0);
        assertThat(h.note()).contains("50%");
        ScoreBoard.Entry f = line(term, full);
        assertThat(f.inPlace()).isEqualTo(1.0);
        assertThat(f.total()).isEqualTo(2.0);
        assertThat(f.note()).isNull();
        // in place 14 of 142 days: exempt, not ranked, last
        ScoreBoard.Entry m = line(term, mostly);
        assertThat(m.exempt()).isTrue();
        assertThat(m.rank()).isNull();
        assertThat(m.note()).contains("免于本学期考核");
        List<ScoreBoard.Entry> entries = as("jks", () -> scorecards.board(term.id(), CheckLevel.TEACHERS)).entries();
        assertThat(entries.get(entries.size() - 1).exempt()).isTrue();

        // leave outside the term or reversed is refused at its field
        assertThatThrownBy(() -> run("jks", () -> results.addLeave(term.id(), full, LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 5), "病假")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> run("jks", () -> results.addLeave(term.id(), full, LocalDate.of(2021, 10, 5), LocalDate.of(2021, 10, 1), "病假")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("to"));
    }

    @Test
    void aSchemeRowWithProblemsIsRefusedAtItsFieldAndStaleRevisionsAreRefused() {
        SchoolTerm term = term(2022);
        assertThatThrownBy(() -> save(term, CheckLevel.TEACHERS, new SchemeData.CategoryData("听课", -1.0, 1.0, List.of(
                record(null, "听课", "observation.by-observer", 1, null),
                new SchemeData.ItemData(null, SchemeItemKind.RULE, "制度", null, 999_999L, 1.0, null, null),
                record(null, " ", "no.such-metric", -2, 0.0)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .contains("categories[0].cap", "categories[0].items[1].ruleId", "categories[0].items[2].name",
                                "categories[0].items[2].metricId", "categories[0].items[2].points", "categories[0].items[2].cap"));
        long first = save(term, CheckLevel.TEACHERS, new SchemeData.CategoryData("听课", null, 1.0, List.of(
                record(null, "听课", "observation.by-observer", 1, null))));
        assertThat(first).isPositive();
        // someone who edited the default (revision 0) meanwhile is refused
        assertThatThrownBy(() -> as("jks", () -> schemes.save(term.id(), CheckLevel.TEACHERS, 0, new SchemeData(null, null,
                List.of(new SchemeData.CategoryData("听课", null, 1.0, List.of(record(null, "听课", "observation.by-observer", 2, null))))))))
                .isInstanceOf(StaleEditException.class);
        // teachers and other schools do not edit
        assertThatThrownBy(() -> as("teacher", () -> schemes.save(term.id(), CheckLevel.TEACHERS, 1, new SchemeData(null, null,
                List.of(new SchemeData.CategoryData("听课", null, 1.0, List.of(record(null, "听课", "observation.by-observer", 9, null))))))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(as("jks", () -> schemes.history(term.id(), CheckLevel.TEACHERS))).hasSize(1);
    }

    @Test
    void theDefaultSchemeIsInPlainWordsAndAnotherSchoolSeesNothing() {
        SchoolTerm term = term(2018);
        Scheme s = as("jks", () -> schemes.current(term.id(), CheckLevel.TEACHERS));
        assertThat(s.saved()).isFalse();
        assertThat(s.categories()).extracting(Scheme.Category::name).contains("听课评课", "月查", "教科研成果");
        assertThat(s.items()).anyMatch(i -> i.kind() == SchemeItemKind.RULE && i.deduction() > 0);
        long me = user("teacher").personId();
        // another school's teacher: no card, no board lines of this school
        assertThatThrownBy(() -> as("teacher2", () -> scorecards.card(term.id(), CheckLevel.TEACHERS, me)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("teacher2", () -> scorecards.board(school(), term.id(), CheckLevel.TEACHERS)))
                .isInstanceOf(NotFoundException.class);
        // a teacher's board holds their own line only
        ScoreBoard own = as("teacher", () -> scorecards.board(term.id(), CheckLevel.TEACHERS));
        assertThat(own.entries()).extracting(ScoreBoard.Entry::subjectId).containsExactly(me);
        assertThatThrownBy(() -> as("teacher", () -> scorecards.card(term.id(), CheckLevel.TEACHERS, teachers().get(0))))
                .isInstanceOf(NotFoundException.class);
        // the groups board ranks 教研组 and 备课组 each from 1
        ScoreBoard groups = as("jks", () -> scorecards.board(term.id(), CheckLevel.GROUPS));
        assertThat(groups.entries()).filteredOn(e -> "TEACHING_RESEARCH".equals(e.kind())).first()
                .satisfies(e -> assertThat(e.rank()).isEqualTo(1));
        assertThat(groups.entries()).filteredOn(e -> "LESSON_PREP".equals(e.kind())).first()
                .satisfies(e -> assertThat(e.rank()).isEqualTo(1));
    }

    @Test
    void onFirstStartTheDemoTeachersScorecardHasLinesWithEvidenceAndTheOfficeARanking() {
        SchoolTerm term = terms.current().orElseThrow();
        Scorecard card = as("teacher", () -> scorecards.mine(term.id()));
        assertThat(card.scheme().saved()).isFalse(); // the shipped default
        assertThat(card.entry().total()).isPositive();
        List<Scorecard.Line> lines = card.categories().stream().flatMap(c -> c.items().stream()).flatMap(i -> i.lines().stream()).toList();
        assertThat(lines).anyMatch(l -> l.link() != null && l.link().startsWith("/observations/"));
        assertThat(lines).anyMatch(l -> l.text().contains("整本书阅读"));
        assertThat(as("teacher", () -> appeals.list(term.id(), Appeals.Status.OPEN))).isNotEmpty();
        ScoreBoard board = as("jks", () -> scorecards.board(term.id(), CheckLevel.TEACHERS));
        assertThat(board.entries()).hasSizeGreaterThan(20);
        assertThat(board.entries().get(0).rank()).isEqualTo(1);
        assertThat(board.entries()).anyMatch(e -> e.note() != null && e.note().contains("在岗"));
        // the 语文组 teachers' 月查 of last month counts on their cards
        assertThat(as("jks", () -> scorecards.board(term.id(), CheckLevel.TEACHERS)).entries())
                .anyMatch(e -> e.categoryPoints()[3] > 0);
        // that round's sheet: a teacher reads their own line only, the office every line
        long round = as("jks", () -> rounds.list(java.time.YearMonth.now().minusMonths(1), CheckLevel.TEACHERS, CheckStatus.PUBLISHED,
                new org.jiaoyan.shared.PageQuery(1, 20, null, false))).items().get(0).id();
        long me = user("teacher").personId();
        assertThat(as("teacher", () -> rounds.sheet(round)).lines()).allMatch(l -> l.subjectId() == me);
        assertThat(as("jks", () -> rounds.sheet(round)).lines()).hasSizeGreaterThan(2);
    }

    @Test
    void theYearsShortlistsAreComputedFromTheResultsAndConfirmedByTheOffice() {
        int year = terms.current().orElseThrow().schoolYear();
        var lists = as("jks", () -> shortlists.candidates(year));
        List<Shortlists.Candidate> teachers = lists.get(Shortlists.Kind.TEACHER);
        // one in ten are proposed; a tie at the last place takes everyone tied
        long places = Math.max(1, Math.round(teachers.size() * 0.1));
        assertThat(teachers.stream().filter(Shortlists.Candidate::proposed))
                .hasSizeGreaterThanOrEqualTo((int) places).allMatch(c -> c.rank() <= places);
        assertThat(teachers.get(0).score()).isGreaterThanOrEqualTo(teachers.get(teachers.size() - 1).score());
        assertThat(teachers.get(0).basis()).contains("第一学期");
        // two 优秀教研组 at most, and only groups with points (the demo's groups other than 语文 held no activities)
        List<Shortlists.Candidate> groups = lists.get(Shortlists.Kind.TR_GROUP);
        assertThat(groups).hasSizeGreaterThan(2);
        assertThat(groups.stream().filter(Shortlists.Candidate::proposed)).hasSizeBetween(1, 2)
                .allMatch(c -> c.score() > 0).first().satisfies(c -> assertThat(c.rank()).isEqualTo(1));
        assertThat(lists.get(Shortlists.Kind.MENTOR_PAIR)).isNotEmpty().first()
                .satisfies(c -> assertThat(c.basis()).contains("互听"));

        List<Long> chosen = lists.get(Shortlists.Kind.TR_GROUP).stream().limit(2).map(Shortlists.Candidate::subjectId).toList();
        run("jks", () -> shortlists.confirm(year, Shortlists.Kind.TR_GROUP, chosen));
        assertThat(as("jks", () -> shortlists.confirmed(year))).filteredOn(c -> c.kind() == Shortlists.Kind.TR_GROUP)
                .extracting(Shortlists.Confirmed::subjectId).containsExactlyElementsOf(chosen);
        assertThatThrownBy(() -> run("teacher", () -> shortlists.confirm(year, Shortlists.Kind.TR_GROUP, chosen)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> run("jks", () -> shortlists.confirm(year, Shortlists.Kind.TR_GROUP, List.of(user("teacher").personId()))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as("teacher2", () -> shortlists.confirmed(year))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theGrowthProfileShowsTheTermResultAndTheMonthlyChecks() {
        SchoolTerm term = terms.current().orElseThrow();
        long me = user("teacher").personId();
        var teacher = new org.jiaoyan.profile.ProfileTeacher(me, school(), "教师", List.of("teacher"));
        var years = new org.jiaoyan.profile.YearRange(term.schoolYear(), term.schoolYear());
        var tables = as("teacher", () -> assessmentWork.tables(teacher, years, java.util.Locale.SIMPLIFIED_CHINESE));
        assertThat(tables.get(0).rows()).anySatisfy(r -> {
            assertThat(r.cells().get(0)).isEqualTo(term.label());
            assertThat(r.cells().get(2)).startsWith("第 ");
            assertThat(r.link()).contains("termId=" + term.id());
        });
        assertThat(as("teacher2", () -> assessmentWork.tables(teacher, years, java.util.Locale.SIMPLIFIED_CHINESE))).isEmpty();
    }

    @Test
    void theShortlistPageProposesAndTheOfficeConfirms() throws Exception {
        int year = terms.current().orElseThrow().schoolYear();
        mvc.perform(get("/scorecards/shortlists").with(TestUsers.as(users, "jks"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("教科研先进个人")))
                .andExpect(content().string(containsString("优秀青蓝结对")))
                .andExpect(content().string(containsString("table-success")));
        mvc.perform(get("/scorecards/shortlists").with(TestUsers.as(users, "teacher"))).andExpect(status().isForbidden());
        long pair = as("jks", () -> shortlists.candidates(year)).get(Shortlists.Kind.MENTOR_PAIR).get(0).subjectId();
        mvc.perform(post("/scorecards/shortlists/MENTOR_PAIR").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("year", String.valueOf(year)).param("subjectId", String.valueOf(pair)))
                .andExpect(status().is3xxRedirection());
        assertThat(as("jks", () -> shortlists.confirmed(year))).anyMatch(c -> c.kind() == Shortlists.Kind.MENTOR_PAIR && c.subjectId() == pair);
        mvc.perform(post("/scorecards/shortlists/MENTOR_PAIR").with(TestUsers.as(users, "teacher")).with(csrf())
                .param("year", String.valueOf(year)).param("subjectId", String.valueOf(pair))).andExpect(status().isForbidden());
    }

    @Test
    void aRefusedLeaveKeepsWhatWasTypedAndSaysWhyAtTheField() throws Exception {
        SchoolTerm term = terms.current().orElseThrow();
        long me = user("teacher").personId();
        mvc.perform(post("/scorecards/records/leave").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("termId", String.valueOf(term.id())).param("personId", String.valueOf(me))
                        .param("from", term.endDate().plusDays(3).toString()).param("to", term.endDate().plusDays(5).toString())
                        .param("reason", "外出培训（测试）"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期须在本学期内")))
                .andExpect(content().string(containsString("value=\"外出培训（测试）\"")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(as("jks", () -> results.leaves(term.id()))).noneMatch(l -> l.reason().contains("测试"));
        mvc.perform(post("/scorecards/records/entries").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("termId", String.valueOf(term.id())).param("level", "TEACHERS").param("subjectId", String.valueOf(me))
                        .param("itemCode", "d-paper").param("title", "").param("on", term.startDate().plusDays(3).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void aMalformedAppealDeadlineIsRefusedAndTheDeadlineStays() throws Exception {
        SchoolTerm term = term(2018);
        LocalDate deadline = LocalDate.of(2019, 1, 10);
        run("jks", () -> results.setAppealDeadline(term.id(), results.settings(term.id()).version(), deadline));
        int version = as("jks", () -> results.settings(term.id())).version();
        mvc.perform(post("/scorecards/deadline").with(TestUsers.as(users, "jks")).with(csrf())
                        .param("termId", String.valueOf(term.id())).param("version", String.valueOf(version))
                        .param("appealDeadline", "2019-01-40"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("flashError"));
        assertThat(as("jks", () -> results.settings(term.id())).appealDeadline()).isEqualTo(deadline);
    }
}
