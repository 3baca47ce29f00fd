package org.jiaoyan.plan;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jiaoyan.notify.NoticeRequest;
import org.jiaoyan.notify.Notices;
import org.jiaoyan.security.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds owners in the app: the plan's number of days before an item starts, and once when it is overdue (for a
 * month after its end). Runs every morning, on one node only (ShedLock); a notice is sent once per item, kind and
 * person (the inbox's dedupe key), so a second run the same day sends nothing. Routine items (每周, 每月) are left to
 * the rules engine; 全体 items are announced to everyone but overdue notices go to named owners only.
 */
@Component
public class PlanReminders {

    private static final Logger log = LoggerFactory.getLogger(PlanReminders.class);

    private final JdbcClient jdbc;
    private final Notices notices;
    private final ItemOwners owners;

    PlanReminders(JdbcClient jdbc, Notices notices, ItemOwners owners) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.owners = owners;
    }

    @Scheduled(cron = "${jiaoyan.plan.reminder-cron:0 30 7 * * *}")
    @SchedulerLock(name = "plan-reminders", lockAtMostFor = "PT30M")
    public void daily() {
        int sent = Access.asSystem(() -> run(LocalDate.now()));
        log.info("Plan reminders: {} notices sent", sent);
    }

    /** Sends the reminders due on the given day; returns how many notices were new. */
    @Transactional
    public int run(LocalDate today) {
        record Due(long itemId, long planId, long institutionId, String content, String time, boolean overdue, boolean all) {
        }
        List<Due> due = jdbc.sql("""
                select it.id, it.plan_id, p.institution_id, it.content, coalesce(it.time_text, '') as time_text,
                       it.period_end < :today as overdue, it.owner_all, it.period_start, p.remind_days
                  from plan_item it join plan p on p.id = it.plan_id
                 where p.status = 'PUBLISHED' and p.deleted_at is null and it.deleted_at is null and it.state = 'OPEN'
                   and it.time_kind not in ('WEEKLY', 'MONTHLY')
                   and (it.record_kind = 'NONE' or it.record_count < case when it.required_count < 1 then 1 else it.required_count end)
                   and ((it.period_start >= :today and it.period_start <= :horizon)
                        or (it.period_end < :today and it.period_end >= :monthAgo))""")
                .param("today", today).param("monthAgo", today.minusDays(30)).param("horizon", today.plusDays(60))
                .query((rs, i) -> {
                    boolean overdue = rs.getBoolean(6);
                    // upcoming only within the plan's own number of days (date arithmetic kept out of SQL for H2)
                    LocalDate start = rs.getObject(8, LocalDate.class);
                    if (!overdue && start.isAfter(today.plusDays(rs.getInt(9)))) {
                        return null;
                    }
                    return new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            overdue, rs.getBoolean(7));
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, Set<Long>> people = owners.of(due.stream().map(Due::itemId).toList());
        Map<Long, List<Long>> staff = new HashMap<>();
        int sent = 0;
        for (Due d : due) {
            Set<Long> to = new LinkedHashSet<>(people.getOrDefault(d.itemId(), Set.of()));
            if (d.all() && !d.overdue()) {
                to.addAll(staff.computeIfAbsent(d.institutionId(), inst -> jdbc.sql(
                        "select id from person where institution_id = ? and deleted_at is null and status = 'ACTIVE'")
                        .param(inst).query(Long.class).list()));
            }
            String kind = d.overdue() ? "plan-overdue" : "plan-upcoming";
            String title = (d.overdue() ? "已逾期：" : "即将开始：") + d.content();
            for (long person : to) {
                if (notices.send(new NoticeRequest(person, kind, title, d.time(), "/plans/" + d.planId() + "/items/" + d.itemId(),
                        "plan-item:" + d.itemId() + ":" + kind + ":" + person))) {
                    sent++;
                }
            }
        }
        return sent;
    }
}
