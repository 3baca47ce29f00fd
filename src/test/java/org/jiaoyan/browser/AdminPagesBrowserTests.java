package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;

/** The organisation, term, profile and administration pages render in Chinese on desktop and phone without overflow. */
class AdminPagesBrowserTests extends BrowserTestSupport {

    private void bothWidths(String path, String name, String... expected) {
        desktop();
        open(path);
        assertThat(bodyText()).contains(expected);
        screenshot(name + "-desktop");
        phone();
        open(path);
        assertThat(bodyText()).contains(expected);
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
                .as(path + " fits a 390 px phone").isLessThanOrEqualTo(390);
        screenshot(name + "-phone");
    }

    @Test
    void organisationAndTermPagesForTheResearchOffice() {
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/units");
        click("a.card");
        String school = driver.getCurrentUrl().replaceAll(".*/units/", "");
        bothWidths("/units/" + school, "unit-detail", "语文教研组", "备课组", "教科室");
        bothWidths("/terms", "terms", "学年第一学期", "本周为第");
        bothWidths("/profile", "profile", "修改密码", "个人 API 令牌");
    }

    @Test
    void administrationPages() {
        login("admin", TestUsers.ADMIN_PASSWORD);
        bothWidths("/admin/users", "users", "用户与角色", "教科室主任");
        bothWidths("/admin/dictionaries?kind=title", "dictionaries", "一级教师", "小学高级");
        bothWidths("/admin/logins", "logins", "登录成功");
        bothWidths("/admin/audit", "audit", "操作日志");
    }
}
