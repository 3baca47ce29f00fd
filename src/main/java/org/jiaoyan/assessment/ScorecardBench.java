package org.jiaoyan.assessment;

import static org.jiaoyan.shared.BenchTimes.median;
import static org.jiaoyan.shared.BenchTimes.min;
import static org.jiaoyan.shared.BenchTimes.timed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.SubjectDirectory;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.BenchDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For bench/run only (issue 12): the scorecards of every teacher of the generated county over the last twelve months,
 * computed in one pass by a scheme of record items with caps, category caps and weights (as {@link Scorecards}
 * computes a school's board), against the plain grouped SQL aggregates of the same records with the same points,
 * caps and weights applied in a loop (the floor). Both give the county's sum of totals, which must agree. Rule items
 * are left out: their cost is the compliance matrix, benched on its own.
 */
@Component
public class ScorecardBench {

    private static final int WARM_UP = 3;

    /** Medians and fastest runs (ms); totals = sum of every teacher's total by each way (they must be equal). */
    public record Result(long regionId, int schools, int teachers, LocalDate from, LocalDate to, int runs,
                         double scorecardsMs, double rawMs, double scorecardsMinMs, double rawMinMs, double scorecardsTotal,
                         double rawTotal, double ratio) {
    }

    private final Scorecards scorecards;
    private final SubjectDirectory directory;
    private final JdbcClient jdbc;
    private final BenchDatabase database;

    ScorecardBench(Scorecards scorecards, SubjectDirectory directory, JdbcClient jdbc, BenchDatabase database) {
        this.scorecards = scorecards;
        this.directory = directory;
        this.jdbc = jdbc;
        this.database = database;
    }

    /** The bench's 细则: 听课 0.5 (≤ 10), 被听课 0.5 (≤ 10), 公开课 3 (≤ 15), 活动签到 1 (≤ 20); categories capped, weighted. */
    static Scheme scheme(long regionId) {
        List<Scheme.Category> cats = List.of(new Scheme.Category(0, "听课评课", 15.0, 1), new Scheme.Category(0, "公开课", 15.0, 1.5),
                new Scheme.Category(0, "教研活动", 20.0, 1));
        List<Scheme.Item> items = List.of(
                new Scheme.Item(0, 0, "b-obs", SchemeItemKind.RECORD, "听课", "observation.by-observer", null, 0.5, 0, 10.0),
                new Scheme.Item(0, 0, "b-observed", SchemeItemKind.RECORD, "被听课", "observation.of-teacher", null, 0.5, 0, 10.0),
                new Scheme.Item(0, 1, "b-open", SchemeItemKind.RECORD, "公开课", "observation.open-lessons", null, 3, 0, 15.0),
                new Scheme.Item(0, 2, "b-signin", SchemeItemKind.RECORD, "活动签到", "activity.signins", null, 1, 0, 20.0));
        return new Scheme(0, regionId, -1, CheckLevel.TEACHERS, 0, 0, null, null, null, cats, items);
    }

    public Result measure(int runs, LocalDate today) {
        return database.withoutResultReuse(() -> Access.asSystem(() -> run(runs, today)));
    }

    private Result run(int runs, LocalDate today) {
        long regionId = jdbc.sql("select region_id from org_unit where type = 'INSTITUTION' and deleted_at is null"
                + " group by region_id order by count(*) desc, region_id limit 1").query(Long.class).single();
        List<Long> schools = directory.schoolsOf(regionId);
        LocalDate from = today.minusMonths(12).plusDays(1);
        // a year as one assessment span; no leave, entries or appeals belong to it (term id -1)
        SchoolTerm year = new SchoolTerm(-1, from.getYear(), 1, from, today, List.of(), 0);
        Scheme scheme = scheme(regionId);
        double[] viaCards = new double[1];
        double[] viaSql = new double[1];
        int[] teachers = new int[1];
        Runnable cards = () -> {
            List<Scorecards.Subject> subjects = scorecards.subjects(schools, CheckLevel.TEACHERS).stream()
                    .map(s -> new Scorecards.Subject(s.id(), s.name(), null, null)).toList();
            teachers[0] = subjects.size();
            double sum = 0;
            for (Scorecards.Calc c : scorecards.compute(scheme, year, today, subjects, schools).values()) {
                sum += c.total() == null ? 0 : c.total();
            }
            viaCards[0] = Scorecards.round(sum);
        };
        Runnable raw = () -> viaSql[0] = raw(scheme, schools, from, today);
        for (int w = 0; w < WARM_UP; w++) {
            cards.run();
            raw.run();
        }
        double[] cardMs = new double[runs];
        double[] rawMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            cardMs[i] = timed(cards);
            rawMs[i] = timed(raw);
        }
        double c = median(cardMs);
        double r = median(rawMs);
        return new Result(regionId, schools.size(), teachers[0], from, today, runs, c, r, min(cardMs), min(rawMs), viaCards[0],
                viaSql[0], Math.round(c / Math.max(r, 0.001) * 100) / 100.0);
    }

    /** The floor: one grouped query per record kind over the county's people, points, caps and weights in a loop. */
    private double raw(Scheme scheme, List<Long> schools, LocalDate from, LocalDate to) {
        Map<Long, double[]> counts = new HashMap<>();
        jdbc.sql("select id from person where deleted_at is null and status = 'ACTIVE' and institution_id in (:schools)")
                .param("schools", schools).query(rs -> {
                    counts.put(rs.getLong(1), new double[4]);
                });
        String[] sql = {
            "select observer_id, count(*) from observation where deleted_at is null and observed_on between :from and :to group by observer_id",
            "select teacher_id, count(*) from observation where deleted_at is null and observed_on between :from and :to group by teacher_id",
            "select teacher_id, count(*) from (select distinct teacher_id, observed_on, topic from observation where deleted_at is null"
                    + " and lesson_type <> 'REGULAR' and observed_on between :from and :to) l group by teacher_id",
            "select s.person_id, count(*) from activity_signin s join activity a on a.id = s.activity_id where a.deleted_at is null"
                    + " and a.starts_at >= :tfrom and a.starts_at < :tto group by s.person_id"};
        for (int k = 0; k < sql.length; k++) {
            int index = k;
            jdbc.sql(sql[k]).params(Map.of("from", from, "to", to, "tfrom", from.atStartOfDay(), "tto", to.plusDays(1).atStartOfDay()))
                    .query(rs -> {
                        double[] row = counts.get(rs.getLong(1));
                        if (row != null) {
                            row[index] = rs.getLong(2);
                        }
                    });
        }
        double sum = 0;
        for (double[] row : counts.values()) {
            double[] points = new double[scheme.items().size()];
            for (int i = 0; i < points.length; i++) {
                Scheme.Item item = scheme.items().get(i);
                points[i] = Math.min(item.cap(), row[i] * item.points());
            }
            for (double c : Scorecards.categoryPoints(scheme, points)) {
                sum += c;
            }
        }
        return Scorecards.round(sum);
    }
}
