package org.jiaoyan.rules;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every night: freeze the periods that closed (once across nodes, ShedLock). */
@Component
class ComplianceJobs {

    private static final Logger log = LoggerFactory.getLogger(ComplianceJobs.class);

    private final Exemptions snapshots;

    ComplianceJobs(Exemptions snapshots) {
        this.snapshots = snapshots;
    }

    @Scheduled(cron = "${jiaoyan.rules.freeze-cron:0 20 1 * * *}")
    @SchedulerLock(name = "rules-freeze", lockAtMostFor = "PT30M")
    void freeze() {
        int n = snapshots.freezeClosedPeriods(LocalDate.now());
        if (n > 0) {
            log.info("compliance: froze {} closed periods", n);
        }
    }
}
