package org.jiaoyan.rules;

/** How a rule cuts time (message key rule.period.*). */
public enum PeriodKind {
    /** 自然周: Monday to Sunday */
    CALENDAR_WEEK,
    /** 教学周: the term's numbered weeks; a week whose school days are all holidays is skipped */
    TEACHING_WEEK,
    /** 自然月 */
    MONTH,
    /** 学期 */
    TERM,
    /** 每月第一个教学周: the teaching week holding the month's first school day */
    FIRST_TEACHING_WEEK_OF_MONTH,
    /** 自定义时段 */
    CUSTOM
}
