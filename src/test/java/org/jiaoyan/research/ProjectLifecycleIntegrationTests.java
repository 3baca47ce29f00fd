package org.jiaoyan.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.research.ProjectStages.DecisionData;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A project's life through the services: every decision, the member-task rule, who may read, edit and decide. */
@JiaoyanIntegrationTest
class ProjectLifecycleIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Projects projects;
    @Autowired ProjectStages stages;
    @Autowired JdbcClient jdbc;
    @Autowired org.jiaoyan.org.People people;

    private ResearchFixtures fx;
    private CurrentUser jks;

    @BeforeEach
    void fixtures() {
        fx = new ResearchFixtures(users, projects, stages, jdbc, people);
        jks = fx.user("jks");
    }

    private Project read(long id) {
        return Access.as(jks, () -> projects.get(id));
    }

    private List<String> problems(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.problems().stream().map(FieldProblem::messageKey).toList();
        }
        throw new AssertionError("no validation error");
    }

    @Test
    void aMemberWithoutATaskStopsTheApplicationAndIsNamed() {
        List<Long> people = fx.teachers(140, 3);
        long id = fx.project("挂名检查课题", people);
        fx.document(id, "申报书.txt");
        Access.as(jks, () -> projects.addTask(id, people.get(0), "文献综述", LocalDate.now().plusMonths(1)));
        ValidationException e = Access.as(jks, () -> {
            try {
                stages.submit(id, projects.get(id).version());
                return null;
            } catch (ValidationException ex) {
                return ex;
            }
        });
        assertThat(e).isNotNull();
        FieldProblem p = e.problems().get(0);
        assertThat(p.messageKey()).isEqualTo("research.members.withoutTask");
        String idle = (String) p.args()[0];
        String name1 = jdbc.sql("select name from person where id = ?").param(people.get(1)).query(String.class).single();
        String name0 = jdbc.sql("select name from person where id = ?").param(people.get(0)).query(String.class).single();
        assertThat(idle).contains(name1).doesNotContain(name0);
        assertThat(read(id).stage()).isEqualTo(ProjectStage.APPLICATION);

        fx.taskEach(id);
        Access.as(jks, () -> {
            stages.submit(id, projects.get(id).version());
            return null;
        });
        assertThat(Access.as(jks, () -> stages.stages(id)).get(0).waiting()).isTrue();
    }

    @Test
    void aStageNeedsItsDocumentBeforeSubmission() {
        List<Long> people = fx.teachers(143, 1);
        long id = fx.project("无材料课题", people);
        fx.taskEach(id);
        assertThat(problems(() -> Access.as(jks, () -> {
            stages.submit(id, projects.get(id).version());
            return null;
        }))).containsExactly("research.stage.documentMissing");
    }

    @Test
    void everyDecisionMovesTheLifeAsAnOfficeExpects() {
        List<Long> people = fx.teachers(144, 2);
        long id = fx.project("全流程课题", people);
        fx.taskEach(id);
        fx.submit(id);
        // 立项 needs its number; 修改后通过 needs a comment
        assertThat(problems(() -> fx.decide(jks, id, new DecisionData(Decision.PASS, null, null, null))))
                .containsExactly("research.approval.numberRequired");
        assertThat(problems(() -> fx.decide(jks, id, new DecisionData(Decision.PASS_REVISED, " ", "X-1", null))))
                .containsExactly("research.decision.commentRequired");
        fx.decide(jks, id, new DecisionData(Decision.PASS_REVISED, "请补充研究方法", "SY2026-" + id, "实小〔2026〕3号"));
        Project p = read(id);
        assertThat(p.stage()).isEqualTo(ProjectStage.OPENING);
        assertThat(p.projectNo()).isEqualTo("SY2026-" + id);
        assertThat(p.approvedOn()).isEqualTo(LocalDate.now());
        assertThat(p.groupId()).as("立项 makes the 课题组").isNotNull();
        assertThat(jdbc.sql("select count(*) from unit_member where unit_id = ?").param(p.groupId()).query(Long.class).single())
                .isEqualTo(2);
        List<StageRecord> s = Access.as(jks, () -> stages.stages(id));
        assertThat(s.get(1).dueDate()).as("开题 due a month after 立项").isEqualTo(LocalDate.now().plusMonths(1));
        assertThat(s.get(3).dueDate()).as("结题 at the end date").isEqualTo(p.endDate());

        // 开题 fails: stays at 开题, is filed again, then passes
        fx.submit(id);
        assertThat(problems(() -> fx.submit(id))).contains("research.stage.alreadySubmitted");
        fx.decide(jks, id, new DecisionData(Decision.FAIL, "研究目标不清", null, null));
        assertThat(read(id).stage()).isEqualTo(ProjectStage.OPENING);
        fx.submit(id);
        fx.decide(jks, id, new DecisionData(Decision.PASS, null, null, null));
        assertThat(read(id).stage()).isEqualTo(ProjectStage.MIDTERM);
        fx.submit(id);
        fx.decide(jks, id, new DecisionData(Decision.PASS, "进展良好", null, null));
        fx.submit(id);
        fx.decide(jks, id, new DecisionData(Decision.PASS, null, null, null));
        assertThat(read(id).stage()).isEqualTo(ProjectStage.DISSEMINATION);
        fx.submit(id);
        fx.decide(jks, id, new DecisionData(Decision.PASS, null, null, null));
        assertThat(read(id).stage()).isEqualTo(ProjectStage.CLOSED);
        assertThat(Access.as(jks, () -> projects.canEdit(projects.get(id)))).as("a closed project is read-only").isFalse();
        assertThat(groupLive(p.groupId())).as("the 课题组 ends with the project: no more group or member rules").isFalse();

        List<StageEvent> history = Access.as(jks, () -> stages.history(id));
        assertThat(history).filteredOn(e -> e.action().equals("DECIDE")).extracting(StageEvent::decision)
                .containsExactly(Decision.PASS, Decision.PASS, Decision.PASS, Decision.PASS, Decision.FAIL, Decision.PASS_REVISED);
        assertThat(history).anySatisfy(e -> assertThat(e.comment()).isEqualTo("研究目标不清"));
    }

    @Test
    void aDeletedProjectTakesItsGroupToTheBinAndARestoredOneBringsItBack() {
        long id = fx.approved("回收站课题", fx.teachers(148, 2));
        Project p = read(id);
        long group = java.util.Objects.requireNonNull(p.groupId());
        assertThat(groupLive(group)).isTrue();
        Access.as(jks, () -> {
            projects.delete(id, p.version());
            return null;
        });
        assertThat(groupLive(group)).as("a deleted project's 课题组 leaves the rules and the activity form").isFalse();
        Access.as(jks, () -> {
            projects.restore(id);
            return null;
        });
        assertThat(groupLive(group)).as("restored with its project").isTrue();
        assertThat(jdbc.sql("select count(*) from unit_member where unit_id = ?").param(group).query(Long.class).single())
                .as("with its members").isEqualTo(2);
    }

    private boolean groupLive(@org.jspecify.annotations.Nullable Long group) {
        return group != null && jdbc.sql("select count(*) from org_unit where id = ? and deleted_at is null").param(group)
                .query(Long.class).single() > 0;
    }

    @Test
    void aFailedApplicationIsNotApproved() {
        List<Long> people = fx.teachers(146, 1);
        long id = fx.project("不予立项课题", people);
        fx.taskEach(id);
        fx.submit(id);
        fx.decide(jks, id, new DecisionData(Decision.FAIL, "选题过大", null, null));
        Project p = read(id);
        assertThat(p.stage()).isEqualTo(ProjectStage.REJECTED);
        assertThat(p.groupId()).isNull();
        assertThat(p.projectNo()).isNull();
    }

    @Test
    void aLateStageShowsAndAStaleDecisionIsRefused() {
        List<Long> people = fx.teachers(147, 1);
        long id = fx.approved("逾期课题", people);
        Access.as(jks, () -> {
            stages.setDue(id, ProjectStage.OPENING, LocalDate.now().minusDays(3));
            return null;
        });
        StageRecord opening = Access.as(jks, () -> stages.stages(id)).get(1);
        assertThat(opening.late(LocalDate.now())).isTrue();
        int stale = read(id).version();
        fx.submit(id);
        assertThatThrownBy(() -> Access.as(jks, () -> {
            stages.decide(id, stale, new DecisionData(Decision.PASS, null, null, null));
            return null;
        })).isInstanceOf(StaleEditException.class);
        StageRecord submitted = Access.as(jks, () -> stages.stages(id)).get(1);
        assertThat(submitted.late(LocalDate.now())).as("submitted after its due date").isTrue();
    }

    @Test
    void membersReadTheirProjectOthersDoNotAndOnlyTheOrganiserDecides() {
        List<Long> people = fx.teachers(148, 2);
        long id = fx.project("权限课题", people);
        fx.taskEach(id);
        fx.submit(id);
        CurrentUser lead = ResearchFixtures.person(people.get(0), jks.institutionId());
        CurrentUser member = ResearchFixtures.person(people.get(1), jks.institutionId());
        CurrentUser outsider = ResearchFixtures.person(fx.teachers(150, 1).get(0), jks.institutionId());
        assertThat(Access.as(member, () -> projects.get(id).title())).isEqualTo("权限课题");
        assertThatThrownBy(() -> Access.as(outsider, () -> projects.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(fx.user("teacher2"), () -> projects.get(id))).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(fx.user("principal"), () -> projects.get(id).id())).isEqualTo(id);
        assertThatThrownBy(() -> Access.as(fx.user("county"), () -> projects.get(id)))
                .as("a school-level project is the school's own business").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(member, () -> projects.editable(id))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> fx.decide(lead, id, new DecisionData(Decision.PASS, null, "Z-1", null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(Access.as(member, () -> projects.list(Projects.Filter.none(), new org.jiaoyan.shared.PageQuery(1, 200, null, false))
                .items())).extracting(Project::id).contains(id);
        assertThat(Access.as(outsider, () -> projects.list(Projects.Filter.none(), new org.jiaoyan.shared.PageQuery(1, 200, null, false))
                .items())).extracting(Project::id).doesNotContain(id);
        // a teacher applies for their own project but not in someone else's name
        assertThat(problems(() -> Access.as(outsider, () -> projects.create(new ProjectData(jks.institutionId(), null, null,
                ProjectLevel.PERSONAL, false, "代人申报", people.get(0), null, null, null, null))))).containsExactly("research.lead.self");
        long own = Access.as(outsider, () -> projects.create(new ProjectData(jks.institutionId(), null, null,
                ProjectLevel.PERSONAL, false, "我的个人课题", outsider.personId(), null, null, null, null)));
        assertThat(Access.as(outsider, () -> projects.get(own).leadName())).isNotBlank();
    }

    @Test
    void aCountyRoundIsDecidedByTheCountyAndReadByIt() {
        CurrentUser county = fx.user("county");
        long round = Access.as(county, () -> projects.createRound(county.institutionId(), "县级个人课题（测试" + System.nanoTime() % 100000 + "）",
                ProjectLevel.PERSONAL, LocalDate.now().plusMonths(1)));
        List<Long> people = fx.teachers(151, 1);
        long id = Access.as(jks, () -> projects.create(new ProjectData(jks.institutionId(), round, null,
                ProjectLevel.PERSONAL, false, "县级个人课题：绘本阅读", people.get(0), null, null, null, null)));
        assertThat(read(id).organizerId()).isEqualTo(county.institutionId());
        assertThat(Access.as(county, () -> projects.get(id).title())).contains("绘本阅读");
        fx.taskEach(id);
        fx.submit(id);
        assertThatThrownBy(() -> fx.decide(jks, id, new DecisionData(Decision.PASS, null, "X-" + id, null)))
                .as("the school does not approve a county round's project").isInstanceOf(ForbiddenException.class);
        fx.decide(county, id, new DecisionData(Decision.PASS, null, "XJ7-" + id, "县教研室〔2026〕7号"));
        assertThat(read(id).stage()).isEqualTo(ProjectStage.OPENING);
        assertThat(read(id).groupId()).as("a personal project has no 课题组").isNull();
        assertThatThrownBy(() -> Access.as(fx.user("teacher2"), () -> projects.createRound(jks.institutionId(), "x",
                ProjectLevel.SCHOOL, null))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void subProjectsHangUnderAMainProjectOfTheSameSchoolOnly() {
        List<Long> people = fx.teachers(152, 2);
        long main = fx.project("主课题", people.subList(0, 1));
        long sub = Access.as(jks, () -> projects.create(new ProjectData(jks.institutionId(), null, main, ProjectLevel.SCHOOL,
                false, "一级子课题", people.get(1), null, null, null, null)));
        assertThat(Access.as(jks, () -> projects.children(main))).extracting(Project::id).containsExactly(sub);
        assertThat(problems(() -> Access.as(jks, () -> projects.create(new ProjectData(jks.institutionId(), null, sub,
                ProjectLevel.SCHOOL, false, "二级子课题", people.get(1), null, null, null, null)))))
                .containsExactly("research.parent.invalid");
        Project p = read(main);
        assertThat(problems(() -> Access.as(jks, () -> {
            projects.update(main, p.version(), new ProjectData(jks.institutionId(), null, null, ProjectLevel.SCHOOL, false,
                    " ", p.leadId(), null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 3, 1), null));
            return null;
        }))).containsExactly("validation.required", "research.dates.order");
    }
}
