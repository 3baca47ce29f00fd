package org.jiaoyan.plan;

import java.time.LocalDateTime;
import org.jiaoyan.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes a plan's history: workflow steps, and revisions of a published plan (revision number up, reason kept). */
@Component
class PlanHistory {

    private final JdbcClient jdbc;

    PlanHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long planId, String action, int revision, @Nullable String reason, @Nullable String changes) {
        jdbc.sql("insert into plan_history (plan_id, action, revision, reason, changes, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(planId, action, revision, reason, changes == null ? null : Plans.truncate(changes, 4000),
                        Access.actor()).update();
    }

    /** A change to a published plan is a revision; drafts change without one. */
    void revised(Plan p, @Nullable String reason, @Nullable String changes) {
        if (!p.published()) {
            return;
        }
        jdbc.sql("update plan set revision = revision + 1 where id = ?").param(p.id()).update();
        int revision = jdbc.sql("select revision from plan where id = ?").param(p.id()).query(Integer.class).single();
        record(p.id(), "REVISE", revision, reason, changes);
    }

    void touch(long planId) {
        jdbc.sql("update plan set updated_at = ?, updated_by = ? where id = ?")
                .params(LocalDateTime.now(), Access.actor(), planId).update();
    }
}
