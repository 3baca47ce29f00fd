package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaoyan.TestUsers;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plan journey: the 教科室主任 pastes a plan, corrects the one row the preview marks, confirms; the principal
 * approves; the plan is published; the item shows in the calendar and in the group leader's 我的任务 on a phone.
 */
class PlanBrowserTests extends BrowserTestSupport {

    @Autowired
    Terms terms;

    private static final String PLAN = """
            实验小学%s教研工作行事历

            一、指导思想
            立足课堂，聚焦课题研究，推进校本教研。

            二、工作安排
            周次 时间 工作内容 负责人
            第1周 开学常规检查 教导处
            第13周 青年教师过关课（语文） 语文教研组
            第30周 期中教学质量检测 全体
            """;

    @Test
    void importCorrectPublishAndFindTheItemInTheCalendarAndInMyTasks() {
        SchoolTerm term = Access.asSystem(() -> terms.current().orElseThrow()); // 我的任务 shows the current term
        String title = "实验小学" + term.label() + "教研工作行事历";

        login("jks", TestUsers.DEMO_PASSWORD);
        open("/plans/import");
        js("arguments[0].value = arguments[1];", find("#import-text"), PLAN.formatted(term.label()));
        click("#import-read");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-form")));
        wait.until(d -> d.findElements(By.cssSelector("#preview-rows tbody tr")).size() >= 3);
        assertThat(find("#title").getDomProperty("value")).isEqualTo(title);
        assertThat(all("#preview-rows tbody tr")).hasSize(3);
        // 第30周 lies outside the term: the preview marks that row before anything is saved
        assertThat(find("#row-errors").getText()).contains("1 行需要修改");
        WebElement badTime = find("tr.table-danger input[name$='.time']");
        assertThat(find("tr.table-danger .invalid-feedback").getText()).contains("时间不在").contains(term.label());
        screenshot("plan-import-preview-desktop");
        badTime.clear();
        badTime.sendKeys("第9周");
        click("#import-confirm");

        wait.until(ExpectedConditions.urlMatches("/plans/\\d+/schedule$"));
        assertThat(find(".alert-success").getText()).contains("已导入 3 个事项");
        assertThat(find("#schedule").getText()).contains("期中教学质量检测", "第9周", "青年教师过关课（语文）", "语文教研组");
        String planUrl = driver.getCurrentUrl().replace("/schedule", "");
        click("#plan-submit");
        driver.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已提交审核"));

        logout();
        login("principal", TestUsers.DEMO_PASSWORD);
        driver.get(planUrl);
        click("#plan-approve");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已审核通过"));
        click("#plan-publish");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已发布"));
        assertThat(find(".plan-header").getText()).contains("已发布");

        driver.get(planUrl + "/calendar");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan-calendar .fc-daygrid")));
        js("window.planCalendar.gotoDate(arguments[0]);", term.weekStart(13).toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-calendar"), "青年教师过关课（语文）"));
        assertThat(find("#plan-calendar").getText()).contains("第13周");
        screenshot("plan-calendar-desktop");

        logout();
        phone();
        login("zuzhang", TestUsers.DEMO_PASSWORD);
        open("/tasks?show=all");
        WebElement task = wait.until(d -> d.findElements(By.cssSelector("#tasks .task-card")).stream()
                .filter(e -> e.getText().contains("青年教师过关课（语文）")).findFirst().orElse(null));
        assertThat(task.getText()).contains(title).contains("第13周");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("plan-tasks-phone");
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", task);
        task.click();
        wait.until(ExpectedConditions.urlMatches("/plans/\\d+/items/\\d+$"));
        find("#item-note").sendKeys("已听课 6 节，过关 5 人");
        find("#item-file").sendKeys(photo().toAbsolutePath().toString());
        click("#item-done");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已标记完成"));
        assertThat(find(".item-status").getText()).isEqualTo("已完成");
        assertThat(find("#item-evidence").getText()).contains("lesson-photo.png");
        assertThat((Boolean) js("var i = document.querySelector('#item-evidence img'); return i != null && i.complete && i.naturalWidth > 0;"))
                .as("the uploaded photo shows as a picture").isTrue();
        screenshot("plan-item-done-phone");
    }

    /** A small PNG on disk with an ASCII name (the test JVM cannot hand chromedriver a Chinese path). */
    private static java.nio.file.Path photo() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempDirectory("jiaoyan-photo").resolve("lesson-photo.png");
            var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(java.awt.Color.ORANGE);
            g.fillRect(0, 0, 40, 30);
            g.dispose();
            javax.imageio.ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
