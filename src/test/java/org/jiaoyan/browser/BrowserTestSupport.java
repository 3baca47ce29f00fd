package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jiaoyan.TestDatabase;
import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Journeys in headless Debian chromium against the running app (random port, demo county). Uses /usr/bin/chromium
 * and /usr/bin/chromedriver only: Selenium Manager never downloads anything, and a missing browser fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jiaoyan.demo=true", "jiaoyan.admin-password=" + TestUsers.ADMIN_PASSWORD, "jiaoyan.files.dir=target/test-files"})
@ContextConfiguration(initializers = TestDatabase.class)
public abstract class BrowserTestSupport {

    static final String CHROMIUM = System.getProperty("jiaoyan.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("jiaoyan.chromedriver", "/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    protected ChromeDriver driver;
    protected WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            fail("Browser tests need Debian's chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver fonts-noto-cjk (.ci/run does this)");
        }
        System.setProperty("SE_OFFLINE", "true"); // belt and braces: the explicit paths below already avoid Selenium Manager
        profile = Files.createTempDirectory("jiaoyan-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .withEnvironment(Map.of("LANGUAGE", "zh_CN:zh", "LANG", "zh_CN.UTF-8")) // date inputs as 年/月/日
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get("about:blank");
        desktop();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** A 1366×900 viewport, the common school office screen. */
    protected void desktop() {
        viewport(DESKTOP);
    }

    /** A 390×844 viewport, a common phone. */
    protected void phone() {
        viewport(PHONE);
    }

    /** Sizes the window so that the page itself gets the size: headless chromium still counts a browser frame. */
    private void viewport(Dimension size) {
        driver.manage().window().setSize(size);
        long frame = (Long) js("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(size.width, size.height + (int) frame));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page of the app; every page is checked for message keys missing from the bundles. */
    protected void open(String path) {
        driver.get(url(path));
        assertNoMissingMessages();
    }

    /** Thymeleaf shows a missing key as ??key_zh_CN??. */
    protected void assertNoMissingMessages() {
        assertThat(driver.getPageSource()).as("untranslated message key on %s", driver.getCurrentUrl())
                .doesNotContainPattern("\\?\\?[\\w.-]+_(zh|en)\\w*\\?\\?");
    }

    /** Signs in through the login form and waits until the login page is left (or shows its error). */
    protected void login(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().endsWith("/login") || !d.findElements(By.cssSelector(".alert-danger")).isEmpty());
    }

    protected void logout() {
        driver.manage().deleteAllCookies();
    }

    protected WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Scrolls the element to the middle first, instantly: Bootstrap's smooth scrolling would still be moving it. */
    protected void click(String css) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    protected List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    protected String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Sets a date input through JS: sendKeys on type=date depends on the locale's field order in headless chromium. */
    protected void setDate(String css, String isoDate) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                find(css), isoDate);
    }

    /** Writes target/screenshots/NAME.png (the viewport as a person sees it). */
    protected Path screenshot(String name) {
        try {
            assertNoMissingMessages();
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
