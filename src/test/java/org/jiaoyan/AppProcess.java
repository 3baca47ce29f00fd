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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as a separate process on a free port of 127.0.0.1, for the tests that start, kill and restart it
 * as an operator would. The environment is cleaned of JIAOYAN_* and SPRING_* variables; the admin gets
 * {@link TestUsers#ADMIN_PASSWORD}; with a PostgreSQL database name the app uses it, otherwise the embedded default
 * of application.yml relative to the working directory.
 */
final class AppProcess {

    // generous: on 2 cores shared by several builds one start took over 3 minutes; a dead app fails at once anyway
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;
    private final Path log;
    private final String auth;

    private AppProcess(Process process, String base, Path log, String user, String password) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code command} plus the port and address arguments in {@code dir}, output to {@code log}, and waits until
     * /actuator/health answers UP. API requests then authenticate as the demo user {@code jks}.
     */
    static AppProcess start(List<String> command, Path dir, Path log, String pgDatabase)
            throws IOException, InterruptedException {
        return start(command, dir, log, pgDatabase, Map.of());
    }

    /** As {@link #start(List, Path, Path, String)}, with more environment variables. */
    static AppProcess start(List<String> command, Path dir, Path log, String pgDatabase, Map<String, String> moreEnv)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(command);
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        var pb = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("JIAOYAN_") || k.startsWith("SPRING_"));
        env.put("JIAOYAN_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
        if (pgDatabase != null) {
            env.put("JIAOYAN_DB_URL", TestDatabase.PG_HOST + pgDatabase);
            env.put("JIAOYAN_DB_USER", "postgres");
        }
        env.putAll(moreEnv);
        AppProcess app = new AppProcess(pb.start(), "http://127.0.0.1:" + port, log, "jks", TestUsers.DEMO_PASSWORD);
        app.awaitHealthy();
        return app;
    }

    /** The java command of this test JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String base() {
        return base;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app died during startup:\n" + tail());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
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

    /** A request as jks (HTTP Basic), JSON in and out. */
    HttpResponse<String> request(String method, String path, String body) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An anonymous GET, as a browser would send it first. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no connection pool close, no database close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM, the graceful stop an operator sends. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A new empty PostgreSQL database named {@code prefix} + this JVM's pid. */
    static String createPostgresDatabase(String prefix) throws SQLException {
        String name = prefix + ProcessHandle.current().pid();
        try (var c = DriverManager.getConnection(TestDatabase.PG_HOST + "postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        return name;
    }

    static void dropPostgresDatabase(String name) throws SQLException {
        try (var c = DriverManager.getConnection(TestDatabase.PG_HOST + "postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}
