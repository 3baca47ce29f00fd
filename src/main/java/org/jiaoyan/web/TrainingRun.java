package org.jiaoyan.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiaoyan.excel.ColumnSpec;
import org.jiaoyan.excel.SheetReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The training start behind bin/start's class-data archive (JDK 17–24) or AOT cache (JDK 25+): with
 * {@code jiaoyan.training-run=true} the app, once ready, asks itself for the login page, logs in as the admin and opens
 * the main pages, writes and reads the roster template, then exits. The JVM records every class (and, on JDK 25, the method profiles) that a start and a first
 * round of pages use, so that later starts map them instead of loading, verifying and profiling them again. Only ever
 * run on a throwaway in-memory database; every step is best effort, and the process exits whatever the pages answer.
 */
@Component // not @Conditional: the packaged jar's bean definitions are decided at build time (Spring AOT)
class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /** The pages a user opens first; those a training database cannot show answer 4xx, which trains the error path. */
    static final List<String> PAGES = List.of("/", "/people", "/units", "/plans", "/activities", "/observations",
            "/mentoring", "/rules", "/checks", "/quality", "/scorecards", "/projects", "/profile", "/api/v1/me",
            "/assets/css/app.css", "/assets/js/app.js", "/no-such-page");

    private final ApplicationContext context;
    private final Environment environment;
    private final String adminPassword;

    TrainingRun(ApplicationContext context, Environment environment,
            @Value("${jiaoyan.admin-password:}") String adminPassword) {
        this.context = context;
        this.environment = environment;
        this.adminPassword = adminPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    void trainAndExit() {
        if (!environment.getProperty("jiaoyan.training-run", Boolean.class, false)) {
            return;
        }
        String base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
        int pages = 0;
        int answered = 0;
        boolean signedIn = false;
        int spreadsheets = 0;
        try {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            get(http, base + "/actuator/health");
            String login = get(http, base + "/login").body();
            Matcher csrf = CSRF.matcher(login);
            if (csrf.find() && !adminPassword.isBlank()) {
                String form = "username=admin&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
                signedIn = answer.statusCode() == 302
                        && !answer.headers().firstValue("Location").orElse("").contains("error");
            }
            for (int round = 0; round < 3; round++) { // a few rounds, so that the pages' code is profiled, not only loaded
                for (String page : PAGES) {
                    if (get(http, base + page).statusCode() == 200) {
                        answered++;
                    }
                    pages++;
                }
            }
            if (signedIn) {
                spreadsheets = trainSpreadsheets(http, base);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("training run: stopped after {} pages: {}", pages, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("training run: {} pages opened, {} answered 200, {}, {} spreadsheets written and read; exiting", pages,
                answered, signedIn ? "signed in as admin" : "not signed in", spreadsheets);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /**
     * The roster template, downloaded (an .xlsx written) and read back with the import's reader, a few times: the first
     * roster import after a start then finds its classes and profiles in the archive. Returns how many were read.
     */
    private static int trainSpreadsheets(HttpClient http, String base) throws IOException, InterruptedException {
        List<ColumnSpec> columns = List.of(ColumnSpec.required("name", "姓名"), ColumnSpec.optional("birthDate", "出生日期"),
                ColumnSpec.optional("mobile", "手机号码"));
        int read = 0;
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> template = http.send(HttpRequest.newBuilder(URI.create(base + "/people/import/template"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (template.statusCode() != 200) break;
            new SheetReader(columns, 10).read(new ByteArrayInputStream(template.body()));
            read++;
        }
        return read;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
