package org.jiaoyan.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.SchoolTerm;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 工作台 of a hospital user: the departments they read, each at a glance. */
@Service
@Transactional(readOnly = true)
public class QualityOverview {

    /** Departments shown on 工作台; the quality pages list the rest. */
    public static final int MOST = 6;

    private final QualityScope scope;
    private final QualityMetrics metrics;
    private final Drills drills;

    QualityOverview(QualityScope scope, QualityMetrics metrics, Drills drills) {
        this.scope = scope;
        this.metrics = metrics;
        this.drills = drills;
    }

    /** The first {@link #MOST} departments the user reads, with this month's counts (one grouped query each). */
    public List<DepartmentGlance> glance(LocalDate today, @Nullable SchoolTerm term) {
        List<Department> shown = scope.readable().stream().limit(MOST).toList();
        if (shown.isEmpty()) {
            return List.of();
        }
        List<Long> ids = shown.stream().map(Department::id).toList();
        LocalDate from = today.withDayOfMonth(1);
        LocalDate to = today.withDayOfMonth(today.lengthOfMonth());
        Map<Long, Long> checks = metrics.count(QualityMetrics.QC_CHECKS, from, to, ids);
        Map<Long, Long> sessions = metrics.count(QualityMetrics.TRAINING_SESSIONS, from, to, ids);
        // who has not passed: per department (at most MOST), since a department without members counts its hospital
        return shown.stream().map(d -> new DepartmentGlance(d, checks.getOrDefault(d.id(), 0L),
                sessions.getOrDefault(d.id(), 0L),
                term == null ? null : drills.notYetPassed(d.id(), term.startDate(), term.endDate()))).toList();
    }
}
