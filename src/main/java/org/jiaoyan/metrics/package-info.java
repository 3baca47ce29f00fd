/**
 * Evidence counts for the rules engine (制度): every module that produces records publishes its metrics through
 * {@link org.jiaoyan.metrics.MetricSource}; the rules module reads counts only through {@link org.jiaoyan.metrics.Metrics},
 * never another module's tables.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.metrics;
