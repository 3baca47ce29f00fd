package org.jiaoyan.research;

/** 国家级 … 校级, 个人课题 (message key research.level.*). */
public enum ProjectLevel {
    NATIONAL, PROVINCE, CITY, COUNTY, SCHOOL, PERSONAL;

    /** County level and above: what the county's researchers read of their schools' projects. */
    public boolean countyOrAbove() {
        return ordinal() <= COUNTY.ordinal();
    }

    public String messageKey() {
        return "research.level." + name();
    }
}
