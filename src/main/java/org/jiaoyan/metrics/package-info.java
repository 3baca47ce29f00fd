/**
 * Evidence counts for the rules engine (制度): every module that produces records publishes its metrics through
 * {@link org.jiaoyan.metrics.MetricSource}; the rules module reads counts only through {@link org.jiaoyan.metrics.Metrics},
 * never another module's tables. Sets of people a rule may be about that the org tree does not hold (the leads of
 * personal research projects) come the same way, through {@link org.jiaoyan.metrics.PeopleSource}.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.metrics;
