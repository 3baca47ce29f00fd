package org.jiaoyan.research;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.org.Terms;
import org.jiaoyan.research.MaterialCalendar.MonthState;
import org.jiaoyan.shared.SqlFilter;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 过程资料看板: every approved project the user reads × the months of a school year (or a chosen range); a cell is
 * filed on time (by the end of the month's first teaching week), filed late, missing (the first week is over and
 * nothing is filed), upcoming, free (no school day that month) or empty (outside the project's dates). Four queries
 * whatever the number of projects: the projects, their filings grouped by project and month, the terms (two), and
 * the schools for the filter.
 */
@Service
@Transactional(readOnly = true)
public class MaterialBoard {

    /** At most this many months on one board (two school years). */
    public static final int MAX_MONTHS = 24;

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Terms terms;

    MaterialBoard(JdbcClient jdbc, Projects projects, Terms terms) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.terms = terms;
    }

    /** The board's filters: school, level, stage (each optional) and the months (from–to, both included). */
    public record Filter(@Nullable Long institutionId, @Nullable ProjectLevel level, @Nullable ProjectStage stage,
                         YearMonth from, YearMonth to) {

        /** The school year (September–August) holding the day, no other filter. */
        public static Filter schoolYear(LocalDate day) {
            YearMonth start = MaterialCalendar.schoolYearStart(day);
            return new Filter(null, null, null, start, start.plusMonths(11));
        }
    }

    public record Cell(YearMonth month, MonthState state, @Nullable LocalDate firstFiled, int filings) {
    }

    public record Row(long projectId, String title, long institutionId, String institutionName, String leadName,
                      ProjectLevel level, ProjectStage stage, List<Cell> cells) {

        public long count(MonthState state) {
            return cells.stream().filter(c -> c.state() == state).count();
        }

        public long onTime() {
            return count(MonthState.ON_TIME);
        }

        public long late() {
            return count(MonthState.LATE);
        }

        public long missing() {
            return count(MonthState.MISSING);
        }
    }

    /** A month's column: its first teaching week (null: none) and how many projects are in each state. */
    public record Column(YearMonth month, @Nullable LocalDate dueBy, Map<MonthState, Integer> counts) {

        public int count(MonthState state) {
            return counts.getOrDefault(state, 0);
        }
    }

    public record School(long id, String name) {
    }

    public record Board(Filter filter, List<Column> columns, List<Row> rows, List<School> schools, LocalDate today) {

        public long total(MonthState state) {
            return rows.stream().mapToLong(r -> r.count(state)).sum();
        }
    }

    public Board board(Filter f, LocalDate today) {
        if (f.to().isBefore(f.from())) {
            throw new ValidationException("to", "researchwork.board.range");
        }
        if (f.from().plusMonths(MAX_MONTHS - 1).isBefore(f.to())) {
            throw new ValidationException("to", "researchwork.board.tooLong", MAX_MONTHS);
        }
        LocalDate from = f.from().atDay(1);
        LocalDate to = f.to().atEndOfMonth();
        SqlFilter w = projects.scoped(new Projects.Filter(f.institutionId(), f.level(), f.stage(), null, null, false))
                .where("p.stage not in ('APPLICATION', 'REJECTED')")
                .where("(p.start_date is null or p.start_date <= :boardTo)", "boardTo", to)
                .where("(p.end_date is null or p.end_date >= :boardFrom)", "boardFrom", from);
        String base = " from research_project p join person l on l.id = p.lead_id join org_unit i on i.id = p.institution_id"
                + w.sql();
        record P(long id, String title, long inst, String instName, String lead, ProjectLevel level, ProjectStage stage,
                 @Nullable LocalDate start, @Nullable LocalDate end) {
        }
        List<P> list = w.bind(jdbc.sql("select p.id, p.title, p.institution_id, i.name as inst, l.name as lead, p.level,"
                        + " p.stage, p.start_date, p.end_date" + base + " order by i.sort_order, i.id, p.level, p.id"))
                .query((rs, i) -> new P(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        ProjectLevel.valueOf(rs.getString(6)), ProjectStage.valueOf(rs.getString(7)),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class))).list();
        // the filings of those projects in the months, grouped: earliest day and number per project and month
        Map<Long, Map<YearMonth, Cell>> filed = new HashMap<>();
        if (!list.isEmpty()) {
            // a join rather than "in (select …)": H2 ran the subquery once per filing (1 s for 500 projects)
            w.bind(jdbc.sql("select m.project_id, m.for_month, min(m.filed_on), count(*) from research_material m"
                            + " join research_project p on p.id = m.project_id join person l on l.id = p.lead_id"
                            + " join org_unit i on i.id = p.institution_id" + w.sql()
                            + " and m.deleted_at is null and m.for_month >= :boardFrom and m.for_month <= :boardTo"
                            + " group by m.project_id, m.for_month"))
                    .query(rs -> {
                        YearMonth ym = YearMonth.from(rs.getObject(2, LocalDate.class));
                        filed.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put(ym, new Cell(ym, MonthState.NONE, rs.getObject(3, LocalDate.class), rs.getInt(4)));
                    });
        }
        MaterialCalendar cal = MaterialCalendar.of(terms.all(), f.from(), f.to());
        List<YearMonth> months = MaterialCalendar.months(f.from(), f.to());
        List<Map<MonthState, Integer>> counts = new ArrayList<>();
        months.forEach(m -> counts.add(new java.util.EnumMap<>(MonthState.class)));
        List<Row> rows = new ArrayList<>();
        for (P p : list) {
            List<Cell> cells = new ArrayList<>(months.size());
            Map<YearMonth, Cell> mine = filed.getOrDefault(p.id(), Map.of());
            for (int i = 0; i < months.size(); i++) {
                YearMonth ym = months.get(i);
                Cell c = mine.get(ym);
                boolean covered = (p.start() == null || !p.start().isAfter(ym.atEndOfMonth()))
                        && (p.end() == null || !p.end().isBefore(ym.atDay(1)));
                MonthState state = covered || c != null ? cal.state(ym, c == null ? null : c.firstFiled(), today) : MonthState.NONE;
                cells.add(new Cell(ym, state, c == null ? null : c.firstFiled(), c == null ? 0 : c.filings()));
                counts.get(i).merge(state, 1, Integer::sum);
            }
            rows.add(new Row(p.id(), p.title(), p.inst(), p.instName(), p.lead(), p.level(), p.stage(), cells));
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            var first = cal.firstWeek(months.get(i));
            columns.add(new Column(months.get(i), first == null ? null : first.to(), counts.get(i)));
        }
        return new Board(f, columns, rows, schools(), today);
    }

    /** The schools of the projects the user reads (the school filter). */
    public List<School> schools() {
        SqlFilter all = projects.scoped(Projects.Filter.none());
        return all.bind(jdbc.sql("select distinct i.id, i.name, i.sort_order from research_project p join person l on l.id = p.lead_id"
                        + " join org_unit i on i.id = p.institution_id" + all.sql() + " order by i.sort_order, i.id"))
                .query((rs, i) -> new School(rs.getLong(1), rs.getString(2))).list();
    }
}
