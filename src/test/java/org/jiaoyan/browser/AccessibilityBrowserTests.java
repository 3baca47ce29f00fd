package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * axe-core (Deque's accessibility rules, the engine behind GB/T 37668 and WCAG checks) on every main page, as the
 * role that uses it, at 1366 px and at 390 px: no serious or critical violation anywhere. axe is injected with
 * WebDriver's executeScript, which the pages' Content-Security-Policy (no inline script) does not block.
 */
class AccessibilityBrowserTests extends BrowserTestSupport {

    /** Impacts that fail the test; moderate and minor ones are only written to target/axe-report.txt. */
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private static final String AXE_SOURCE = readAxe();

    /** Every violation seen in this class (all impacts), for the report written after the tests. */
    private static final List<String> REPORT = new ArrayList<>();

    private final List<String> failures = new ArrayList<>();

    /** Who is signed in, for the screenshot names (target/screenshots/a11y-USER-PATH-WIDTH.png). */
    private String who = "anonymous";

    @Override
    protected void login(String username, String password) {
        super.login(username, password);
        who = username;
    }

    private static String readAxe() {
        try (InputStream in = AccessibilityBrowserTests.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js on the test classpath (com.deque.html.axe-core:selenium)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Result of one axe run: its violations and how many rules passed (to know it really ran). */
    record AxeResult(List<Map<String, Object>> violations, long passes) {
    }

    /** Injects axe into the current page (once per document) and runs every rule on the whole document. */
    @SuppressWarnings("unchecked")
    AxeResult axe() {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object';"))) {
            js(AXE_SOURCE);
        }
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done({
                    passes: r.passes.length,
                    violations: r.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''}))
                    }))
                })).catch(e => done({error: String(e)}));
                """);
        assertThat(result.get("error")).as("axe failed on %s", driver.getCurrentUrl()).isNull();
        return new AxeResult((List<Map<String, Object>>) result.get("violations"), ((Number) result.get("passes")).longValue());
    }

    /** Waits for htmx requests (the notice badge) and charts to settle, then runs axe and keeps the failures. */
    @SuppressWarnings("unchecked")
    private void check(String page, String width) {
        wait.until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete' && !document.querySelector('.htmx-request');")));
        long start = System.nanoTime();
        AxeResult result = axe();
        System.out.printf("axe %s [%s]: %d violations, %d rules passed, %d ms%n", page, width, result.violations().size(),
                result.passes(), (System.nanoTime() - start) / 1_000_000);
        assertThat(result.passes()).as("axe checked rules on %s", page).isPositive();
        for (Map<String, Object> v : result.violations()) {
            for (Map<String, Object> node : (List<Map<String, Object>>) v.get("nodes")) {
                String line = "%s [%s] %s %s: %s (%s) — %s".formatted(page, width, v.get("impact"), v.get("id"), node.get("target"),
                        v.get("help"), String.valueOf(node.get("summary")).replace('\n', ' '));
                REPORT.add(line);
                if (FAILING.contains(String.valueOf(v.get("impact")))) {
                    failures.add(line);
                }
            }
        }
    }

    /** Opens the page at desktop and phone width and checks both; waitFor, if given, is a CSS selector to await. */
    private void page(String name, String path, String... waitFor) {
        for (boolean phone : new boolean[] {false, true}) {
            if (phone) {
                phone();
            } else {
                desktop();
            }
            open(path);
            for (String css : waitFor) {
                find(css);
            }
            check(name + " " + path, phone ? "390px" : "1366px");
            screenshot("a11y-" + who + path.replaceAll("\\d+", "n").replaceAll("[^a-z]+", "-") + "-" + (phone ? "phone" : "desktop"));
        }
        desktop();
    }

    /** Checks a state of a page that only a click shows (an open menu, a form with its errors) at the given width. */
    private void afterClick(String name, String path, boolean phone, String click, String waitFor) {
        if (phone) {
            phone();
        } else {
            desktop();
        }
        open(path);
        click(click);
        find(waitFor);
        wait.until(d -> Boolean.TRUE.equals(js("return !document.querySelector('.offcanvas.showing, .collapsing');")));
        check(name + " " + path, phone ? "390px" : "1366px");
        screenshot("a11y-" + who + "-" + click.replaceAll("[^a-z]+", "-") + (phone ? "phone" : "desktop"));
        desktop();
    }

    /** The path of the first link on a list page whose path matches the pattern (a record of the demo county). */
    private String firstLink(String listPath, String pattern) {
        open(listPath);
        Object href = js("""
                const re = new RegExp(arguments[0]);
                const a = [...document.querySelectorAll('a[href]')].map(a => new URL(a.href).pathname).find(p => re.test(p));
                return a || null;""", pattern);
        assertThat(href).as("a link matching %s on %s", pattern, listPath).isNotNull();
        return (String) href;
    }

    private void assertNoSeriousViolations() {
        assertThat(failures).as("serious or critical accessibility violations (page [width] impact rule: target)")
                .isEmpty();
    }

    @AfterAll
    static void writeReport() throws IOException {
        Map<String, Long> byRule = REPORT.stream()
                .collect(Collectors.groupingBy(l -> l.replaceAll("^.*?\\] (\\w+ [\\w-]+):.*$", "$1"), TreeMap::new, Collectors.counting()));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "axe-report.txt"), byRule.entrySet().stream()
                .map(e -> e.getValue() + "\t" + e.getKey()).collect(Collectors.joining("\n", "", "\n\n"))
                + String.join("\n", REPORT) + "\n");
    }

    @Test
    void axeReallyRunsAndFindsAnUnnamedButtonAndGreyTextEvenUnderAStrictContentSecurityPolicy() throws IOException {
        // the pages forbid inline scripts; a file with the same policy shows that injecting axe still works
        Path broken = Path.of("target", "axe-broken.html").toAbsolutePath();
        Files.writeString(broken, """
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'">
                <title>坏的页面</title></head><body><main>
                <h1>坏的页面</h1>
                <button type="button"><i class="bi bi-three-dots"></i></button>
                <p style="color:#bbb;background:#fff">灰色的小字</p>
                </main></body></html>
                """);
        driver.get(broken.toUri().toString());
        AxeResult result = axe();
        assertThat(result.passes()).isPositive();
        assertThat(result.violations()).extracting(v -> v.get("id") + " " + v.get("impact"))
                .contains("button-name critical", "color-contrast serious");
    }

    @Test
    void textIsLargeEnoughForOlderTeachersAndButtonsOnAPhoneAreEasyToTap() {
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/activities/new");
        assertThat(px("body", "fontSize")).as("body text on a desktop").isGreaterThanOrEqualTo(16);
        assertThat(px(".breadcrumb", "fontSize")).as("small print (.small)").isGreaterThanOrEqualTo(15);
        assertThat(px(".app-menu-heading", "fontSize")).as("sidebar headings").isGreaterThanOrEqualTo(14);
        phone();
        open("/activities/new");
        assertThat(px("#activity-form button[type=submit]", "height")).as("保存 on a phone").isGreaterThanOrEqualTo(44);
        assertThat(px("#title", "height")).as("a text field on a phone").isGreaterThanOrEqualTo(44);
        assertThat(px(".app-topbar button[data-bs-toggle=offcanvas]", "height")).as("the menu button").isGreaterThanOrEqualTo(44);
    }

    @Test
    void everyPageHasOneMainOneBannerANamedMenuAndASkipLinkToTheText() {
        login("jks", TestUsers.DEMO_PASSWORD);
        open("/people");
        assertThat(js("return document.documentElement.lang;")).isEqualTo("zh-CN");
        assertThat(all("main")).hasSize(1);
        assertThat(all("header.navbar, [role=banner]")).hasSize(1);
        assertThat(all("nav:not([aria-label])")).isEmpty();
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("跳到正文");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).endsWith("#main");
    }

    private double px(String css, String property) {
        return Double.parseDouble(String.valueOf(js("const e = arguments[0];"
                + "return arguments[1] === 'height' ? e.getBoundingClientRect().height : parseFloat(getComputedStyle(e)[arguments[1]]);",
                find(css), property)).replace("px", ""));
    }

    @Test
    void hospitalQualityPages() {
        login("hushizhang", TestUsers.DEMO_PASSWORD);
        page("质控检查", "/quality/checks");
        page("登记质控检查", "/quality/checks/new");
        page("业务学习", "/quality/trainings");
        page("应急演练", "/quality/drills");
        page("登记应急演练", "/quality/drills/new");
        page("应急演练详情", firstLink("/quality/drills", "^/quality/drills/\\d+$"));
        assertNoSeriousViolations();
    }

    @Test
    void loginPageForSomeoneNotSignedIn() {
        page("登录", "/login");
        assertNoSeriousViolations();
    }

    @Test
    void researchOfficePages() {
        login("jks", TestUsers.DEMO_PASSWORD);
        page("工作台(教科室)", "/");
        page("教师", "/people");
        page("新增教师", "/people/new");
        page("组织机构", "/units");
        page("学年学期", "/terms");
        page("学期计划", "/plans");
        String plan = firstLink("/plans", "^/plans/\\d+$");
        page("计划文档", plan);
        page("行事历", plan + "/schedule");
        page("日历", plan + "/calendar", "#plan-calendar .fc-view-harness");
        page("看板", plan + "/board");
        page("我的任务", "/tasks");
        page("教研活动", "/activities");
        page("活动详情", firstLink("/activities", "^/activities/\\d+$"));
        page("新建活动", "/activities/new");
        page("听课记录", "/observations");
        page("听课记录详情", firstLink("/observations", "^/observations/\\d+$"));
        page("评价表", "/forms");
        page("青蓝工程", "/mentoring");
        page("青蓝工程周表", "/mentoring/weeks");
        page("教师详情", firstLink("/people", "^/people/\\d+$"));
        page("事项详情", firstLink(plan + "/schedule", "^/plans/\\d+/items/\\d+$"));
        page("导入计划", "/plans/import");
        page("找不到的页面", "/activities/999999");
        afterClick("手机菜单", "/people", true, ".app-topbar [data-bs-toggle=offcanvas]", "#sidebar.show");
        afterClick("更多操作菜单", plan, false, ".plan-header .dropdown-toggle", ".dropdown-menu.show");
        afterClick("未填写的表单", "/activities/new", true, "#activity-form button[type=submit]", ".invalid-feedback");
        page("通知", "/notices");
        page("个人中心", "/profile");
        assertNoSeriousViolations();
    }

    @Test
    void teacherPages() {
        login("teacher", TestUsers.DEMO_PASSWORD);
        page("工作台(教师)", "/");
        page("我的任务(教师)", "/tasks");
        page("听课记录(教师)", "/observations");
        page("填写听课记录", "/observations/new");
        assertNoSeriousViolations();
    }

    @Test
    void countyPages() {
        login("county", TestUsers.DEMO_PASSWORD);
        page("工作台(区县)", "/");
        page("学期计划(区县)", "/plans");
        page("教研活动(区县)", "/activities");
        assertNoSeriousViolations();
    }

    @Test
    void administrationPages() {
        login("admin", TestUsers.ADMIN_PASSWORD);
        page("用户与角色", "/admin/users");
        page("数据字典", "/admin/dictionaries");
        page("操作日志", "/admin/audit");
        page("登录日志", "/admin/logins");
        assertNoSeriousViolations();
    }
}
