package org.jiaoyan.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Implemented by a module that knows a set of people a rule may be about which the org tree does not hold (the leads
 * of approved personal research projects, who have no 课题组). Set ids look like metric ids ("research.personal-leads").
 * Answers as the system, like a {@link MetricSource}: the caller has checked that the user may see the institutions.
 */
public interface PeopleSource {

    /** The ids of the sets this source answers. */
    Set<String> sets();

    /** The people (person ids) of the set who belong to one of the institutions on the day. */
    Set<Long> people(String setId, Collection<Long> institutionIds, LocalDate day);
}
