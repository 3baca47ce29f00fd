package org.jiaoyan.assessment;

/** Who a round checks: the school's 教研组 (by the 教科室) or the members of one group (by its 教研组长). */
public enum CheckLevel {
    GROUPS, TEACHERS;

    public String messageKey() {
        return "assessment.level." + name();
    }
}
