package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 月查 in the browser: the 教科室主任 starts a groups' round, adds and scores a hand-scored criterion, writes the
 * 通报, submits and publishes it; a teacher on a phone then reads the 通报 with the ranking, their group marked.
 */
class CheckRoundBrowserTests extends BrowserTestSupport {

    @Test
    void theOfficeHeadPublishesAMonthlyCheckAndATeacherReadsTheNoticeOnAPhone() {
        YearMonth month = YearMonth.now().minusMonths(19);
        String title = month.getYear() + "年" + month.getMonthValue() + "月教学常规月查通报（浏览器）";
        String docNumber = "实小教科〔" + month.getYear() + "〕" + month.getMonthValue() + "号";

        login("jks", TestUsers.DEMO_PASSWORD);
        open("/checks/new");
        setDate("#month", month.toString());
        find("#title").clear();
        find("#title").sendKeys(title);
        find("#docNumber").sendKeys(docNumber);
        click("#round-form button[type=submit]");
        wait.until(ExpectedConditions.urlMatches("/checks/\\d+$"));
        String round = driver.getCurrentUrl().replaceAll(".*/checks/", "");
        assertThat(find("h1").getText()).isEqualTo(title);
        assertThat(bodyText()).contains("草稿", "下载通报 (Word)");

        // a hand-scored criterion, one group scored 9 of 10: it heads the ranking
        find("#manualName").sendKeys("教案质量");
        click("#add-manual button[type=submit]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已添加检查项目"));
        WebElement last = all("#ranking-table tbody tr").get(all("#ranking-table tbody tr").size() - 1);
        String best = last.findElements(By.tagName("td")).get(1).getText();
        WebElement score = last.findElement(By.cssSelector(".score-input"));
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", score);
        score.sendKeys("9");
        click("#save-scores");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "评分已保存"));
        List<WebElement> first = all("#ranking-table tbody tr").get(0).findElements(By.tagName("td"));
        assertThat(first.get(0).getText()).isEqualTo("1");
        assertThat(first.get(1).getText()).isEqualTo(best);

        // the 通报 text
        WebElement text = find("#noticeText");
        text.clear();
        text.sendKeys("各教研组：\n教科室对本月教案进行了抽查，现将结果通报如下。\n请各组对照排名，查漏补缺。");
        click("#notice-form button[type=submit]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "通报已保存"));
        assertThat(find("#noticeText").getAttribute("value")).contains("现将结果通报如下");

        click("#submit-round");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已提交审核"));
        click("#publish-round");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已发布，全校教师可以查看"));
        assertThat(find("#notice").getText()).contains(docNumber, title, "现将结果通报如下");
        screenshot("checks-round-published-desktop");
        phone();
        screenshot("checks-round-published-phone");
        logout();

        // a teacher on a phone reads the 通报: title, 文号, body, the ranking with their group marked, the date
        login("teacher", TestUsers.DEMO_PASSWORD);
        open("/checks/" + round + "/notice");
        assertThat(find("#notice-title").getText()).isEqualTo(title);
        assertThat(find("#notice-doc-number").getText()).isEqualTo(docNumber);
        assertThat(find("#notice-body").getText()).contains("各教研组：", "现将结果通报如下");
        assertThat(all("#notice-draft")).isEmpty();
        WebElement ranking = find("#notice-ranking");
        assertThat(ranking.getText()).contains("名次", "教研组", "总分");
        List<WebElement> rows = ranking.findElements(By.cssSelector("tbody tr"));
        assertThat(rows.get(0).getText()).contains(best, "教案质量 9", "9");
        assertThat(all("#notice-ranking tr[data-own=true]")).isNotEmpty()
                .allSatisfy(tr -> assertThat(tr.getText()).contains("本组"));
        assertThat(find("#notice-mine").getText()).contains("本组成绩", "名 / 共 " + rows.size() + " 个组");
        assertThat(find("#notice-signature").getText()).contains("教科室", "年", "月", "日");
        assertThat((Long) js("return document.documentElement.scrollWidth")).as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(390L);
        assertThat(find("#download-notice").getText()).isEqualTo("下载通报 (Word)");
        screenshot("checks-notice-teacher-phone");
        desktop();
        screenshot("checks-notice-teacher-desktop");
    }
}
