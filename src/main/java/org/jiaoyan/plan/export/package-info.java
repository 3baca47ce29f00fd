/**
 * Exports of a plan: the plan and its 行事历 as a Word document in official style, the schedule as Excel, and the term
 * summary (工作总结) drafted from the plan and its records.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.plan.export;
