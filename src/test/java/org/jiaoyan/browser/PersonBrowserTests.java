package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Teachers: the form's own validation, another school's teacher hidden, the list as cards on a phone. */
class PersonBrowserTests extends BrowserTestSupport {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    JdbcClient jdbc;

    @Test
    void implausibleBirthDateIsShownAtTheFieldAndTheTypedNameIsKept() {
        String name = uniqueName("林");
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/people/new");
        find("#name").sendKeys(name);
        find("#mobile").sendKeys(uniqueMobile());
        setDate("#birthDate", "2024-01-01");
        click("#person-form button[type=submit]");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#birthDate ~ .invalid-feedback")));
        assertThat(error.getText()).contains("出生日期不合理");
        assertThat(find("#birthDate").getAttribute("class")).contains("is-invalid");
        assertThat(find("#name").getDomProperty("value")).isEqualTo(name);
        assertThat(find(".alert-danger").getText()).contains("出生日期不合理");

        setDate("#birthDate", "1990-03-01");
        click("#person-form button[type=submit]");

        wait.until(ExpectedConditions.urlMatches("/people/\\d+$"));
        assertThat(find("h1").getText()).contains(name);
        assertThat(bodyText()).contains("已保存", "出生日期", "1990年3月1日", "示范县实验小学");
    }

    @Test
    void teacherOfAnotherSchoolGetsNotFoundForExperimentalSchoolTeacher() {
        record Row(long id, String name) {
        }
        Row other = jdbc.sql("""
                select p.id, p.name from person p join org_unit u on u.id = p.institution_id
                 where u.name = '示范县实验小学' and p.deleted_at is null order by p.id limit 1""")
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).single();
        login("teacher2", TestUsers.DEMO_PASSWORD);

        open("/people/" + other.id());

        assertThat(find("h1").getText()).isEqualTo("记录不存在，或您无权查看");
        assertThat(find(".display-5").getText()).isEqualTo("404");
        assertThat(bodyText()).doesNotContain(other.name());
    }

    @Test
    void peopleListBecomesCardsOnPhoneAndMenuButtonOpensSidebar() {
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/people");
        assertThat(all("#people-table tbody tr")).hasSizeGreaterThan(1);
        assertThat(find("#people-table thead").isDisplayed()).isTrue();
        screenshot("people-desktop");

        phone();
        open("/people");
        assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        assertThat(find("#people-table thead").isDisplayed()).isFalse();
        WebElement card = find("#people-table tbody tr");
        assertThat(card.getCssValue("display")).as("a row is a card, not a table row").isIn("block", "flex");
        assertThat(card.getText()).contains("示范县实验小学");
        WebElement cell = card.findElement(By.cssSelector("td[data-label]"));
        assertThat(cell.getAttribute("data-label")).isEqualTo("学校");
        assertThat(cell.getCssValue("display")).isEqualTo("flex");
        assertThat(js("return getComputedStyle(arguments[0], '::before').content", cell)).isEqualTo("\"学校\"");
        WebElement sidebar = driver.findElement(By.id("sidebar"));
        assertThat(sidebar.isDisplayed()).isFalse();
        screenshot("people-phone");

        click("button[data-bs-target='#sidebar']");
        wait.until(ExpectedConditions.visibilityOf(sidebar));
        // Bootstrap marks the 0.3 s slide-in with "showing"; read the menu once it has arrived
        wait.until(d -> sidebar.getAttribute("class").contains("show") && !sidebar.getAttribute("class").contains("showing")
                && ((Number) js("return arguments[0].getBoundingClientRect().left", sidebar)).doubleValue() == 0);
        WebElement peopleLink = sidebar.findElement(By.cssSelector("a.nav-link[href$='/people']"));
        wait.until(ExpectedConditions.visibilityOf(peopleLink));
        screenshot("menu-phone");
        assertThat(peopleLink.getText()).isEqualTo("教师");
        assertThat(sidebar.getText()).contains("工作台", "组织机构");

        open("/people/new");
        assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        assertThat(bodyText()).contains("新增教师", "出生日期");
        screenshot("person-form-phone");
    }

    static String uniqueName(String surname) {
        String digits = "零一二三四五六七八九";
        StringBuilder b = new StringBuilder(surname).append("测");
        for (char c : Long.toString(SEQUENCE.incrementAndGet()).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }

    static String uniqueMobile() {
        return "139" + String.format("%08d", (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 100_000_000);
    }
}
