package org.jiaoyan.assessment;

import org.jspecify.annotations.Nullable;

/** A criterion of a round: from a rule (ruleId set, scored from compliance) or scored by the checker. */
public record CheckCriterion(long id, Kind kind, @Nullable Long ruleId, String name, double maxScore) {

    public enum Kind { RULE, MANUAL }

    public boolean fromRule() {
        return kind == Kind.RULE;
    }
}
