package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The observation journey: a teacher on a 390 px phone scores a lesson criterion by criterion while the total follows,
 * writes the strengths and saves; the observed group leader opens it, replies and acknowledges. Then the 教科室主任
 * looks at the weekly 青蓝 view on the office screen.
 */
class ObservationBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDetailsService users;

    @Test
    void teacherScoresALessonOnAPhoneAndTheObservedTeacherAcknowledgesIt() {
        long observed = TestUsers.load(users, "zuzhang").personId();
        phone();
        login("teacher", TestUsers.DEMO_PASSWORD);
        open("/observations/new");
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                find("#teacherId"), String.valueOf(observed));
        find("#className").sendKeys("三(2)班");
        find("#topic").sendKeys("《秋天的雨》第二课时");
        List<WebElement> scores = all("input.score[type=text]");
        assertThat(scores).hasSizeGreaterThan(5);
        assertThat(scores.get(0).getDomAttribute("inputmode")).isEqualTo("decimal");
        double expected = 0;
        for (WebElement input : scores) {
            double max = Double.parseDouble(input.findElement(By.xpath("ancestor::li[@data-criterion]")).getDomAttribute("data-max"));
            double score = max - 1;
            js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", input);
            input.sendKeys(trim(score));
            expected += score;
            assertThat(find("#observation-total").getText()).isEqualTo(trim(expected));
        }
        if (expected == 0) {
            throw new AssertionError("no scores entered");
        }
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling at 390 px").isTrue();
        js("window.scrollTo(0, document.querySelector('#criteria').offsetTop - 60)");
        screenshot("observation-entry-phone");
        WebElement strengths = find("#strengths");
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", strengths);
        strengths.sendKeys("情境导入自然，朗读指导到位。");
        find("#suggestions").sendKeys("小组讨论时间可以再多一些。");
        screenshot("observation-entry-total-phone");
        click("#observation-save");

        wait.until(ExpectedConditions.urlMatches("/observations/\\d+$"));
        assertThat(find(".alert-success").getText()).contains("听课记录已保存");
        assertThat(find("#observation-total").getText()).isEqualTo(trim(expected));
        String url = driver.getCurrentUrl();
        screenshot("observation-saved-phone");

        logout();
        desktop();
        login("zuzhang", TestUsers.DEMO_PASSWORD);
        open("/observations?whose=OF_ME");
        assertThat(find("#observations-table").getText()).contains("《秋天的雨》第二课时");
        driver.get(url);
        assertThat(find("#ack-status").getText()).contains("尚未确认");
        assertThat(find("#observation-strengths").getText()).contains("情境导入自然");
        find("#reply").sendKeys("谢谢指导，下次多给学生讨论的时间。");
        click("#ack-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已确认"));
        assertThat(find("#ack-status").getText()).contains("已于");
        assertThat(find("#ack-reply").getText()).contains("下次多给学生讨论的时间");
        screenshot("observation-acknowledged-desktop");
    }

    @Test
    void departmentHeadSeesTheWeeklyMutualObservationViewWithGaps() {
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/mentoring/weeks");
        assertThat(all("#week-matrix tbody tr[data-pair-id]")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(all("#week-matrix td.state-BOTH")).isNotEmpty();
        screenshot("mentoring-weeks-desktop");
        open("/forms");
        assertThat(find("#forms-table").getText()).contains("课堂评价表", "课堂观察量表");
        phone();
        open("/mentoring/weeks");
        screenshot("mentoring-weeks-phone");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
