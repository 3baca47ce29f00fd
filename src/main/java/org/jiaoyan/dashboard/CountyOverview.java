package org.jiaoyan.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jiaoyan.mentoring.MentorPairs;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The county researcher's cross-school view: per school the progress of its current-term plans, activities and lessons
 * observed this month, and mentoring pairs that observed each other this week or last. One grouped query per module,
 * through each module's root API or the metrics module, for the schools the user reads.
 */
@Component
class CountyOverview {

    static final String ACTIVITIES = "activity.school-activities";
    static final String OBSERVATIONS = "observation.in-school";

    /** One school's line. */
    record SchoolLine(OrgUnit school, long itemsDone, long items, long activities, long observations, long pairsOnTrack,
                      long pairs) {

        /** Share of plan items done, in whole percent (0 without items). */
        public long percentDone() {
            return items == 0 ? 0 : Math.round(100.0 * itemsDone / items);
        }
    }

    /** The view: the schools, the month counted and the weeks the pairs are judged on. */
    record Overview(List<SchoolLine> lines, LocalDate monthStart, LocalDate monthEnd, LocalDate pairsFrom, LocalDate pairsTo,
                    @Nullable SchoolTerm term) {
    }

    private final OrgUnits units;
    private final Terms terms;
    private final Plans plans;
    private final Metrics metrics;
    private final MentorPairs pairs;

    CountyOverview(OrgUnits units, Terms terms, Plans plans, Metrics metrics, MentorPairs pairs) {
        this.units = units;
        this.terms = terms;
        this.plans = plans;
        this.metrics = metrics;
        this.pairs = pairs;
    }

    /** True for the users the view is for: county researchers and administrators. */
    static boolean isFor(CurrentUser u) {
        return u.isAdmin() || u.has(org.jiaoyan.security.Role.COUNTY_RESEARCHER);
    }

    Overview overview(LocalDate today) {
        CurrentUser u = Access.user();
        // the researcher's own 教研室 is an institution too, but not a school to compare
        List<OrgUnit> schools = units.institutions().stream()
                .filter(s -> u.isAdmin() || !Objects.equals(s.id(), u.institutionId())).toList();
        List<Long> ids = schools.stream().map(OrgUnit::id).toList();
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate monthEnd = today.with(TemporalAdjusters.lastDayOfMonth());
        LocalDate pairsFrom = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        SchoolTerm term = terms.current(today).orElse(null);
        Map<Long, long[]> progress = term == null ? Map.of() : plans.progressBySchool(term.id(), ids);
        Map<Long, Long> activities = metrics.count(ACTIVITIES, monthStart, monthEnd, ids);
        Map<Long, Long> observations = metrics.count(OBSERVATIONS, monthStart, monthEnd, ids);
        Map<Long, long[]> onTrack = pairs.onTrackBySchool(MentorPairs.currentSchoolYear(today), ids, pairsFrom, today);
        List<SchoolLine> lines = schools.stream().map(s -> {
            long[] p = progress.getOrDefault(s.id(), new long[2]);
            long[] m = onTrack.getOrDefault(s.id(), new long[2]);
            return new SchoolLine(s, p[0], p[1], activities.getOrDefault(s.id(), 0L), observations.getOrDefault(s.id(), 0L),
                    m[0], m[1]);
        }).toList();
        return new Overview(lines, monthStart, monthEnd, pairsFrom, today, term);
    }
}
