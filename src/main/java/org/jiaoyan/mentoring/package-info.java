/**
 * 青蓝工程: mentor–apprentice pairs per school year with the eligibility rule (mentor 一级 or above, apprentice under
 * three years of service, exceptions with a recorded reason), the weekly mutual-observation view and the year-end
 * summary of a pair, built from observations.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.mentoring;
