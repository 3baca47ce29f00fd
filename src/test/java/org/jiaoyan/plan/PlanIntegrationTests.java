package org.jiaoyan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Plans through the services: templates, owners, workflow, permissions across schools, revisions, status, tasks. */
@JiaoyanIntegrationTest
class PlanIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Plans plans;
    @Autowired PlanItems items;
    @Autowired Terms terms;
    @Autowired OrgUnits units;

    private PlanFixtures fx;

    @org.junit.jupiter.api.BeforeEach
    void fixtures() {
        fx = new PlanFixtures(users, plans, items, terms, units);
    }

    private CurrentUser user(String name) {
        return fx.user(name);
    }

    private int y() {
        return fx.y();
    }

    private SchoolTerm term() {
        return fx.term();
    }

    private long schoolPlan(String title) {
        return fx.draft(title);
    }

    private void publish(long id) {
        fx.publish(id);
    }

    private PlanItem itemNamed(long planId, String content) {
        return fx.item(planId, content);
    }

    @Test
    void templateFillsSectionsAndScheduleWithOwnersResolvedToUnits() {
        long id = schoolPlan("模板计划");
        List<PlanSection> sections = Access.as(user("jks"), () -> plans.sections(id));
        assertThat(sections).extracting(PlanSection::title).contains("一、指导思想", "四、具体工作安排");
        PlanItem weekly = itemNamed(id, "教研组教学研讨活动");
        assertThat(weekly.time().kind()).isEqualTo(TimeKind.WEEKLY);
        assertThat(weekly.owners()).isNotEmpty().allMatch(Party::leadersOnly);
        assertThat(weekly.owners()).extracting(Party::name).contains("语文教研组");
        PlanItem first = itemNamed(id, "制定学校教科室工作计划");
        assertThat(first.time().months()).containsExactly(9);
        assertThat(first.periodStart()).isEqualTo(LocalDate.of(y(), 9, 1));
        assertThat(first.owners()).extracting(Party::name).containsExactly("教科室");
        PlanItem lastMonth = itemNamed(id, "学期教科研工作总结");
        assertThat(lastMonth.time().months()).containsExactly(1);
        assertThat(lastMonth.periodEnd()).isEqualTo(term().endDate());
    }

    @Test
    void draftIsHiddenFromTeachersAndOtherSchoolsAndPublishedPlanIsVisibleToStaffAndCounty() {
        long id = schoolPlan("可见性计划");
        assertThatThrownBy(() -> Access.as(user("teacher"), () -> plans.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(user("county"), () -> plans.get(id))).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(user("principal"), () -> plans.get(id)).status()).isEqualTo(PlanStatus.DRAFT);

        publish(id);

        assertThat(Access.as(user("teacher"), () -> plans.get(id)).status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(Access.as(user("county"), () -> plans.list(new PlanFilter(null, null, null, "可见性计划"),
                new PageQuery(1, 20, null, false))).items()).extracting(PlanRow::id).containsExactly(id);
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> plans.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> items.items(id))).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(user("teacher2"), () -> plans.list(new PlanFilter(null, null, null, "可见性计划"),
                new PageQuery(1, 20, null, false))).total()).isZero();
    }

    @Test
    void teacherAndPrincipalCannotEditTheOfficesPlan() {
        long id = schoolPlan("权限计划");
        publish(id);
        PlanItem item = itemNamed(id, "青蓝工程师徒结对");
        ItemData change = new ItemData(item.category(), "改过的内容", "10月", null, "教科室", null, RecordKind.NONE);
        assertThatThrownBy(() -> Access.as(user("teacher"), () -> {
            items.update(item.id(), item.version(), change, "想改");
            return null;
        })).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Access.as(user("principal"), () -> {
            items.update(item.id(), item.version(), change, "想改");
            return null;
        })).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Access.as(user("county"), () -> {
            items.update(item.id(), item.version(), change, "想改");
            return null;
        })).isInstanceOf(ForbiddenException.class);
        assertThat(itemNamed(id, "青蓝工程师徒结对").version()).isEqualTo(item.version());
    }

    @Test
    void workflowRefusesStepsOutOfOrderAndStaleVersions() {
        long id = schoolPlan("流程计划");
        assertThatThrownBy(() -> Access.as(user("principal"), () -> {
            plans.approve(id, plans.get(id).version(), null);
            return null;
        })).isInstanceOf(ValidationException.class);
        Plan p = Access.as(user("jks"), () -> plans.get(id));
        Access.as(user("jks"), () -> {
            plans.submit(id, p.version());
            return null;
        });
        assertThatThrownBy(() -> Access.as(user("jks"), () -> {
            plans.approve(id, plans.get(id).version(), null);
            return null;
        })).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Access.as(user("principal"), () -> {
            plans.reject(id, plans.get(id).version(), " ");
            return null;
        })).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Access.as(user("principal"), () -> {
            plans.approve(id, p.version(), null);
            return null;
        })).isInstanceOf(StaleEditException.class);
        Access.as(user("principal"), () -> {
            plans.reject(id, plans.get(id).version(), "请补充课题安排");
            return null;
        });
        Plan back = Access.as(user("jks"), () -> plans.get(id));
        assertThat(back.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(back.reviewNote()).isEqualTo("请补充课题安排");
    }

    @Test
    void changesAfterPublishingNeedAReasonAndAreKeptAsRevisions() {
        long id = schoolPlan("修订计划");
        publish(id);
        PlanItem item = itemNamed(id, "校级论文评选");
        ItemData moved = new ItemData(item.category(), item.content(), "12月", null, "教科室", null, RecordKind.NONE);
        assertThatThrownBy(() -> Access.as(user("jks"), () -> {
            items.update(item.id(), item.version(), moved, null);
            return null;
        })).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).field()).isEqualTo("reason"));
        Access.as(user("jks"), () -> {
            items.update(item.id(), item.version(), moved, "区里评选提前");
            return null;
        });
        Plan p = Access.as(user("jks"), () -> plans.get(id));
        assertThat(p.revision()).isEqualTo(1);
        List<HistoryEntry> history = Access.as(user("teacher"), () -> plans.history(id));
        assertThat(history.get(0).action()).isEqualTo("REVISE");
        assertThat(history.get(0).reason()).isEqualTo("区里评选提前");
        assertThat(history.get(0).changes()).contains("11月").contains("12月");
        assertThat(history).extracting(HistoryEntry::action).contains("PUBLISH", "APPROVE", "SUBMIT", "CREATE");
    }

    @Test
    void statusComesFromLinkedRecordsAndDatesAndOwnerMarksDone() {
        long id = schoolPlan("状态计划");
        publish(id);
        LocalDate october = LocalDate.of(y(), 10, 15);
        PlanItem lesson = itemNamed(id, "青年教师汇报课");
        assertThat(lesson.recordKind()).isEqualTo(RecordKind.ACTIVITY);
        assertThat(lesson.status(october)).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(lesson.status(LocalDate.of(y(), 11, 2))).isEqualTo(ItemStatus.OVERDUE);
        assertThat(lesson.status(LocalDate.of(y(), 9, 2))).isEqualTo(ItemStatus.NOT_STARTED);
        Access.as(user("jks"), () -> {
            items.linkRecord(lesson.id(), "activity", 4711L, "青年教师汇报课（语文）", october);
            items.linkRecord(lesson.id(), "activity", 4711L, "青年教师汇报课（语文）", october);
            return null;
        });
        PlanItem linked = itemNamed(id, "青年教师汇报课");
        assertThat(linked.recordCount()).isEqualTo(1);
        assertThat(linked.status(LocalDate.of(y(), 11, 2))).isEqualTo(ItemStatus.DONE);

        PlanItem pairing = itemNamed(id, "青蓝工程师徒结对");
        Access.as(user("jks"), () -> {
            items.markDone(pairing.id(), pairing.version(), "结对12对");
            return null;
        });
        assertThat(itemNamed(id, "青蓝工程师徒结对").status(LocalDate.of(y(), 12, 1))).isEqualTo(ItemStatus.DONE);
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> {
            items.markDone(pairing.id(), pairing.version() + 1, "x");
            return null;
        })).isInstanceOf(NotFoundException.class);
    }

    @Test
    void groupLeaderFindsTheGroupLeadersItemsInMyTasksAndCanMarkThemDone() {
        long id = schoolPlan("任务计划");
        publish(id);
        List<TaskRow> tasks = Access.as(user("zuzhang"), () -> items.myTasks(term().id(), false, LocalDate.of(y(), 9, 10)));
        assertThat(tasks).extracting(t -> t.item().content()).contains("教研组教学研讨活动")
                .doesNotContain("青蓝工程师徒结对");
        assertThat(Access.as(user("teacher"), () -> items.myTasks(term().id(), false, LocalDate.of(y(), 9, 10))))
                .extracting(t -> t.item().content()).doesNotContain("青蓝工程师徒结对", "教研组教学研讨活动");
        assertThat(Access.as(user("teacher2"), () -> items.myTasks(term().id(), false, LocalDate.of(y(), 9, 10))))
                .extracting(TaskRow::planTitle).doesNotContain("任务计划");
        PlanItem plan = itemNamed(id, "各教研组、课题组制定学期计划");
        assertThat(Access.as(user("zuzhang"), () -> items.isOwner(plan.id()))).isTrue();
        // 上传材料: the leader's upload fulfils the group's part, not a button
        assertThatThrownBy(() -> Access.as(user("zuzhang"), () -> {
            items.markDone(plan.id(), plan.version(), "已上交");
            return null;
        })).isInstanceOf(ValidationException.class);
        Access.as(user("zuzhang"), () -> items.addEvidence(plan.id(),
                new org.jiaoyan.files.StoredFile("k-plan-upload", 10, "语文组学期计划.docx", "application/octet-stream")));
        PlanItem uploaded = itemNamed(id, "各教研组、课题组制定学期计划");
        assertThat(uploaded.sharesDone()).isEqualTo(1);
        assertThat(Access.as(user("zuzhang"), () -> items.myTasks(term().id(), false, LocalDate.of(y(), 9, 10))))
                .filteredOn(t -> t.item().id() == plan.id()).extracting(TaskRow::status).containsExactly(ItemStatus.DONE);
        assertThatThrownBy(() -> Access.as(user("teacher"), () -> {
            items.markDone(plan.id(), plan.version() + 1, "x");
            return null;
        })).isInstanceOfAny(ForbiddenException.class, ValidationException.class);
    }

    @Test
    void copyForwardShiftsMonthsIntoTheNextTermAsADraft() {
        long id = schoolPlan("复制源计划");
        SchoolTerm next = Access.asSystem(() -> terms.all().stream().filter(t -> t.schoolYear() == term().schoolYear() && t.semester() == 2)
                .findFirst().orElseThrow());
        long copy = Access.as(user("jks"), () -> plans.copyForward(id, next.id(), "下学期计划"));
        Plan p = Access.as(user("jks"), () -> plans.get(copy));
        assertThat(p.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(p.termId()).isEqualTo(next.id());
        PlanItem september = itemNamed(copy, "制定学校教科室工作计划");
        assertThat(september.time().months()).containsExactly(2);
        assertThat(september.periodStart()).isEqualTo(next.startDate());
        assertThat(Access.as(user("jks"), () -> plans.sections(copy))).hasSize(4);
    }

    @Test
    void badItemInputGetsFieldErrorsAndNothingIsSaved() {
        long id = schoolPlan("校验计划");
        int before = Access.as(user("jks"), () -> items.items(id)).size();
        assertThatThrownBy(() -> Access.as(user("jks"), () -> items.create(id,
                new ItemData("x", " ", "13月", null, null, null, RecordKind.NONE), null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(ValidationException.FieldProblem::field)
                        .containsExactlyInAnyOrder("content", "time"));
        assertThatThrownBy(() -> Access.as(user("jks"), () -> items.create(id,
                new ItemData("x", "三月的事", "3月", null, null, null, RecordKind.NONE), null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).messageKey()).isEqualTo("plan.time.outsideTerm"));
        assertThat(Access.as(user("jks"), () -> items.items(id))).hasSize(before);
        long created = Access.as(user("jks"), () -> items.create(id,
                new ItemData("队伍建设", "青年教师过关课", "第3—4周", null, "王丽、全体", null, RecordKind.OBSERVATION), null));
        PlanItem item = Access.as(user("jks"), () -> items.get(created));
        assertThat(item.time().weeks()).containsExactly(3, 4);
        assertThat(item.ownerAll()).isTrue();
        assertThat(item.periodStart()).isEqualTo(term().weekStart(3));
    }

    @Test
    void hospitalTemplateChecksEveryWeekRotatesTrainingAndTheDrillIsDoneWhenEveryonePassed() {
        CurrentUser county = user("county");
        long office = county.institutionId();
        long id = Access.as(county, () -> plans.create(new PlanData(office, term().id(), "科室护理工作计划",
                PlanTemplate.HOSPITAL_DEPARTMENT, 3)));
        List<PlanItem> all = Access.as(county, () -> items.items(id));
        var perWeek = all.stream().filter(i -> "质量控制".equals(i.category()))
                .collect(java.util.stream.Collectors.groupingBy(i -> i.time().weeks().get(0), java.util.stream.Collectors.counting()));
        assertThat(perWeek).hasSize(term().weekCount());
        assertThat(perWeek.values()).allMatch(n -> n >= 1 && n <= 2);
        List<String> speakers = all.stream().filter(i -> "业务学习".equals(i.category())).map(PlanItem::ownerText).toList();
        assertThat(speakers).hasSize(5); // one a month, September to January
        assertThat(new java.util.HashSet<>(speakers)).hasSizeGreaterThan(1);
        assertThat(all.stream().filter(i -> "业务学习".equals(i.category()))).allMatch(i -> i.owners().size() == 1);

        PlanItem drill = all.stream().filter(i -> i.recordKind() == RecordKind.PASS_EACH).findFirst().orElseThrow();
        assertThat(drill.requiredCount()).isEqualTo(6);
        Access.as(county, () -> {
            plans.submit(id, plans.get(id).version());
            plans.approve(id, plans.get(id).version(), null);
            plans.publish(id, plans.get(id).version());
            return null;
        });
        List<PlanItems.PassRow> staff = Access.as(county, () -> items.passes(drill.id()));
        assertThat(staff).hasSize(6);
        LocalDate later = drill.periodStart().plusDays(3);
        for (int n = 0; n < staff.size(); n++) {
            assertThat(Access.as(county, () -> items.get(drill.id())).status(later)).isNotEqualTo(ItemStatus.DONE);
            long person = staff.get(n).personId();
            Access.as(county, () -> {
                items.recordPass(drill.id(), person, null);
                return null;
            });
        }
        assertThat(Access.as(county, () -> items.get(drill.id())).status(later)).isEqualTo(ItemStatus.DONE);
        assertThat(Access.as(county, () -> items.passes(drill.id()))).allMatch(p -> p.passedAt() != null);
        long stranger = user("teacher2").personId();
        assertThatThrownBy(() -> Access.as(county, () -> {
            items.recordPass(drill.id(), stranger, null);
            return null;
        })).isInstanceOf(ValidationException.class);
    }

    @Test
    void deletedPlanGoesToTheOfficesRecycleBinAndComesBack() {
        long id = schoolPlan("回收站计划");
        Access.as(user("jks"), () -> {
            plans.delete(id, plans.get(id).version());
            return null;
        });
        assertThatThrownBy(() -> Access.as(user("jks"), () -> plans.get(id))).isInstanceOf(NotFoundException.class);
        assertThat(Access.as(user("jks"), () -> plans.recycleBin())).extracting(PlanRow::id).contains(id);
        assertThat(Access.as(user("principal"), () -> plans.recycleBin())).extracting(PlanRow::id).doesNotContain(id);
        assertThat(Access.as(user("teacher2"), () -> plans.recycleBin())).extracting(PlanRow::id).doesNotContain(id);
        assertThatThrownBy(() -> Access.as(user("teacher2"), () -> {
            plans.restore(id);
            return null;
        })).isInstanceOf(NotFoundException.class);
        Access.as(user("jks"), () -> {
            plans.restore(id);
            return null;
        });
        assertThat(Access.as(user("jks"), () -> plans.get(id)).title()).isEqualTo("回收站计划");
        assertThat(Access.as(user("jks"), () -> items.items(id))).isNotEmpty();
    }
}
