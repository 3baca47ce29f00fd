/**
 * 考核: monthly checks (月查) of groups by the 教科室 and of teachers by their 教研组长 — criteria taken from the rules
 * (scored from the month's compliance) and criteria scored by hand, a ranking, a 通报, drafted, reviewed and published;
 * a published round is locked and corrected only as a new revision with a reason.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.assessment;
