package org.jiaoyan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Terms;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.security.DataScope;
import org.jiaoyan.security.Role;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An item with several owners is done per owner (9/16 组已完成): one teacher cannot close a school-wide item, an item
 * whose evidence is records is done by records, a manager closes with a reason, and 完成人 is a name.
 */
@JiaoyanIntegrationTest
class PlanItemSharesIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Plans plans;
    @Autowired PlanItems items;
    @Autowired Terms terms;
    @Autowired OrgUnits units;
    @Autowired JdbcClient jdbc;

    private PlanFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new PlanFixtures(users, plans, items, terms, units);
    }

    @Test
    void anOrdinaryTeacherCannotCloseTheWeeklyCollectivePreparationOfEveryGroup() {
        long id = fx.published("集体备课分组计划");
        PlanItem prep = fx.item(id, "备课组集体备课研讨活动");
        assertThat(prep.shareCount()).as("one part per 备课组").isGreaterThan(1);
        int before = progress(id);

        for (String who : List.of("teacher", "zuzhang")) {
            assertThatThrownBy(() -> Access.as(fx.user(who), () -> {
                items.markDone(prep.id(), prep.version(), "我们组做了");
                return null;
            })).as(who).isInstanceOfAny(ValidationException.class, ForbiddenException.class);
        }
        PlanItem after = fx.item(id, "备课组集体备课研讨活动");
        assertThat(after.state()).isEqualTo(ItemState.OPEN);
        assertThat(after.sharesDone()).isZero();
        assertThat(progress(id)).isEqualTo(before);
        // the other school's teacher does not even see it
        assertThatThrownBy(() -> Access.as(fx.user("teacher2"), () -> {
            items.markDone(prep.id(), prep.version(), "x");
            return null;
        })).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aGroupsActivityFulfilsThatGroupsPartOnlyAndTheGroupSeesItDoneInItsTasks() {
        long id = fx.published("集体备课记录计划");
        PlanItem prep = fx.item(id, "集体备课专题研讨");   // 各备课组长, 教研活动, one month
        List<ItemShare> shares = Access.as(fx.user("jks"), () -> items.shares(prep.id()));
        ItemShare first = shares.get(0);
        assertThat(first.unitId()).isNotNull();
        LocalDate inside = prep.periodStart().plusDays(1);
        Access.as(fx.user("jks"), () -> {
            items.linkRecord(prep.id(), "activity", 990001L, "一年级语文集体备课", inside, first.unitId());
            return null;
        });
        PlanItem after = fx.item(id, "集体备课专题研讨");
        assertThat(after.sharesDone()).isEqualTo(1);
        assertThat(after.shareCount()).isEqualTo(shares.size());
        assertThat(after.status(prep.periodEnd().plusDays(3))).as("the other groups have not met").isEqualTo(ItemStatus.OVERDUE);
        assertThat(Access.as(fx.user("jks"), () -> items.shares(prep.id())))
                .filteredOn(ItemShare::done).extracting(ItemShare::unitId).containsExactly(first.unitId());

        // the leader of the group that met sees its part done; the leader of another group still sees it open
        OrgUnit met = Access.asSystem(() -> units.get(first.unitId()));
        OrgUnit other = Access.asSystem(() -> units.get(shares.get(1).unitId()));
        assertThat(met.leaderId()).isNotNull();
        assertThat(other.leaderId()).isNotNull();
        LocalDate today = prep.periodStart().plusDays(2);
        assertThat(statusInTasks(leader(met), id, "集体备课专题研讨", today)).isEqualTo(ItemStatus.DONE);
        assertThat(statusInTasks(leader(other), id, "集体备课专题研讨", today)).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(Access.as(leader(other), () -> items.myTasks(fx.term().id(), true, today)))
                .extracting(t -> t.item().id()).contains(prep.id());
        assertThat(Access.as(leader(met), () -> items.myTasks(fx.term().id(), true, today)))
                .extracting(t -> t.item().id()).doesNotContain(prep.id());

        // every group meets: the item is done
        for (ItemShare s : shares.subList(1, shares.size())) {
            Access.as(fx.user("jks"), () -> {
                items.linkRecord(prep.id(), "activity", 990100L + s.id(), "集体备课", inside, s.unitId());
                return null;
            });
        }
        assertThat(fx.item(id, "集体备课专题研讨").status(today)).isEqualTo(ItemStatus.DONE);
    }

    @Test
    void eachLeaderMarksOnlyTheirOwnPartOfAnItemTheyShare() {
        long id = fx.draft("分工计划");
        int month = fx.term().startDate().getMonthValue();
        long itemId = Access.as(fx.user("jks"), () -> items.create(id, new ItemData("计划与制度", "各教研组提交学期活动安排",
                month + "月", null, "各教研组长", null, RecordKind.NONE), null));
        fx.publish(id);
        PlanItem item = Access.as(fx.user("jks"), () -> items.get(itemId));
        assertThat(item.shareCount()).isGreaterThan(1);
        int before = progress(id);

        // an ordinary member of the Chinese group is not its leader: no part to mark
        assertThatThrownBy(() -> Access.as(fx.user("teacher"), () -> {
            items.markDone(itemId, item.version(), "x");
            return null;
        })).isInstanceOf(ForbiddenException.class);

        Access.as(fx.user("zuzhang"), () -> {
            items.markDone(itemId, item.version(), "语文组已上交");
            return null;
        });
        PlanItem after = Access.as(fx.user("jks"), () -> items.get(itemId));
        assertThat(after.sharesDone()).isEqualTo(1);
        assertThat(after.state()).isEqualTo(ItemState.OPEN);
        assertThat(after.status(after.periodStart())).isNotEqualTo(ItemStatus.DONE);
        assertThat(progress(id)).as("the plan's progress does not move for one group").isEqualTo(before);
        ItemShare mine = Access.as(fx.user("jks"), () -> items.shares(itemId)).stream().filter(ItemShare::done)
                .findFirst().orElseThrow();
        assertThat(mine.name()).contains("语文");
        assertThat(mine.doneByName()).isEqualTo(fx.user("zuzhang").displayName()).isNotEqualTo("zuzhang");
        assertThat(mine.note()).isEqualTo("语文组已上交");

        // a manager who is not one of the owners (here the system administrator): 标记完成 asks for a close with a reason
        assertThatThrownBy(() -> Access.asSystem(() -> {
            items.markDone(itemId, after.version(), "x");
            return null;
        })).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).messageKey()).isEqualTo("plan.item.closeInstead"));
        // only a manager cancels an item of several owners
        assertThatThrownBy(() -> Access.as(fx.user("zuzhang"), () -> {
            items.cancel(itemId, after.version(), "不做了");
            return null;
        })).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aManagerClosesARecordsItemOnlyWithAReasonAndTheDoerIsShownByName() {
        long id = fx.published("关闭计划");
        PlanItem lesson = fx.item(id, "青年教师汇报课");
        assertThatThrownBy(() -> Access.as(fx.user("jks"), () -> {
            items.markDone(lesson.id(), lesson.version(), "x");
            return null;
        })).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Access.as(fx.user("jks"), () -> {
            items.close(lesson.id(), lesson.version(), " ");
            return null;
        })).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Access.as(fx.user("zuzhang"), () -> {
            items.close(lesson.id(), lesson.version(), "x");
            return null;
        })).isInstanceOf(ForbiddenException.class);
        Access.as(fx.user("jks"), () -> {
            items.close(lesson.id(), lesson.version(), "汇报课并入县优质课评比，记录在县里");
            return null;
        });
        PlanItem closed = fx.item(id, "青年教师汇报课");
        assertThat(closed.status(LocalDate.now())).isEqualTo(ItemStatus.DONE);
        assertThat(closed.note()).contains("县优质课评比");
        assertThat(closed.doneByName()).isEqualTo(fx.user("jks").displayName());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CLOSE' and entity_type = 'plan_item' and entity_id = ?").param(lesson.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    private int progress(long planId) {
        return Access.as(fx.user("jks"), () -> plans.list(PlanFilter.none(), PageQuery.of(1, 100, null, null)))
                .items().stream().filter(r -> r.id() == planId).findFirst().orElseThrow().done();
    }

    private ItemStatus statusInTasks(CurrentUser who, long planId, String content, LocalDate today) {
        return Access.as(who, () -> items.myTasks(fx.term().id(), false, today)).stream()
                .filter(t -> t.planId() == planId && t.item().content().contains(content)).findFirst().orElseThrow().status();
    }

    /** The leader of a group as a signed-in group leader (most leaders have no account in the demo). */
    private CurrentUser leader(OrgUnit unit) {
        long person = unit.leaderId();
        long institution = unit.institutionId();
        return new CurrentUser(900000 + person, "leader" + person, "组长" + person, person, institution,
                Set.of(Role.GROUP_LEADER), new DataScope(false, Set.of(institution), Set.of(), Set.of(person), person),
                "", true, true);
    }
}
