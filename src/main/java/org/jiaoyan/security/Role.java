package org.jiaoyan.security;

/** Roles a user may hold, several at once; the message key gives the Chinese name (role.ADMIN = 系统管理员). */
public enum Role {
    /** 系统管理员 */
    ADMIN,
    /** 县区教研员: reads every institution of the region */
    COUNTY_RESEARCHER,
    /** 校长 / 业务校长: reads everything of the school */
    PRINCIPAL,
    /** 教科室主任 and other department heads: manage the school's people and units */
    DEPT_HEAD,
    /** 教研组长 / 备课组长: reads the members of the groups they lead */
    GROUP_LEADER,
    /** 教师: self */
    TEACHER;

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
