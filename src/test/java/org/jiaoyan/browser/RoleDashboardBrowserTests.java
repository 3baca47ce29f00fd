package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaoyan.TestUsers;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityFilter;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.PageQuery;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What each role meets on its 工作台 at 1366 px and on a 390 px phone (principal, county researcher, teacher), the
 * county's cross-school page, and the sign-in QR on a 1920×1080 projector.
 */
class RoleDashboardBrowserTests extends BrowserTestSupport {

    @Autowired UserDetailsService users;
    @Autowired Activities activities;
    @Autowired org.jiaoyan.plan.Plans plans;
    @Autowired org.jiaoyan.plan.PlanItems items;

    private void noSidewaysScrolling() {
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling on %s", driver.getCurrentUrl()).isTrue();
    }

    private void both(String user, String path, String name) {
        login(user, TestUsers.DEMO_PASSWORD);
        desktop();
        open(path);
        screenshot(name + "-desktop");
        phone();
        open(path);
        noSidewaysScrolling();
        screenshot(name + "-phone");
        logout();
    }

    @Test
    void eachRoleSeesItsOwnWorkbenchOnDesktopAndPhone() {
        both("principal", "/", "dashboard-principal");
        both("teacher", "/", "dashboard-teacher");
        both("county", "/", "dashboard-county");
        both("county", "/county", "county-view");

        login("principal", TestUsers.DEMO_PASSWORD);
        desktop();
        open("/");
        assertThat(find("#dashboard-review").getText()).contains("待我审核的计划");
        logout();
        login("teacher", TestUsers.DEMO_PASSWORD);
        open("/");
        assertThat(all("#dashboard-stats")).isEmpty();
        assertThat(find("#dashboard-observations").getText()).contains("我听课", "我被听课");
        logout();
        login("county", TestUsers.DEMO_PASSWORD);
        open("/county");
        assertThat(all("#county-table tbody tr")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(find("#county-table thead").getText()).contains("学校", "本学期计划完成", "本月听课");
    }

    @Test
    void theMonthCalendarHasALegendAndShowsMonthLongItemsOnceAboveTheGrid() {
        CurrentUser jks = TestUsers.load(users, "jks");
        var monthLong = Access.as(jks, () -> {
            for (var row : plans.list(new org.jiaoyan.plan.PlanFilter(null, jks.institutionId(),
                    org.jiaoyan.plan.PlanStatus.PUBLISHED, null), new PageQuery(1, 20, null, false)).items()) {
                for (var it : items.items(row.id())) {
                    if (it.periodStart().getDayOfMonth() == 1
                            && it.periodEnd().equals(it.periodStart().withDayOfMonth(it.periodStart().lengthOfMonth()))
                            && !it.time().kind().repeating()) {
                        return it;
                    }
                }
            }
            throw new AssertionError("no month-long item in the demo plans");
        });
        login("jks", TestUsers.DEMO_PASSWORD);
        desktop();
        open("/plans/" + monthLong.planId() + "/calendar");
        find("#plan-calendar .fc-daygrid");
        js("window.planCalendar.gotoDate(arguments[0]);", monthLong.periodStart().plusDays(10).toString());
        wait.until(d -> find("#calendar-month-items").isDisplayed()
                && find("#calendar-month-items").getText().contains(monthLong.content()));
        assertThat(find("#calendar-legend").getText()).contains("未开始", "进行中", "已完成", "逾期", "取消");
        assertThat(find("#plan-calendar .fc-daygrid-body").getText()).doesNotContain(monthLong.content());
        screenshot("plan-calendar-legend-desktop");
    }

    @Test
    void theProjectorShowsOnlyTheBigQrTheTitleAndTheLiveCount() {
        CurrentUser jks = TestUsers.load(users, "jks");
        long id = Access.as(jks, () -> {
            long first = activities.list(new ActivityFilter(null, null, null, null, null), new PageQuery(1, 20, null, false))
                    .items().stream().filter(a -> activities.canOrganise(activities.get(a.id()).organiserUnitId()))
                    .findFirst().orElseThrow().id();
            activities.openSignin(first);
            return first;
        });
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/activities/" + id + "/sign-in");
        String href = find("#projector-link").getDomAttribute("href");
        driver.manage().window().setSize(new Dimension(1920, 1080));
        long frame = (Long) js("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1920, 1080 + (int) frame));
        open(href);
        WebElement qr = find("#projector-qr svg");
        long bottom = ((Number) js("return arguments[0].getBoundingClientRect().bottom", qr)).longValue();
        long height = ((Number) js("return arguments[0].getBoundingClientRect().height", qr)).longValue();
        long count = ((Number) js("return document.getElementById('projector-count').getBoundingClientRect().bottom")).longValue();
        assertThat(height).as("QR height at 1080").isGreaterThan(500);
        assertThat(bottom).isLessThanOrEqualTo(1080);
        assertThat(count).as("count visible without scrolling").isLessThanOrEqualTo(1080);
        assertThat(find("#projector-count").getText()).matches("已签到 \\d+ / \\d+ 人");
        assertThat(all("nav, .app-menu, .navbar")).isEmpty();
        screenshot("signin-projector-1920");
    }
}
