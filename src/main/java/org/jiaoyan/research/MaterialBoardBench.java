package org.jiaoyan.research;

import static org.jiaoyan.shared.BenchTimes.median;
import static org.jiaoyan.shared.BenchTimes.min;
import static org.jiaoyan.shared.BenchTimes.timed;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jiaoyan.research.MaterialCalendar.MonthState;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.BenchDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For bench/run only (issue 13): the material board of the whole generated county over its school year (every
 * approved project × 12 months, as the county's office sees it) against the floor, one plain grouped query of the
 * filings per project and month. Both give the number of filed cells, which must agree.
 */
@Component
public class MaterialBoardBench {

    private static final int WARM_UP = 3;

    /** Medians and fastest runs (ms); filed cells by each way (they must be equal). */
    public record Result(int projects, int months, YearMonth from, YearMonth to, int runs, double boardMs, double rawMs,
                         double boardMinMs, double rawMinMs, long boardFiled, long rawFiled, long missing, double ratio) {
    }

    private final MaterialBoard board;
    private final JdbcClient jdbc;
    private final BenchDatabase database;

    MaterialBoardBench(MaterialBoard board, JdbcClient jdbc, BenchDatabase database) {
        this.board = board;
        this.jdbc = jdbc;
        this.database = database;
    }

    public Result measure(int runs, LocalDate today) {
        return database.withoutResultReuse(() -> Access.asSystem(() -> run(runs, today)));
    }

    private Result run(int runs, LocalDate today) {
        MaterialBoard.Filter filter = MaterialBoard.Filter.schoolYear(today);
        MaterialBoard.Board[] last = new MaterialBoard.Board[1];
        long[] raw = new long[1];
        Runnable viaBoard = () -> last[0] = board.board(filter, today);
        Runnable viaSql = () -> raw[0] = jdbc.sql("""
                select count(*) from (select m.project_id, m.for_month, min(m.filed_on) from research_material m
                  join research_project p on p.id = m.project_id
                 where m.deleted_at is null and p.deleted_at is null and p.stage not in ('APPLICATION', 'REJECTED')
                   and m.for_month >= ? and m.for_month <= ? group by m.project_id, m.for_month) x""")
                .params(filter.from().atDay(1), filter.to().atDay(1)).query(Long.class).single();
        for (int w = 0; w < WARM_UP; w++) {
            viaBoard.run();
            viaSql.run();
        }
        double[] boardMs = new double[runs];
        double[] rawMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            boardMs[i] = timed(viaBoard);
            rawMs[i] = timed(viaSql);
        }
        MaterialBoard.Board b = last[0];
        double m = median(boardMs);
        double r = median(rawMs);
        return new Result(b.rows().size(), b.columns().size(), filter.from(), filter.to(), runs, m, r, min(boardMs), min(rawMs),
                b.total(MonthState.ON_TIME) + b.total(MonthState.LATE), raw[0], b.total(MonthState.MISSING),
                Math.round(m / Math.max(r, 0.001) * 100) / 100.0);
    }
}
