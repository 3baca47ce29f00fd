package org.jiaoyan.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Evidence;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Sector;
import org.jiaoyan.org.UnitData;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The activities behind an activity metric's count: a group's sessions and collective preparations, a teacher's
 * sign-ins — titled, linked, by date, without deleted ones or those outside the period, at most 200. Dates in 2031 so
 * that no other test's records fall in the periods.
 */
@JiaoyanIntegrationTest
class ActivityEvidenceIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Activities activities;
    @Autowired OrgUnits units;
    @Autowired Metrics metrics;

    private CurrentUser jks;

    @BeforeEach
    void accounts() {
        jks = TestUsers.load(users, "jks");
    }

    private long freshGroup(String name) {
        return Access.as(jks, () -> units.create(new UnitData(UnitType.GROUP, jks.institutionId(), Sector.EDUCATION, null,
                GroupKind.TEACHING_RESEARCH, name + System.nanoTime() % 100000, null, null, null, null, 999)));
    }

    private long type(boolean collectivePrep) {
        return Access.as(jks, () -> activities.types()).stream()
                .filter(t -> collectivePrep ? t.collectivePrep() : t.name().equals("教研活动")).findFirst().orElseThrow().id();
    }

    private long activity(long group, long typeId, String title, LocalDateTime start) {
        return Access.as(jks, () -> activities.create(new ActivityData(group, typeId, title, start,
                start.plusHours(1), null, false, null)));
    }

    @Test
    void aGroupsSessionsAndCollectivePreparationsAreListedByDateWithTheirPages() {
        long group = freshGroup("佐证测试组");
        long research = type(false);
        long session = activity(group, research, "单元整体教学研讨", LocalDateTime.of(2031, 3, 5, 15, 0));
        long prep = activity(group, type(true), "第三单元集体备课", LocalDateTime.of(2031, 3, 4, 14, 0));
        activity(group, research, "下一周的研讨", LocalDateTime.of(2031, 3, 10, 8, 0));
        long removed = activity(group, research, "已删除的研讨", LocalDateTime.of(2031, 3, 6, 9, 0));
        Access.as(jks, () -> {
            activities.delete(removed, 0);
            return null;
        });
        DateSpan week = new DateSpan(LocalDate.of(2031, 3, 3), LocalDate.of(2031, 3, 9));

        assertThat(metrics.evidence("activity.group-sessions", week, group)).hasValueSatisfying(list -> assertThat(list)
                .containsExactly(new Evidence(LocalDate.of(2031, 3, 4), "第三单元集体备课", "/activities/" + prep),
                        new Evidence(LocalDate.of(2031, 3, 5), "单元整体教学研讨", "/activities/" + session)));
        assertThat(metrics.evidence("activity.collective-prep", week, group)).hasValueSatisfying(list -> assertThat(list)
                .containsExactly(new Evidence(LocalDate.of(2031, 3, 4), "第三单元集体备课", "/activities/" + prep)));
        assertThat(metrics.count("activity.group-sessions", week.from(), week.to(), List.of(group))).containsEntry(group, 2L);
    }

    @Test
    void aTeachersSignInsAreTheActivitiesTheySignedInto() {
        long group = freshGroup("签到佐证组");
        long research = type(false);
        long teacher = TestUsers.load(users, "teacher").personId();
        long attended = activity(group, research, "观课议课", LocalDateTime.of(2031, 5, 7, 15, 0));
        long missed = activity(group, research, "没去的研讨", LocalDateTime.of(2031, 5, 8, 15, 0));
        long later = activity(group, research, "下个月的研讨", LocalDateTime.of(2031, 6, 2, 15, 0));
        Access.as(jks, () -> {
            activities.signInByHand(attended, teacher);
            activities.signInByHand(later, teacher);
            return null;
        });
        DateSpan may = new DateSpan(LocalDate.of(2031, 5, 1), LocalDate.of(2031, 5, 31));

        assertThat(metrics.evidence("activity.signins", may, teacher)).hasValueSatisfying(list -> assertThat(list)
                .containsExactly(new Evidence(LocalDate.of(2031, 5, 7), "观课议课", "/activities/" + attended)));
        assertThat(missed).isPositive();
    }

    @Test
    void atMostTwoHundredAreListedTheEarliestFirst() {
        long group = freshGroup("两百条佐证组");
        long research = type(false);
        LocalDateTime start = LocalDateTime.of(2031, 9, 1, 7, 0);
        for (int i = 0; i < 201; i++) {
            activity(group, research, "研讨" + (i + 1), start.plusMinutes(i));
        }
        List<Evidence> list = metrics.evidence("activity.group-sessions",
                new DateSpan(LocalDate.of(2031, 9, 1), LocalDate.of(2031, 9, 30)), group).orElseThrow();
        assertThat(list).hasSize(200);
        assertThat(list.get(0).title()).isEqualTo("研讨1");
        assertThat(list.get(199).title()).isEqualTo("研讨200");
    }
}
