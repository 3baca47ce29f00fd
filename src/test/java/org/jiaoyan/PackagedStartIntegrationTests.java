package org.jiaoyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar the build produced, started the way production starts it (bin/start: extracted jar, class-data archive,
 * bean definitions prepared at build time), on the demo county; then stopped and started again. Runs after the
 * package phase, where target/jiaoyan.jar exists. In the PostgreSQL run it uses a fresh PostgreSQL database: the bean
 * definitions were prepared with the embedded database's settings and must serve PostgreSQL as well.
 */
class PackagedStartIntegrationTests {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path JAR = PROJECT.resolve("target/jiaoyan.jar");

    @Test
    void theBuiltJarStartsWithPreparedBeansAndClassArchiveAndServesTheDemo(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the jar of this build (run the tests with ./mvnw verify)").exists();
        String pg = TestDatabase.postgres() ? AppProcess.createPostgresDatabase("jiaoyan_packaged_") : null;
        // -Xshare:on: the JVM refuses to start when the class-data archive cannot be used, instead of silently
        // loading every class itself
        Map<String, String> env = Map.of("JIAOYAN_JAR", JAR.toString(), "JAVA_OPTS", "-Xshare:on -Xmx512m");
        List<String> command = List.of("bash", PROJECT.resolve("bin/start").toString(),
                "--jiaoyan.files.dir=" + dir.resolve("files"));
        try {
            for (int start = 1; start <= 2; start++) {
                Path log = dir.resolve("app-" + start + ".log");
                AppProcess app = AppProcess.start(command, dir, log, pg, env);
                try {
                    assertThat(app.logText()).as("start %d uses the bean definitions prepared at build time", start)
                            .contains("Starting AOT-processed JiaoyanApplication");
                    HttpResponse<String> login = app.get("/login");
                    assertThat(login.statusCode()).isEqualTo(200);
                    assertThat(login.body()).contains("登录");
                    HttpResponse<String> schools = app.request("GET", "/api/v1/schools", null);
                    assertThat(schools.statusCode()).as(schools.body()).isEqualTo(200);
                    assertThat(schools.body()).as("jks sees their own school only").contains("实验小学").doesNotContain("乡镇中心小学");
                    HttpResponse<String> plans = app.request("GET", "/api/v1/plans", null);
                    assertThat(plans.statusCode()).as(plans.body()).isEqualTo(200);
                    assertThat(plans.body()).contains("教科室工作计划");
                } finally {
                    app.stop();
                }
                if (start == 1) {
                    // the training start behind the archive logged in and saw the pages, so the archive holds what a
                    // user's first pages use (web.TrainingRun)
                    Path training = JAR.resolveSibling("app").resolve("training.log");
                    assertThat(training).exists();
                    assertThat(Files.readString(training)).containsPattern("training run: 51 pages opened, ([3-4]\\d|50|51)"
                            + " answered 200, signed in as admin, 3 spreadsheets written and read");
                    try (var archives = Files.list(JAR.resolveSibling("app"))) {
                        assertThat(archives.map(f -> f.getFileName().toString()))
                                .as("an AOT cache (JDK 25+) or a class-data archive").containsAnyOf("app.aot", "app.jsa");
                    }
                }
                if (start == 2) {
                    assertThat(app.logText()).as("the second start reuses the prepared jar and archive")
                            .doesNotContain("bin/start: preparing");
                }
            }
        } finally {
            if (pg != null) {
                AppProcess.dropPostgresDatabase(pg);
            }
        }
        // the embedded database lives in the caller's directory, and only without PostgreSQL (the directory may also
        // hold the uploads folder and the key of stored channel secrets on either database)
        Path data = dir.resolve("data");
        boolean embedded = false;
        if (Files.isDirectory(data)) {
            try (var files = Files.list(data)) {
                embedded = files.anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
            }
        }
        assertThat(embedded).as("the embedded database in the caller's directory").isEqualTo(pg == null);
    }
}
