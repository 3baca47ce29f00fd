package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * 课题 in the browser: a teacher on a phone applies for a personal project, gives herself a task, uploads the
 * application form and submits it; the 教科室主任 on a desktop approves it with a number; the teacher sees it at 开题.
 */
class ResearchBrowserTests extends BrowserTestSupport {

    @Test
    void aTeacherAppliesOnThePhoneAndTheOfficeApprovesOnTheDesktop() throws Exception {
        String title = "低段识字游戏化的实践研究（" + System.currentTimeMillis() % 100000 + "）";
        phone();
        login("teacher", TestUsers.DEMO_PASSWORD);
        open("/projects");
        click("#project-new");
        find("#title").sendKeys(title);
        assertThat(new Select(find("#level")).getFirstSelectedOption().getText()).isEqualTo("个人课题");
        click("#project-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "课题已保存"));
        String projectUrl = driver.getCurrentUrl();
        assertThat(find("h1").getText()).isEqualTo(title);

        find("#task-form input[name=title]").sendKeys("识字游戏案例 10 篇");
        setDate("#task-form input[name=dueDate]", LocalDate.now().plusMonths(2).toString());
        click("#task-add");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "任务已保存"));
        assertThat(find("#tasks-table").getText()).contains("识字游戏案例 10 篇");

        Path form = Files.createTempFile("application-form", ".txt");
        Files.writeString(form, "个人课题申报表：" + title, StandardCharsets.UTF_8);
        find("[data-stage=APPLICATION] input[type=file]").sendKeys(form.toAbsolutePath().toString());
        click("#document-upload");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已上传"));
        click("#stage-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已提交，等待评审"));
        assertThat(find("[data-stage=APPLICATION]").getText()).contains("待评审").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 提交");
        assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        screenshot("research-teacher-phone");

        logout();
        desktop();
        login("jks", TestUsers.DEMO_PASSWORD);
        driver.get(projectUrl);
        new Select(find("#decision")).selectByVisibleText("通过");
        find("#projectNo").sendKeys("SXGR-2026-" + System.currentTimeMillis() % 1000);
        find("#comment").sendKeys("选题小而实，同意立项");
        screenshot("research-decide-desktop");
        click("#decide-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "评审结论已保存"));
        assertThat(find("#project-no").getText()).startsWith("SXGR-2026-");
        assertThat(find("#history").getText()).contains("选题小而实，同意立项", "通过");

        logout();
        phone();
        login("teacher", TestUsers.DEMO_PASSWORD);
        driver.get(projectUrl);
        assertThat(find("[data-stage=OPENING]").getText()).contains("当前");
        assertThat(find("[data-stage=APPLICATION]").getText()).contains("通过", "选题小而实");
    }
}
