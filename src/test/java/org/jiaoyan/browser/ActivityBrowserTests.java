package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The sign-in journey: the group leader creates an activity and shows the QR code; a teacher's phone opens the code's
 * link, logs in and is signed in; the leader's screen then lists the teacher as signed in.
 */
class ActivityBrowserTests extends BrowserTestSupport {

    @Test
    void teacherSignsInWithThePhoneAndTheOrganiserSeesIt() {
        login("zuzhang", TestUsers.DEMO_PASSWORD);
        open("/activities/new");
        Select organiser = new Select(find("#organiserUnitId"));
        organiser.getOptions().stream().filter(o -> o.getText().equals("语文教研组")).findFirst()
                .ifPresent(o -> organiser.selectByValue(o.getDomProperty("value")));
        find("#title").sendKeys("古诗文教学专题研讨");
        find("#place").sendKeys("录播教室");
        click("#activity-form button[type=submit]");
        wait.until(ExpectedConditions.urlMatches("/activities/\\d+$"));
        assertThat(find("#activity-title").getText()).isEqualTo("古诗文教学专题研讨");
        String activityUrl = driver.getCurrentUrl();
        click("#signin-open");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#signin-qr svg")));
        String scanUrl = find("#scan-url").getAttribute("href");
        screenshot("activity-signin-desktop");

        logout();
        phone();
        driver.get(scanUrl);
        // not signed in yet: the login page first, then back to the code
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        find("#username").sendKeys("teacher");
        find("#password").sendKeys(TestUsers.DEMO_PASSWORD);
        click("form button[type=submit]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scan-result"), "签到成功"));
        assertThat(find("#scan-result").getText()).contains("古诗文教学专题研讨");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("activity-scan-phone");

        logout();
        desktop();
        login("zuzhang", TestUsers.DEMO_PASSWORD);
        driver.get(activityUrl);
        assertThat(find("#attendance").getText()).contains("已签到");
    }
}
