package org.jiaoyan.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A rule with the version in force today. Owned by a school (institutionId) or a county (regionId); a school's
 * tightening of a county rule has the county rule as parent.
 */
public record Rule(long id, @Nullable Long institutionId, @Nullable Long regionId, @Nullable Long parentRuleId,
                   @Nullable String templateCode, String name, boolean enabled, boolean publicRanking, int version,
                   long specId, LocalDate effectiveFrom, RuleSpec spec) {

    public boolean countyRule() {
        return regionId != null;
    }
}
