package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jiaoyan.TestUsers;
import org.jiaoyan.org.OrgStatistics;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signing in: the dashboard greets the 教科室主任 with the counts of the school; a wrong password says so in Chinese. */
class LoginBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDetailsService users;
    @Autowired
    OrgStatistics statistics;

    @Test
    void deptHeadSeesGreetingAndSchoolCountsAfterSigningIn() {
        open("/login");
        assertThat(bodyText()).contains("教科研工作平台", "用户名", "密码");
        screenshot("login-desktop");

        login("jks", TestUsers.DEMO_PASSWORD);

        CurrentUser jks = TestUsers.load(users, "jks");
        OrgStatistics.Summary expected = Access.as(jks, () -> statistics.forCurrentUser(LocalDate.now()));
        assertThat(find("h1").getText()).isEqualTo(jks.displayName() + "，您好");
        assertThat(find("#stat-people").getText()).isEqualTo(String.valueOf(expected.people()));
        assertThat(find("#stat-under40").getText()).isEqualTo(String.valueOf(expected.under40()));
        assertThat(find("#stat-institutions").getText()).isEqualTo("1");
        assertThat(expected.people()).isPositive();
        assertThat(bodyText()).contains("在职人员", "40 岁以下青年教师", "教研组 / 备课组", "常用功能");
        screenshot("dashboard-desktop");

        phone();
        open("/");
        assertThat(find("h1").getText()).isEqualTo(jks.displayName() + "，您好");
        assertThat(js("return document.documentElement.scrollWidth")).isInstanceOf(Long.class)
                .satisfies(w -> assertThat((Long) w).isLessThanOrEqualTo(390L));
        screenshot("dashboard-phone");
    }

    @Test
    void wrongPasswordShowsChineseErrorAndKeepsUsername() {
        login("jks", "not-the-password-1");

        assertThat(driver.getCurrentUrl()).contains("/login");
        assertThat(find(".alert-danger").getText()).isEqualTo("用户名或密码错误");
        assertThat(find("#username").getDomProperty("value")).isEqualTo("jks");
    }
}
