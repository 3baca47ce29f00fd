package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaoyan.TestUsers;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.PlanData;
import org.jiaoyan.plan.PlanTemplate;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The term summary page: the draft in the editor, the toolbar, saving, regenerating after confirm, a phone's width. */
class PlanSummaryBrowserTests extends BrowserTestSupport {

    @Autowired UserDetailsService users;
    @Autowired Plans plans;
    @Autowired Terms terms;

    private long plan(String title) {
        CurrentUser jks = TestUsers.load(users, "jks");
        return Access.as(jks, () -> plans.create(new PlanData(jks.institutionId(), terms.current().orElseThrow().id(),
                title + (System.nanoTime() % 1_000_000), PlanTemplate.SCHOOL_RESEARCH_OFFICE, 3)));
    }

    @Test
    void officeWritesNextTermsPlansIntoTheDraftMakesThemBoldAndSaves() {
        long id = plan("总结编辑");
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/plans/" + id + "/summary");

        WebElement editor = find("#summary-editor");
        assertThat(editor.isDisplayed()).isTrue();
        assertThat(find("#summary-body").isDisplayed()).isFalse();
        assertThat(editor.getText()).contains("一、基本情况", "二、完成的工作", "四、下学期打算");
        assertThat(bodyText()).contains("以下是根据计划和完成记录生成的草稿");

        // the caret into the empty paragraph under 四、下学期打算, type, select the line, 加粗
        js("var e = arguments[0]; e.focus(); var r = document.createRange(); r.selectNodeContents(e.lastElementChild);"
                + " r.collapse(false); var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);", editor);
        new Actions(driver).sendKeys("下学期继续推进课题研究").perform();
        js("var r = document.createRange(); r.selectNodeContents(arguments[0].lastElementChild);"
                + " var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);", editor);
        click("#summary-toolbar [data-cmd=bold]");
        screenshot("plan-summary-desktop");
        click("#summary-form button[type=submit]");

        // the URL stays the same after the save: wait for the new page's message, not for the URL
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "工作总结已保存"));
        assertThat(bodyText()).contains("工作总结已保存", "下学期继续推进课题研究").doesNotContain("以下是根据计划和完成记录生成的草稿");
        String saved = Access.as(TestUsers.load(users, "jks"), () -> plans.summaryHtml(id));
        assertThat(saved).containsPattern("<(b|strong)>下学期继续推进课题研究</(b|strong)>");
    }

    @Test
    void summaryFitsAPhoneAndRegeneratesOnlyAfterConfirming() {
        long id = plan("总结手机");
        CurrentUser jks = TestUsers.load(users, "jks");
        Access.as(jks, () -> {
            plans.saveSummary(id, plans.get(id).version(), "<h2>已保存的总结</h2><p>保存过的正文</p>");
            return null;
        });
        login("jks", TestUsers.DEMO_PASSWORD);
        phone();
        open("/plans/" + id + "/summary");

        assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        assertThat(find("#summary-toolbar").isDisplayed()).isTrue();
        assertThat(find("#summary-editor").getText()).contains("保存过的正文");
        assertThat(find("#summary-form button[type=submit]").isDisplayed()).isTrue();
        screenshot("plan-summary-phone");

        click("#summary-regenerate");
        driver.switchTo().alert().dismiss();
        assertThat(find("#summary-editor").getText()).contains("保存过的正文");

        click("#summary-regenerate");
        driver.switchTo().alert().accept();
        wait.until(ExpectedConditions.urlContains("regenerate=true"));
        assertThat(find("#summary-editor").getText()).contains("一、基本情况").doesNotContain("保存过的正文");
        assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        screenshot("plan-summary-phone-draft");
    }
}
