package org.jiaoyan.activity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jiaoyan.org.GroupKind;
import org.jiaoyan.org.OrgDirectory;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.UnitType;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generated history for a district (benchmarks, demos at scale): every 教研组 meets weekly, every 备课组 prepares
 * together every other week, with sign-ins (most on time, some late, a few absent). Administrators only; batch inserts.
 */
@Service
public class ActivityHistory {

    private static final String[] TOPICS = {"单元整体教学研讨", "课堂观察与评议", "作业设计研讨", "命题研究", "读书交流",
            "课题研究课评议", "青年教师过关课评议", "复习课研讨"};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final OrgUnits units;
    private final OrgDirectory directory;

    ActivityHistory(JdbcClient jdbc, JdbcTemplate template, OrgUnits units, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.template = template;
        this.units = units;
        this.directory = directory;
    }

    /** Creates the activities between from and to (inclusive) for the schools; returns how many. */
    @Transactional
    public int generate(List<Long> schoolIds, LocalDate from, LocalDate to, long seed) {
        Access.requireAdmin();
        Random random = new Random(seed);
        long research = typeId("RESEARCH");
        long prep = typeId("COLLECTIVE_PREP");
        List<Object[]> participants = new ArrayList<>();
        List<Object[]> signins = new ArrayList<>();
        int count = 0;
        for (long school : schoolIds) {
            for (OrgUnit group : units.unitsOf(school, UnitType.GROUP, false)) {
                boolean teaching = group.groupKind() == GroupKind.TEACHING_RESEARCH;
                if (!teaching && group.groupKind() != GroupKind.LESSON_PREP) {
                    continue;
                }
                List<Long> members = directory.membersOf(List.of(group.id()));
                DayOfWeek day = DayOfWeek.of(1 + random.nextInt(5));
                int week = 0;
                for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(day)); !d.isAfter(to); d = d.plusWeeks(1), week++) {
                    if (!teaching && week % 2 == 1) {
                        continue;
                    }
                    LocalDateTime start = d.atTime(LocalTime.of(15, 30));
                    long id = Inserts.id(jdbc.sql("""
                            insert into activity (institution_id, organiser_unit_id, type_id, title, starts_at, ends_at, place,
                                                  created_by, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?, 'generator', 'generator')""")
                            .params(school, group.id(), teaching ? research : prep, TOPICS[random.nextInt(TOPICS.length)],
                                    start, start.plusMinutes(90), group.name() + "办公室"));
                    count++;
                    for (long person : members) {
                        participants.add(new Object[] {id, person});
                        int roll = random.nextInt(100);
                        if (roll < 95) {
                            LocalDateTime signed = start.plusMinutes(roll < 90 ? random.nextInt(5) : 11 + random.nextInt(20));
                            signins.add(new Object[] {id, person, signed});
                        }
                    }
                }
            }
        }
        template.batchUpdate("insert into activity_participant (activity_id, person_id) values (?, ?)", participants);
        template.batchUpdate("insert into activity_signin (activity_id, person_id, signed_at, method, signed_by) values (?, ?, ?, 'QR', 'generator')",
                signins);
        return count;
    }

    private long typeId(String code) {
        return jdbc.sql("select id from activity_type where code = ? and institution_id is null").param(code)
                .query(Long.class).single();
    }
}
