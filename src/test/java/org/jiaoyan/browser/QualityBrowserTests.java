package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The 护士长's drill on a phone: open a new drill, tick 其余全部通过, mark one nurse 未通过 with a note, save; the
 * drill's page shows the count and the nurse waiting for a retake; a QC check that needs rectification asks for the
 * findings; the lists fit the phone's width.
 */
class QualityBrowserTests extends BrowserTestSupport {

    @Test
    void theHeadNurseRecordsADrillOnHerPhoneWithAFewTaps() {
        phone();
        login("hushizhang", TestUsers.DEMO_PASSWORD);
        open("/quality/drills");
        assertThat(bodyText()).contains("应急演练", "人人过关");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("quality-drills-phone");

        open("/quality/drills/new");
        // a day of an earlier year, so that this drill leaves the demo's 人人过关 of the current term as it is
        setDate("#heldOn", java.time.LocalDate.now().minusYears(2).withDayOfMonth(12).toString());
        find("#scenario").sendKeys("羊水栓塞抢救");
        List<WebElement> rows = all(".drill-person");
        assertThat(rows).hasSize(12);
        String failing = rows.get(3).getAttribute("data-person");
        click("label[for='o-" + failing + "-fail']");
        find("input[name='notes[" + failing + "]']").sendKeys("气道管理不熟练");
        click("[data-drill-all=PASS]");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("quality-drill-form-phone");
        click("#drill-form button[type=submit]");
        wait.until(ExpectedConditions.urlMatches("/quality/drills/\\d+$"));
        assertThat(find("#drill-count").getText()).isEqualTo("通过 11 / 12");
        assertThat(find("#drill-results").getText()).contains("气道管理不熟练", "待补考");
        screenshot("quality-drill-detail-phone");

        // a QC check that needs rectification, then the training list with the rotation of presenters
        open("/quality/checks/new");
        find("#item").sendKeys("危急值报告");
        click("label[for='result-NEEDS_FIX']");
        click("#check-form button[type=submit]");
        assertThat(find(".invalid-feedback.d-block, #findings + .invalid-feedback").getText()).contains("需整改时请写明存在的问题");
        find("#findings").sendKeys("危急值登记本 1 例未记录报告时间");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("quality-check-form-phone");
        click("#check-form button[type=submit]");
        wait.until(ExpectedConditions.urlMatches("/quality/checks/\\d+$"));
        assertThat(find("#check-result").getText()).isEqualTo("需整改");
        open("/quality/trainings");
        assertThat(find("#training-rotation").getText()).contains("轮流授课");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("quality-trainings-phone");
    }
}
