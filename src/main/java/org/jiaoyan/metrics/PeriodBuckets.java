package org.jiaoyan.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts each record into its period in SQL, so a source answers {@link MetricSource#countPerPeriod} with one grouped
 * query: {@code case when d >= :pb0s and d < :pb0e then 0 when d >= :pb1s and d < :pb1e then 1 … end} is the record's
 * period index (null in a gap between periods or outside them). Every bound is a bind parameter; the periods are
 * half-open in SQL (the day after a period's last day is its exclusive end), so a timestamp at 23:59 of the last day
 * counts, on H2 and PostgreSQL alike.
 */
public final class PeriodBuckets {

    private final String column;
    private final List<DateSpan> periods;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private PeriodBuckets(String column, List<DateSpan> periods, boolean timestamps) {
        requireOrderedAndDisjoint(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("no periods");
        }
        this.column = column;
        this.periods = List.copyOf(periods);
        for (int i = 0; i < periods.size(); i++) {
            LocalDate start = periods.get(i).from();
            LocalDate end = periods.get(i).to().plusDays(1);
            params.put("pb" + i + "s", timestamps ? start.atStartOfDay() : start);
            params.put("pb" + i + "e", timestamps ? end.atStartOfDay() : end);
        }
    }

    /** Periods of a {@code date} column (observed_on): bounds bound as dates. */
    public static PeriodBuckets ofDates(String column, List<DateSpan> periods) {
        return new PeriodBuckets(column, periods, false);
    }

    /** Periods of a {@code timestamp} column (starts_at): bounds bound as midnights. */
    public static PeriodBuckets ofTimestamps(String column, List<DateSpan> periods) {
        return new PeriodBuckets(column, periods, true);
    }

    /** The period index of the record's column, null outside every period. */
    public String indexExpression() {
        StringBuilder sql = new StringBuilder("case");
        for (int i = 0; i < periods.size(); i++) {
            sql.append(" when ").append(column).append(" >= :pb").append(i).append("s and ")
                    .append(column).append(" < :pb").append(i).append("e then ").append(i);
        }
        return sql.append(" end").toString();
    }

    /** From the first period's first day to the end of the last one: lets the database use its index on the column. */
    public String withinAll() {
        return column + " >= :pb0s and " + column + " < :pb" + (periods.size() - 1) + "e";
    }

    /** The bounds, by the names {@link #indexExpression} and {@link #withinAll} use. */
    public Map<String, Object> params() {
        return params;
    }

    /**
     * Above this many subjects a grouped count reads every row of the date range and keeps the subjects asked for in
     * Java: one index lookup per subject (H2 plans {@code in (…)} so, and {@code = any(array)} as a scan testing each
     * row against the whole array) costs more than reading the range once — a county's 5,000 teachers took 5 s where
     * the range read took 0.3 s. Below it, a school's hundred teachers are looked up through the subject's index.
     */
    public static final int LOOKUP_LIMIT = 400;

    /**
     * Runs {@code select <subject>, <period index>, count(*)} over the rows of {@code fromWhere} (a from clause with its
     * where conditions, to which {@link #withinAll} and, for a few subjects, {@code <subject> in (:subjectIds)} are
     * added) grouped by subject and period, with the caller's parameters and the bounds. Answers one count per period
     * for each subject asked for that has records.
     */
    public Map<Long, long[]> count(JdbcClient jdbc, String subject, String fromWhere, Collection<Long> subjectIds,
                                   Map<String, ?> callerParams) {
        return count(jdbc, subject, fromWhere, subjectIds, callerParams, LOOKUP_LIMIT);
    }

    /**
     * A subject holding a school's records (the school itself) has a hundred times a teacher's rows: past a few of
     * them, reading the range is cheaper than looking each one up.
     */
    public static final int INSTITUTION_LOOKUP_LIMIT = 4;

    /** As above, with the number of subjects up to which they are looked up through the index. */
    public Map<Long, long[]> count(JdbcClient jdbc, String subject, String fromWhere, Collection<Long> subjectIds,
                                   Map<String, ?> callerParams, int lookupLimit) {
        boolean lookup = subjectIds.size() <= lookupLimit;
        String sql = "select subject_id, period_index, count(*) from (select " + subject + " as subject_id, "
                + indexExpression() + " as period_index " + fromWhere + " and " + withinAll()
                + (lookup ? " and " + subject + " in (:subjectIds)" : "")
                + ") bucketed where period_index is not null group by subject_id, period_index";
        Map<String, Object> all = new HashMap<>(callerParams);
        all.putAll(params);
        Set<Long> wanted = lookup ? null : new HashSet<>(subjectIds);
        if (lookup) {
            all.put("subjectIds", subjectIds);
        }
        Map<Long, long[]> out = new HashMap<>();
        jdbc.sql(sql).params(all).query(rs -> {
            long id = rs.getLong(1);
            if (wanted == null || wanted.contains(id)) {
                out.computeIfAbsent(id, k -> new long[periods.size()])[rs.getInt(2)] = rs.getLong(3);
            }
        });
        return out;
    }

    /** The index of the period containing the day (the same rule in Java), or -1 when it is in none of them. */
    public static int indexOf(List<DateSpan> periods, LocalDate day) {
        int low = 0;
        int high = periods.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            DateSpan p = periods.get(mid);
            if (day.isBefore(p.from())) {
                high = mid - 1;
            } else if (day.isAfter(p.to())) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Periods must follow each other without overlapping (gaps are allowed): a record then has one period at most. */
    public static void requireOrderedAndDisjoint(List<DateSpan> periods) {
        for (int i = 1; i < periods.size(); i++) {
            if (!periods.get(i).from().isAfter(periods.get(i - 1).to())) {
                throw new IllegalArgumentException("periods overlap or are out of order: " + periods.get(i - 1)
                        + " then " + periods.get(i));
            }
        }
    }
}
