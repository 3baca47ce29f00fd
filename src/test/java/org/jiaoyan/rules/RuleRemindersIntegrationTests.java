package org.jiaoyan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jiaoyan.JiaoyanIntegrationTest;
import org.jiaoyan.TestUsers;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** One digest per person per day before a period closes, however many rules; a summary to the office head after. */
@JiaoyanIntegrationTest
class RuleRemindersIntegrationTests {

    @Autowired UserDetailsService users;
    @Autowired Rules rules;
    @Autowired RuleReminders reminders;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return TestUsers.load(users, name);
    }

    private long rule(String name, int threshold) {
        CurrentUser jks = user("jks");
        return Access.as(jks, () -> {
            long id = rules.create(jks.institutionId(), null, name, new RuleSpec("activity.group-sessions", SubjectFilter.GROUPS,
                    "TEACHING_RESEARCH", PeriodKind.CALENDAR_WEEK, null, null, Comparison.AT_LEAST, threshold, null, 6, null, null), false);
            rules.enable(id, true);
            return id;
        });
    }

    private List<String> notices(long person, String kind, String keyPart) {
        return jdbc.sql("select body from notice where person_id = ? and kind = ? and dedupe_key like ? order by id")
                .params(person, kind, "%" + keyPart).query(String.class).list();
    }

    @Test
    void thoseBehindGetOneDigestADayAndTheOfficeHeadASummaryAfterTheWeek() {
        rule("提醒测试甲：每周十次教研", 10);
        rule("提醒测试乙：每周二十次教研", 20);
        // a Thursday in a past week: the calendar week closes on Sunday, within the 6 remind days
        LocalDate thursday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3).plusDays(3);
        RuleReminders.Result first = reminders.remind(thursday);
        assertThat(first.digests()).isPositive();
        long leader = user("zuzhang").personId();
        List<String> digest = notices(leader, "rules.digest", ":" + thursday);
        assertThat(digest).as("one digest for the day, not one per rule").hasSize(1);
        assertThat(digest.get(0)).contains("提醒测试甲").contains("提醒测试乙").contains("还需");
        // the same day again queues nothing new
        reminders.remind(thursday);
        assertThat(notices(leader, "rules.digest", ":" + thursday)).hasSize(1);

        LocalDate monday = thursday.plusDays(4);
        reminders.remind(monday);
        long head = user("jks").personId();
        assertThat(notices(head, "rules.summary", ":" + monday)).singleElement()
                .satisfies(body -> assertThat(body).contains("提醒测试甲").contains("未达标"));
        reminders.remind(monday);
        assertThat(notices(head, "rules.summary", ":" + monday)).hasSize(1);
    }
}
