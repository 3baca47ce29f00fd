package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * 工作制度 in the browser: the 教科室主任 reads the school's rules and templates, writes a stricter observation rule
 * whose sentence follows the editor, switches it on after the dry run and follows a red cell of the matrix to its
 * records; a teacher on a phone sees only what is still to do and only their own row; a bad number keeps the form.
 */
class RulesBrowserTests extends BrowserTestSupport {

    @Test
    void theOfficeHeadSwitchesOnAnObservationRuleAndFollowsARedCellToItsRecords() {
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/rules");
        assertThat(bodyText()).contains("工作制度", "实验小学", "制度模板");
        String rules = find("#rule-list").getText();
        assertThat(rules).contains("教研组每周教研活动", "备课组每周集体备课", "教师每月听课", "师徒每周互听一节课");
        assertThat(all("#rule-list [data-rule-id]")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(all("#rule-list [data-rule-id] .badge.text-bg-success")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(b -> assertThat(b.getText()).isEqualTo("已启用"));
        WebElement blogs = find("#templates [data-template=YOUNG_BLOGS_MONTHLY]");
        assertThat(blogs.getText()).contains("40周岁以下教师每月教研博客", "需要成果与博客模块，暂不能启用")
                .doesNotContain("使用此模板");
        assertThat(blogs.findElements(By.tagName("a"))).isEmpty();
        screenshot("rules-list-desktop");

        // the four education templates the demo school can run are in use: the editor still starts from one
        open("/rules/new?template=TEACHER_OBSERVE_MONTHLY");
        assertThat(find("#rule-sentence").getText()).contains("至少听课 2 节");
        String name = "教师每月听课三节（" + System.currentTimeMillis() % 100000 + "）";
        find("#name").clear();
        find("#name").sendKeys(name);
        WebElement threshold = find("#threshold");
        threshold.clear();
        threshold.sendKeys("3", Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-sentence"), "至少听课 3 节"));
        assertThat(find("#rule-sentence").getText()).contains("每位教师", "每月");
        screenshot("rules-editor-desktop");
        click("#rule-form button[type=submit]");
        wait.until(ExpectedConditions.urlMatches("/rules/\\d+$"));
        assertThat(find("h1").getText()).isEqualTo(name);
        assertThat(find("#rule-state").getText()).isEqualTo("未启用");
        assertThat(find("#dry-run-result").getText()).contains("个对象未达标");
        screenshot("rules-detail-dry-run-desktop");

        click("#enable-rule");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-state"), "已启用"));
        assertThat(bodyText()).contains("已启用“" + name + "”");
        click("#open-matrix");
        wait.until(ExpectedConditions.urlMatches("/rules/\\d+/matrix$"));
        find("#compliance-matrix");
        List<WebElement> red = all("#compliance-matrix td[data-state=NOT_MET]");
        assertThat(red).isNotEmpty();
        assertThat(red.get(0).getText()).contains("✗");
        screenshot("rules-matrix-desktop");

        // a red cell with records behind it where the demo has one (a teacher who observed, but too few lessons)
        WebElement cell = red.stream().filter(td -> !td.findElement(By.cssSelector(".count")).getText().equals("0"))
                .findFirst().orElse(red.get(0));
        int count = Integer.parseInt(cell.findElement(By.cssSelector(".count")).getText());
        WebElement link = cell.findElement(By.tagName("a"));
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", link);
        link.click();
        wait.until(ExpectedConditions.urlContains("/cell?"));
        assertThat(find("#cell-state").getText()).contains("未达标");
        assertThat(find("#cell-count").getText()).isEqualTo(String.valueOf(count));
        assertThat(bodyText()).contains("达标明细", "相关记录", "至少听课 3 节");
        assertThat(all("#cell-records li")).hasSize(count);
        screenshot("rules-cell-desktop");

        // back on the matrix, narrowed to one 教研组: the page reloads with the group kept and only its members' rows
        driver.navigate().back();
        int everyone = all("#compliance-matrix tbody tr[data-subject-id]").size();
        new Select(find("#m-group")).selectByVisibleText("语文教研组");
        wait.until(ExpectedConditions.urlContains("group="));
        assertThat(new Select(find("#m-group")).getFirstSelectedOption().getText()).isEqualTo("语文教研组");
        assertThat(all("#compliance-matrix tbody tr[data-subject-id]")).isNotEmpty().hasSizeLessThan(everyone);
        assertThat(find("#matrix-export").getAttribute("href")).contains("group=");
        screenshot("rules-matrix-group-desktop");
    }

    @Test
    void aTeacherOnAPhoneSeesWhatIsStillToDoAndOnlyTheirOwnRow() {
        phone();
        login("teacher", TestUsers.DEMO_PASSWORD);
        open("/");
        WebElement card = find("#dashboard-rules");
        assertThat(card.getText()).contains("我的制度完成情况", "只有你自己能看到这里的内容");
        assertThat(card.findElements(By.cssSelector(".still-to-do")))
                .anySatisfy(line -> assertThat(line.getText()).startsWith("本月还需："));
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("rules-dashboard-phone");

        // the school's rules are readable to its teachers; the matrix from there shows the teacher's own row only
        open("/rules");
        find("#rule-list").findElement(By.xpath(".//a[normalize-space()='教师每月听课']/ancestor::*[@data-rule-id][1]"))
                .findElement(By.partialLinkText("达标矩阵")).click();
        assertThat(all("#compliance-matrix tbody tr")).hasSize(1);
        assertThat(all("#compliance-matrix tbody tr[data-subject-id]")).hasSize(1);
        assertThat(bodyText()).contains("只显示与你有关的行");
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("rules-matrix-phone");
    }

    @Test
    void theOfficeHeadOnAPhoneReadsTheOverviewAndARulesTrend() {
        phone();
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/rules");
        click("#open-overview");
        wait.until(ExpectedConditions.urlContains("/rules/overview"));
        assertThat(find("h1").getText()).isEqualTo("制度执行总览");
        WebElement table = find("#compliance-overview");
        assertThat(table.findElement(By.tagName("thead")).getText()).contains("全校", "语文教研组");
        assertThat(all("#compliance-overview tbody tr[data-rule-id]")).hasSizeGreaterThanOrEqualTo(4);
        // the table scrolls inside its card; the page itself stays phone-wide
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("rules-overview-phone");

        // last month has judged cells; one leads to the rule's matrix for that month
        click("#overview-filter a[title='上个月']");
        wait.until(ExpectedConditions.urlContains("month="));
        WebElement judged = all("#compliance-overview td[data-judged]").stream()
                .filter(td -> !td.getDomAttribute("data-judged").equals("0")).findFirst().orElseThrow();
        assertThat(judged.getText()).containsPattern("\\d+/\\d+ · \\d+%");
        WebElement link = judged.findElement(By.tagName("a"));
        js("arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});", link);
        link.click();
        wait.until(ExpectedConditions.urlMatches("/rules/\\d+/matrix\\?from="));
        find("#compliance-matrix");

        // the rule's page draws the share met per period of the term
        find("nav.breadcrumb, nav[aria-label=breadcrumb]").findElements(By.tagName("a")).get(1).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rule-trend canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rule-trend-data:not([hidden])")));
        assertThat(all("#rule-trend-data tbody tr")).isNotEmpty();
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("rules-trend-phone");
    }

    @Test
    void theEditorKeepsWhatWasTypedWhenTheNumberIsOutOfRange() {
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/rules/new?template=TEACHER_OBSERVE_MONTHLY");
        find("#name").clear();
        find("#name").sendKeys("听课太多的制度");
        WebElement threshold = find("#threshold");
        threshold.clear();
        threshold.sendKeys("5000");
        click("#rule-form button[type=submit]");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#threshold.is-invalid")));
        assertThat(find("#threshold + .invalid-feedback").getText()).isEqualTo("数量应在 0 到 1000 之间");
        assertThat(find("#name").getDomProperty("value")).isEqualTo("听课太多的制度");
        assertThat(find("#threshold").getDomProperty("value")).isEqualTo("5000");
        screenshot("rules-editor-error-desktop");
    }
}
