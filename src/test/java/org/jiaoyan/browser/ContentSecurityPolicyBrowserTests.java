package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiaoyan.TestUsers;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.ActivityData;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The main pages run under the Content-Security-Policy with nothing refused: no inline script, handler or eval is
 * left, htmx, Bootstrap, ECharts and FullCalendar included; and the handlers that replaced inline ones still work.
 */
class ContentSecurityPolicyBrowserTests extends BrowserTestSupport {

    /** Runs before any page script on every document (DevTools scripts are not subject to the page's policy). */
    private static final String RECORD_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
            });""";

    @Autowired UserDetailsService users;
    @Autowired Activities activities;
    @Autowired JdbcClient jdbc;

    @Test
    void mainPagesLogNoPolicyViolation() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
        CurrentUser jks = TestUsers.load(users, "jks");
        long activity = Access.as(jks, () -> activities.create(new ActivityData(activities.organiserUnits().get(0).id(),
                activities.types().get(0).id(), "策略检查活动", LocalDateTime.now().plusDays(1),
                LocalDateTime.now().plusDays(1).plusHours(1), "三楼会议室", false, null)));
        long plan = jdbc.sql("select min(id) from plan where institution_id = ? and deleted_at is null")
                .param(jks.institutionId()).query(Long.class).single();

        List<String> problems = new ArrayList<>();
        visit("/login", problems);
        login("jks", TestUsers.DEMO_PASSWORD);
        for (String page : List.of("/", "/plans", "/plans/" + plan + "/schedule", "/plans/" + plan + "/board",
                "/plans/" + plan + "/calendar", "/activities", "/activities/" + activity, "/people", "/mentoring",
                "/observations")) {
            visit(page, problems);
        }
        logout();
        login("teacher", TestUsers.DEMO_PASSWORD);
        visit("/observations/new", problems);
        assertThat(problems).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void confirmAndAutoSubmitWorkWithoutInlineHandlers() {
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/mentoring");
        var year = all("select[name=year][data-autosubmit]");
        assertThat(year).as("the school-year filter submits itself").isNotEmpty();
        String before = driver.getCurrentUrl();
        // the page was opened without a query: submitting the filter form adds one
        js("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", year.get(0));
        wait.until(d -> !d.getCurrentUrl().equals(before));
        assertThat(driver.getCurrentUrl()).contains("year=");

        // a data-confirm form asks first; cancelling keeps the page
        CurrentUser jks = TestUsers.load(users, "jks");
        long activity = Access.as(jks, () -> activities.create(new ActivityData(activities.organiserUnits().get(0).id(),
                activities.types().get(0).id(), "确认删除活动", LocalDateTime.now().plusDays(1),
                LocalDateTime.now().plusDays(1).plusHours(1), "三楼会议室", false, null)));
        open("/activities/" + activity);
        js("window.confirm = function () { window.__asked = true; return false; };");
        var delete = driver.findElements(By.cssSelector("form[data-confirm] button[type=submit], form[data-confirm] button:not([type])"));
        assertThat(delete).isNotEmpty();
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", delete.get(0));
        assertThat(js("return window.__asked === true")).isEqualTo(true);
        assertThat(driver.getCurrentUrl()).endsWith("/activities/" + activity);
    }

    private void visit(String path, List<String> problems) {
        open(path);
        find("body");
        @SuppressWarnings("unchecked")
        List<Object> seen = (List<Object>) js("return window.__cspViolations || [];");
        seen.forEach(v -> problems.add(path + ": " + v));
        try {
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                if (e.getMessage().contains("Content Security Policy")) {
                    problems.add(path + ": " + e.getMessage());
                }
            }
        } catch (RuntimeException logsNotKept) {
            // the console log is a second witness; the violation events above are the reliable one
        }
    }
}
