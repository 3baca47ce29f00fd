package org.jiaoyan.plan;

/** Ready plans to start from: a school 教科室, a county 教研室, a hospital department (质控, 轮流授课, 人人过关). */
public enum PlanTemplate {
    SCHOOL_RESEARCH_OFFICE, COUNTY_RESEARCH_OFFICE, HOSPITAL_DEPARTMENT;

    public String messageKey() {
        return "plan.template." + name();
    }
}
