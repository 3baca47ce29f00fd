package org.jiaoyan.rules;

import static org.jiaoyan.shared.BenchTimes.median;
import static org.jiaoyan.shared.BenchTimes.min;
import static org.jiaoyan.shared.BenchTimes.round;
import static org.jiaoyan.shared.BenchTimes.timed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.BenchDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For bench/run only (issue 11): eight county rules over a whole generated county, each evaluated as the compliance
 * matrix evaluates it (subjects on each period's first day, one grouped metric query, states), against the plain
 * grouped SQL aggregate of the same records by subject and month with no subject list — the floor. The rules are
 * drafts (nothing is saved), the periods the last ten calendar months. The raw SQL reads other modules' tables by
 * name: it is the yardstick, not a way in.
 */
@Component
public class ComplianceBench {

    private static final int MONTHS = 10;
    private static final int WARM_UP = 3;
    private static final String OBSERVATIONS = " from observation where deleted_at is null and observed_on >= :dfrom"
            + " and observed_on < :dto group by 1, 2";
    private static final String ACTIVITIES = " and a.starts_at >= :tfrom and a.starts_at < :tto group by 1, 2";

    /** A rule of the bench and the floor its matrix is compared with. */
    record Case(String name, RuleSpec spec, String rawSql) {
    }

    /** Median and fastest of the timed runs (ms) of one rule's matrix and of its raw aggregate. */
    public record Timing(String rule, int subjects, long matrixTotal, long rawTotal, double matrixMs, double rawMs,
                         double matrixMinMs, double rawMinMs) {
    }

    /** Sums over the eight rules of the per-rule medians; ratio = matrix / raw. */
    public record Result(long regionId, int schools, LocalDate from, LocalDate to, int periods, int runs,
                         List<Timing> rules, double matrixMs, double rawMs, double ratio) {
    }

    private final Compliance compliance;
    private final SubjectDirectory directory;
    private final JdbcClient jdbc;
    private final BenchDatabase database;

    ComplianceBench(Compliance compliance, SubjectDirectory directory, JdbcClient jdbc, BenchDatabase database) {
        this.compliance = compliance;
        this.directory = directory;
        this.jdbc = jdbc;
        this.database = database;
    }

    static List<Case> cases(LocalDate validFrom) {
        return List.of(
                new Case("全体教师每月听课≥2", spec("observation.by-observer", SubjectFilter.ALL_TEACHERS, null, 2, validFrom),
                        "select observer_id, extract(month from observed_on), count(*)" + OBSERVATIONS),
                new Case("40岁以下教师每月被听课≥1", spec("observation.of-teacher", SubjectFilter.UNDER_AGE, "40", 1, validFrom),
                        "select teacher_id, extract(month from observed_on), count(*)" + OBSERVATIONS),
                new Case("教龄不满5年每月听课≥4", spec("observation.by-observer", SubjectFilter.SERVICE_UNDER, "5", 4, validFrom),
                        "select observer_id, extract(month from observed_on), count(*)" + OBSERVATIONS),
                new Case("全体教师每月参加活动≥1", spec("activity.signins", SubjectFilter.ALL_TEACHERS, null, 1, validFrom),
                        "select s.person_id, extract(month from a.starts_at), count(*) from activity_signin s"
                                + " join activity a on a.id = s.activity_id where a.deleted_at is null" + ACTIVITIES),
                new Case("教研组每月活动≥4", spec("activity.group-sessions", SubjectFilter.GROUPS, "TEACHING_RESEARCH", 4, validFrom),
                        "select a.organiser_unit_id, extract(month from a.starts_at), count(*) from activity a"
                                + " where a.deleted_at is null" + ACTIVITIES),
                new Case("备课组每月集体备课≥4", spec("activity.collective-prep", SubjectFilter.GROUPS, "LESSON_PREP", 4, validFrom),
                        "select a.organiser_unit_id, extract(month from a.starts_at), count(*) from activity a"
                                + " join activity_type t on t.id = a.type_id where a.deleted_at is null and t.collective_prep = true"
                                + ACTIVITIES),
                new Case("学校每月教研活动≥8", spec("activity.school-activities", SubjectFilter.INSTITUTION, null, 8, validFrom),
                        "select a.institution_id, extract(month from a.starts_at), count(*) from activity a"
                                + " where a.deleted_at is null" + ACTIVITIES),
                new Case("学校每月听课≥20", spec("observation.in-school", SubjectFilter.INSTITUTION, null, 20, validFrom),
                        "select institution_id, extract(month from observed_on), count(*)" + OBSERVATIONS));
    }

    private static RuleSpec spec(String metric, SubjectFilter filter, String value, int threshold, LocalDate validFrom) {
        return new RuleSpec(metric, filter, value, PeriodKind.MONTH, null, null, Comparison.AT_LEAST, threshold, null, 0,
                validFrom, null);
    }

    /** On the region with the most institutions (the generated county), without H2's reuse of repeated results. */
    public Result measure(int runs, LocalDate today) {
        return database.withoutResultReuse(() -> run(runs, today));
    }

    private Result run(int runs, LocalDate today) {
        long regionId = Access.asSystem(() -> jdbc.sql(
                "select region_id from org_unit where type = 'INSTITUTION' and deleted_at is null"
                        + " group by region_id order by count(*) desc, region_id limit 1")
                .query(Long.class).single());
        List<Long> schools = directory.schoolsOf(regionId);
        LocalDate from = today.withDayOfMonth(1).minusMonths(MONTHS - 1);
        LocalDate to = today.withDayOfMonth(today.lengthOfMonth());
        List<RulePeriod> periods = compliance.periods(spec("x", SubjectFilter.ALL_TEACHERS, null, 1, null), from, to);
        List<Case> cases = cases(from);
        int n = cases.size();
        Runnable[] viaMatrix = new Runnable[n];
        Runnable[] viaSql = new Runnable[n];
        long[] matrixTotal = new long[n];
        long[] rawTotal = new long[n];
        int[] subjects = new int[n];
        for (int k = 0; k < n; k++) {
            Case c = cases.get(k);
            int index = k;
            Rule draft = new Rule(0, null, regionId, null, null, c.name(), true, false, 0, 0, from, c.spec());
            viaMatrix[k] = () -> {
                ComplianceMatrix m = Access.asSystem(() -> compliance.evaluate(draft, periods, schools, today, false));
                subjects[index] = m.rows().size();
                matrixTotal[index] = m.rows().stream().flatMap(r -> r.cells().stream())
                        .mapToLong(cell -> cell == null ? 0 : cell.count()).sum();
            };
            viaSql[k] = () -> {
                long[] sum = new long[1];
                jdbc.sql(c.rawSql()).params(Map.of("dfrom", from, "dto", to.plusDays(1), "tfrom", from.atStartOfDay(),
                                "tto", to.plusDays(1).atStartOfDay()))
                        .query(rs -> {
                            sum[0] += rs.getLong(3);
                        });
                rawTotal[index] = sum[0];
            };
        }
        // warm every rule up before timing any (the first rule timed would otherwise pay for the compiler)
        for (int w = 0; w < WARM_UP; w++) {
            for (int k = 0; k < n; k++) {
                viaMatrix[k].run();
                viaSql[k].run();
            }
        }
        double[][] matrixMs = new double[n][runs];
        double[][] rawMs = new double[n][runs];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < n; k++) {
                matrixMs[k][i] = timed(viaMatrix[k]);
                rawMs[k][i] = timed(viaSql[k]);
            }
        }
        List<Timing> timings = new ArrayList<>();
        double matrixSum = 0;
        double rawSum = 0;
        for (int k = 0; k < n; k++) {
            Timing t = new Timing(cases.get(k).name(), subjects[k], matrixTotal[k], rawTotal[k], median(matrixMs[k]),
                    median(rawMs[k]), min(matrixMs[k]), min(rawMs[k]));
            timings.add(t);
            matrixSum += t.matrixMs();
            rawSum += t.rawMs();
        }
        return new Result(regionId, schools.size(), from, to, periods.size(), runs, timings, round(matrixSum),
                round(rawSum), Math.round(matrixSum / Math.max(rawSum, 0.001) * 100) / 100.0);
    }
}
