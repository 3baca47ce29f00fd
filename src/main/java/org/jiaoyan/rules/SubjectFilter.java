package org.jiaoyan.rules;

import org.jiaoyan.metrics.SubjectKind;

/**
 * Who a rule is about (message key rule.filter.*); the value says more where needed: an age (UNDER_AGE: 40), years
 * of service (SERVICE_UNDER: 3), title or honour codes, a group kind, a list of ids. Age and service are taken on the
 * first day of each period.
 */
public enum SubjectFilter {
    /** 全体教师 */
    ALL_TEACHERS(SubjectKind.TEACHER),
    /** N 周岁以下教师 (value: N) */
    UNDER_AGE(SubjectKind.TEACHER),
    /** 教龄不满 N 年 (value: N) */
    SERVICE_UNDER(SubjectKind.TEACHER),
    /** 职称 (value: title codes, comma separated) */
    TITLE(SubjectKind.TEACHER),
    /** 荣誉称号 (value: honour codes) */
    HONOUR(SubjectKind.TEACHER),
    /** 指定教师 (value: person ids) */
    LIST_PEOPLE(SubjectKind.TEACHER),
    /**
     * 课题组成员: members and leaders of the school's 课题组 (org groups of kind PROJECT), and the leads of approved
     * personal projects, which have no 课题组 (people set {@link RuleSubjects#PERSONAL_PROJECT_LEADS}, answered by
     * the research module through metrics). No value.
     */
    PROJECT_MEMBERS(SubjectKind.TEACHER),
    /** 全部教研组 / 备课组 / 课题组 (value: the group kind) */
    GROUPS(SubjectKind.GROUP),
    /** 全部处室 / 科室 */
    DEPARTMENTS(SubjectKind.GROUP),
    /** 指定组 (value: unit ids) */
    LIST_UNITS(SubjectKind.GROUP),
    /** 全部师徒结对 */
    PAIRS(SubjectKind.PAIR),
    /** 学校 / 医院 */
    INSTITUTION(SubjectKind.INSTITUTION);

    private final SubjectKind kind;

    SubjectFilter(SubjectKind kind) {
        this.kind = kind;
    }

    public SubjectKind kind() {
        return kind;
    }
}
