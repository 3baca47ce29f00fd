package org.jiaoyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answered write survives the process dying: the app runs as a separate JVM, teachers are created and edited
 * through the REST API, the JVM is killed (SIGKILL, no shutdown hook) right after the last answer, started again on
 * the same files, and every acknowledged write must be there with its latest version. Three kills in a row.
 * <p>
 * On H2 (the default run) the app uses the embedded default of application.yml unchanged, in a temporary working
 * directory: that default is what a school runs. In the PostgreSQL run (-Djiaoyan.pg=true) the same test points the
 * app at a fresh PostgreSQL database, so it checks that nothing between the answer and the database buffers writes.
 */
class KilledProcessIntegrationTests {

    private static final int ROUNDS = 3;
    private static final int CREATES_PER_ROUND = 4;
    // generous: on 2 cores shared by several builds one start took over 3 minutes; a dead app fails at once anyway
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String auth = "Basic " + Base64.getEncoder()
            .encodeToString(("jks:" + TestUsers.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** What the app answered for each teacher: the latest name and version acknowledged. */
    private record Acknowledged(String name, int version) {
    }

    @Test
    void everyAnsweredWriteSurvivesAKilledProcess(@TempDir Path dir) throws Exception {
        String pgDatabase = TestDatabase.postgres() ? createPostgresDatabase() : null;
        Map<Long, Acknowledged> acknowledged = new LinkedHashMap<>();
        String mobilePrefix = "17" + ThreadLocalRandom.current().nextInt(100, 1000); // 5 digits + 6 per teacher
        int serial = 0;
        try {
            for (int round = 1; round <= ROUNDS + 1; round++) {
                App app = startApp(dir, pgDatabase, round);
                try {
                    assertAllThere(app, acknowledged, round);
                    if (round > ROUNDS) {
                        break;
                    }
                    long school = experimentalSchool(app);
                    // new teachers, each edited twice; then one more edit of every earlier teacher: the answers
                    // come as fast as the app gives them, the last one just before the kill
                    List<Long> created = new ArrayList<>();
                    for (int i = 0; i < CREATES_PER_ROUND; i++) {
                        serial++;
                        String name = "断电测试" + serial;
                        String mobile = mobilePrefix + String.format("%06d", serial);
                        JsonNode t = send(app, "POST", "/api/v1/teachers", Map.of("schoolId", school, "name", name,
                                "mobile", mobile), 201);
                        acknowledged.put(t.get("id").asLong(), new Acknowledged(name, t.get("version").asInt()));
                        created.add(t.get("id").asLong());
                    }
                    for (int edit = 1; edit <= 2; edit++) {
                        for (long id : created) {
                            edit(app, school, id, acknowledged, "第" + round + "轮改" + edit);
                        }
                    }
                    for (long id : List.copyOf(acknowledged.keySet())) {
                        if (!created.contains(id)) {
                            edit(app, school, id, acknowledged, "第" + round + "轮再改");
                        }
                    }
                } finally {
                    app.kill();
                }
            }
        } finally {
            if (pgDatabase != null) {
                dropPostgresDatabase(pgDatabase);
            }
        }
        assertThat(acknowledged).hasSize(ROUNDS * CREATES_PER_ROUND);
    }

    private void edit(App app, long school, long id, Map<Long, Acknowledged> acknowledged, String suffix)
            throws IOException, InterruptedException {
        Acknowledged before = acknowledged.get(id);
        String name = before.name().replaceAll("（.*）$", "") + "（" + suffix + "）";
        JsonNode t = send(app, "PUT", "/api/v1/teachers/" + id, Map.of("schoolId", school, "name", name,
                "version", before.version()), 200);
        assertThat(t.get("version").asInt()).isGreaterThan(before.version());
        acknowledged.put(id, new Acknowledged(name, t.get("version").asInt()));
    }

    private void assertAllThere(App app, Map<Long, Acknowledged> acknowledged, int round)
            throws IOException, InterruptedException {
        Map<Long, Acknowledged> found = new LinkedHashMap<>();
        for (long id : acknowledged.keySet()) {
            HttpResponse<String> r = app.request("GET", "/api/v1/teachers/" + id, null);
            if (r.statusCode() == 200) {
                JsonNode t = json.readTree(r.body());
                found.put(id, new Acknowledged(t.get("name").asString(), t.get("version").asInt()));
            }
        }
        assertThat(found).as("teachers acknowledged before kill %d, read back after restart", round - 1)
                .containsExactlyEntriesOf(acknowledged);
    }

    private long experimentalSchool(App app) throws IOException, InterruptedException {
        HttpResponse<String> r = app.request("GET", "/api/v1/schools", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode s : json.readTree(r.body()).get("items")) {
            if (s.get("name").asString().contains("实验小学")) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no 实验小学 in " + r.body());
    }

    private JsonNode send(App app, String method, String path, Map<String, ?> body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = app.request(method, path, json.writeValueAsString(body));
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(expected);
        return json.readTree(r.body());
    }

    /** Starts the application as its own JVM on a free port, working directory = the test's temporary folder. */
    private App startApp(Path dir, String pgDatabase, int round) throws IOException, InterruptedException {
        int port = freePort();
        Path logFile = dir.resolve("app-" + round + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.jiaoyan.JiaoyanApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--jiaoyan.files.dir=" + dir.resolve("files"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("JIAOYAN_") || k.startsWith("SPRING_"));
        env.put("JIAOYAN_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
        if (pgDatabase != null) {
            env.put("JIAOYAN_DB_URL", TestDatabase.PG_HOST + pgDatabase);
            env.put("JIAOYAN_DB_USER", "postgres");
        } // else: the default URL of application.yml, relative to the working directory
        App app = new App(pb.start(), "http://127.0.0.1:" + port, logFile);
        app.awaitHealthy();
        return app;
    }

    /** The running application process. */
    private final class App {
        private final Process process;
        private final String base;
        private final Path log;

        App(Process process, String base, Path log) {
            this.process = process;
            this.base = base;
            this.log = log;
        }

        private void awaitHealthy() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the app died during startup:\n" + tail());
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            kill();
            throw new AssertionError("the app was not healthy after " + START_TIMEOUT + ":\n" + tail());
        }

        HttpResponse<String> request(String method, String path, String body) throws IOException, InterruptedException {
            var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth).header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** SIGKILL: no shutdown hook, no connection pool close, no database close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String createPostgresDatabase() throws SQLException {
        String name = "jiaoyan_kill_" + ProcessHandle.current().pid();
        try (var c = DriverManager.getConnection(TestDatabase.PG_HOST + "postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        return name;
    }

    private static void dropPostgresDatabase(String name) throws SQLException {
        try (var c = DriverManager.getConnection(TestDatabase.PG_HOST + "postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}
