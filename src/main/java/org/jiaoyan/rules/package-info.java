/**
 * The rules engine (制度): rules as data (a metric published through {@code metrics}, the subjects it is about, a
 * period, a comparison with a threshold, reminders), versioned from a date; compliance computed per subject per
 * period from the records, exemptions, monthly snapshots of closed periods, and what each teacher still has to do.
 * Reads evidence only through {@link org.jiaoyan.metrics.Metrics}, people and groups through the {@code org} module.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.rules;
