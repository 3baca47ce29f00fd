package org.jiaoyan.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityData;
import org.jiaoyan.activity.ActivityType;
import org.jiaoyan.org.OrgDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo activities of the experimental school's 语文教研组: last weeks' sessions with sign-ins, and next week's. */
@Component
class DemoActivities {

    private final Activities activities;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;

    DemoActivities(Activities activities, OrgDirectory directory, JdbcClient jdbc) {
        this.activities = activities;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** Runs as the system user inside the demo set-up. */
    void create(long chineseGroup) {
        List<ActivityType> types = activities.types();
        long research = types.stream().filter(t -> t.name().equals("教研活动")).findFirst().orElseThrow().id();
        long prep = types.stream().filter(ActivityType::collectivePrep).findFirst().orElseThrow().id();
        LocalDate wednesday = LocalDate.now().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.WEDNESDAY));
        String[] topics = {"单元整体教学设计研讨", "习作教学评价标准研讨", "整本书阅读推进课观摩"};
        List<Long> members = directory.membersOf(List.of(chineseGroup));
        for (int w = 3; w >= 1; w--) {
            LocalDateTime start = wednesday.minusWeeks(w).atTime(LocalTime.of(15, 30));
            long id = activities.create(new ActivityData(chineseGroup, w == 2 ? prep : research, topics[w - 1], start,
                    start.plusMinutes(90), "三楼语文组办公室", false, null));
            activities.saveText(id, activities.get(id).version(), "record", "主持人介绍本次活动目标；"
                    + "组员逐一发言，围绕教学设计与课堂实践交流；形成改进建议三条。");
            // most members signed in on time, one late, one absent
            for (int i = 0; i < members.size() - 1; i++) {
                jdbc.sql("insert into activity_signin (activity_id, person_id, signed_at, method, signed_by) values (?, ?, ?, 'QR', 'demo')")
                        .params(id, members.get(i), start.plusMinutes(i == 1 ? 15 : 2)).update();
            }
        }
        LocalDateTime next = wednesday.plusWeeks(1).atTime(LocalTime.of(15, 30));
        activities.create(new ActivityData(chineseGroup, research, "青年教师过关课评议", next, next.plusMinutes(90),
                "录播教室", false, null));
    }
}
