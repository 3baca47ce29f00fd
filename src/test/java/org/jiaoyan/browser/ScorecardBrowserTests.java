package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jiaoyan.TestUsers;
import org.jiaoyan.assessment.Scorecard;
import org.jiaoyan.assessment.Scorecards;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 学期考核 in the browser: a teacher on a phone opens 我的考核, reads the lines behind each item with links to the
 * evidence and appeals a line; the 教科室主任 accepts the appeal with one more point and a reason; the teacher sees the
 * accepted appeal and the new total on the card.
 */
class ScorecardBrowserTests extends BrowserTestSupport {

    @Autowired UserDetailsService users;
    @Autowired Scorecards scorecards;
    @Autowired Terms terms;

    @Test
    void aTeacherAppealsALineOnThePhoneAndTheOfficeAcceptsItWithOneMorePoint() {
        CurrentUser teacher = TestUsers.load(users, "teacher");
        long termId = terms.current().orElseThrow().id();
        Scorecard before = Access.as(teacher, () -> scorecards.mine(termId));
        // an item with lines whose category has room for one more point
        Scorecard.ItemCard item = before.categories().stream()
                .filter(ScorecardBrowserTests::roomForOneMore)
                .flatMap(c -> c.items().stream()).filter(i -> !i.lines().isEmpty()).findFirst()
                .orElseGet(() -> before.categories().stream().filter(ScorecardBrowserTests::roomForOneMore)
                        .flatMap(c -> c.items().stream()).findFirst().orElseThrow());
        String reason = "漏记了一次听课（" + System.currentTimeMillis() % 100000 + "）";

        phone();
        login("teacher", TestUsers.DEMO_PASSWORD);
        open("/me/scorecard");
        assertThat(find("h1").getText()).isEqualTo("我的考核");
        String total = find("#card-total").getText();
        List<WebElement> evidence = all(".score-line .evidence-link");
        assertThat(all(".score-line")).isNotEmpty();
        assertThat(evidence).isNotEmpty();
        assertThat(evidence.get(0).getAttribute("href")).startsWith(url("/"));
        assertThat(all(".score-line .line-day").stream().map(WebElement::getText).filter(t -> !t.isEmpty()).findFirst().orElse(""))
                .matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        screenshot("scorecard-teacher-phone");

        String box = "[data-item='" + item.item().code() + "']";
        click(box + " .appeal-open");
        WebElement form = find(box + " .appeal-form");
        List<WebElement> lines = form.findElements(By.cssSelector(".appeal-line"));
        if (!lines.isEmpty()) {
            new Select(lines.get(0)).selectByIndex(1);
        }
        form.findElement(By.cssSelector(".appeal-reason")).sendKeys(reason);
        screenshot("scorecard-appeal-form-phone");
        click(box + " .appeal-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "申诉已提交"));
        assertThat(find("#card-appeals").getText()).contains(reason, "待处理");

        logout();
        desktop();
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/appeals?termId=" + termId);
        WebElement appeal = all("#appeal-list li.appeal[data-status=OPEN]").stream()
                .filter(li -> li.getText().contains(reason)).findFirst().orElseThrow();
        String id = appeal.getAttribute("data-appeal-id");
        screenshot("scorecard-appeals-desktop");
        find("#delta-" + id).sendKeys("1");
        find("#accept-why-" + id).sendKeys("核实属实，补记 1 分");
        click("#appeal-" + id + " .accept-submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已采纳申诉"));
        assertThat(find("#appeal-" + id).getText()).contains("已采纳", "核实属实，补记 1 分", "+1");

        logout();
        phone();
        login("teacher", TestUsers.DEMO_PASSWORD);
        open("/me/scorecard");
        WebElement accepted = all("#card-appeals .card-appeal").stream().filter(li -> li.getText().contains(reason)).findFirst().orElseThrow();
        assertThat(accepted.getText()).contains("已采纳", "核实属实，补记 1 分");
        assertThat(Double.parseDouble(find("#card-total").getText())).isEqualTo(Double.parseDouble(total) + 1);
        assertThat(find(box).getText()).contains("申诉更正");
        screenshot("scorecard-after-appeal-phone");
    }

    /** One more point shows in the total: under the category's cap, and not eaten by deductions (a category stops at 0). */
    private static boolean roomForOneMore(Scorecard.CategoryCard c) {
        double items = c.items().stream().mapToDouble(Scorecard.ItemCard::points).sum();
        return items >= 0 && (c.category().cap() == null || c.points() + 1 <= c.category().cap());
    }
}
