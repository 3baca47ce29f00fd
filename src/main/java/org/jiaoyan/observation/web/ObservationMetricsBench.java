package org.jiaoyan.observation.web;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jiaoyan.metrics.DateSpan;
import org.jiaoyan.metrics.Metrics;
import org.jiaoyan.shared.BenchTimes;
import org.jiaoyan.shared.NotFoundException;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For bench/run only: the teacher × month matrix of lessons observed (observation.by-observer over the last 10 months
 * for everyone who observed or was observed) through {@link Metrics#countPerPeriod}, against the plain grouped SQL
 * aggregate on the same table, timed in this JVM. Answers 404 unless jiaoyan.bench.enabled=true (read when asked, not
 * when the jar is built: the packaged jar's bean definitions are prepared ahead of time); needs a signed-in user.
 */
@RestController
class ObservationMetricsBench {

    static final String METRIC = "observation.by-observer";
    private static final int MONTHS = 10;
    private static final int WARM_UP = 3;

    private final Metrics metrics;
    private final JdbcClient jdbc;
    private final Environment env;
    private final org.jiaoyan.shared.BenchDatabase database;

    ObservationMetricsBench(Metrics metrics, JdbcClient jdbc, Environment env, org.jiaoyan.shared.BenchDatabase database) {
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.env = env;
        this.database = database;
    }

    /** Median and fastest of the timed runs, in milliseconds. */
    record Timing(double medianMs, double minMs) {
    }

    /** Both ways' totals must be equal: they counted the same observations. */
    record Result(String metric, int subjects, int periods, LocalDate from, LocalDate to, int runs, Timing metrics,
                  Timing rawSql, double ratio, long metricsTotal, long rawSqlTotal) {
    }

    @GetMapping(value = "/bench/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    Result run(@RequestParam(defaultValue = "10") int runs) {
        if (!env.getProperty("jiaoyan.bench.enabled", Boolean.class, false)) {
            throw new NotFoundException();
        }
        return database.withoutResultReuse(() -> measure(Math.max(1, Math.min(runs, 100)), LocalDate.now()));
    }

    Result measure(int runs, LocalDate today) {
        List<DateSpan> months = new ArrayList<>();
        for (LocalDate first = today.withDayOfMonth(1).minusMonths(MONTHS - 1); months.size() < MONTHS; first = first.plusMonths(1)) {
            months.add(new DateSpan(first, first.with(TemporalAdjusters.lastDayOfMonth())));
        }
        LocalDate from = months.get(0).from();
        LocalDate to = months.get(MONTHS - 1).to();
        List<Long> teachers = jdbc.sql("""
                select observer_id from observation where deleted_at is null
                union select teacher_id from observation where deleted_at is null""").query(Long.class).list();
        long[] metricsTotal = new long[1];
        long[] rawTotal = new long[1];
        Runnable viaMetrics = () -> metricsTotal[0] = metrics.countPerPeriod(METRIC, months, teachers).values().stream()
                .mapToLong(counts -> Arrays.stream(counts).sum()).sum();
        // the floor: one grouped aggregate by observer and month, no subject list, no period bounds per row
        Runnable viaSql = () -> {
            long[] sum = new long[1];
            jdbc.sql("""
                    select observer_id, extract(month from observed_on) as m, count(*) from observation
                     where deleted_at is null and observed_on >= :from and observed_on < :to
                     group by observer_id, extract(month from observed_on)""")
                    .params(Map.of("from", from, "to", to.plusDays(1)))
                    .query(rs -> {
                        sum[0] += rs.getLong(3);
                    });
            rawTotal[0] = sum[0];
        };
        for (int i = 0; i < WARM_UP; i++) {
            viaMetrics.run();
            viaSql.run();
        }
        double[] metricsMs = new double[runs];
        double[] sqlMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            metricsMs[i] = timed(viaMetrics);
            sqlMs[i] = timed(viaSql);
        }
        Timing m = timing(metricsMs);
        Timing s = timing(sqlMs);
        return new Result(METRIC, teachers.size(), MONTHS, from, to, runs, m, s,
                Math.round(m.medianMs() / Math.max(s.medianMs(), 0.001) * 100) / 100.0, metricsTotal[0], rawTotal[0]);
    }

    private static double timed(Runnable r) {
        return BenchTimes.timed(r);
    }

    private static Timing timing(double[] ms) {
        return new Timing(BenchTimes.median(ms), BenchTimes.min(ms));
    }
}
