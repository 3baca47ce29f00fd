package org.jiaoyan.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Subjects × periods of one rule: per cell the count and the state (null where the subject was not under the rule
 * in that period, e.g. a teacher who turned 40). Periods that were frozen by a monthly snapshot are marked.
 */
public record ComplianceMatrix(Rule rule, List<RulePeriod> periods, List<Row> rows, List<Boolean> frozen) {

    public record Cell(long count, ComplianceState state) {
    }

    public record Row(ComplianceSubject subject, String institutionName, List<@Nullable Cell> cells) {

        public long count(ComplianceState s) {
            return cells.stream().filter(c -> c != null && c.state() == s).count();
        }
    }

    /** Subjects judged MET in the period / judged at all (MET + NOT_MET). */
    public long met(int period) {
        return rows.stream().map(r -> r.cells().get(period)).filter(c -> c != null && c.state() == ComplianceState.MET).count();
    }

    public long judged(int period) {
        return rows.stream().map(r -> r.cells().get(period))
                .filter(c -> c != null && (c.state() == ComplianceState.MET || c.state() == ComplianceState.NOT_MET)).count();
    }

    /** Subjects with at least one NOT_MET cell. */
    public long flagged() {
        return rows.stream().filter(r -> r.count(ComplianceState.NOT_MET) > 0).count();
    }
}
