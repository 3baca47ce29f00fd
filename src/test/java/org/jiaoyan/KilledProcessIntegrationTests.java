package org.jiaoyan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
    private final JsonMapper json = JsonMapper.builder().build();

    /** What the app answered for each teacher: the latest name and version acknowledged. */
    private record Acknowledged(String name, int version) {
    }

    @Test
    void everyAnsweredWriteSurvivesAKilledProcess(@TempDir Path dir) throws Exception {
        String pgDatabase = TestDatabase.postgres() ? AppProcess.createPostgresDatabase("jiaoyan_kill_") : null;
        Map<Long, Acknowledged> acknowledged = new LinkedHashMap<>();
        String mobilePrefix = "17" + ThreadLocalRandom.current().nextInt(100, 1000); // 5 digits + 6 per teacher
        int serial = 0;
        try {
            for (int round = 1; round <= ROUNDS + 1; round++) {
                AppProcess app = startApp(dir, pgDatabase, round);
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
                AppProcess.dropPostgresDatabase(pgDatabase);
            }
        }
        assertThat(acknowledged).hasSize(ROUNDS * CREATES_PER_ROUND);
    }

    private void edit(AppProcess app, long school, long id, Map<Long, Acknowledged> acknowledged, String suffix)
            throws IOException, InterruptedException {
        Acknowledged before = acknowledged.get(id);
        String name = before.name().replaceAll("（.*）$", "") + "（" + suffix + "）";
        JsonNode t = send(app, "PUT", "/api/v1/teachers/" + id, Map.of("schoolId", school, "name", name,
                "version", before.version()), 200);
        assertThat(t.get("version").asInt()).isGreaterThan(before.version());
        acknowledged.put(id, new Acknowledged(name, t.get("version").asInt()));
    }

    private void assertAllThere(AppProcess app, Map<Long, Acknowledged> acknowledged, int round)
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

    private long experimentalSchool(AppProcess app) throws IOException, InterruptedException {
        HttpResponse<String> r = app.request("GET", "/api/v1/schools", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode s : json.readTree(r.body()).get("items")) {
            if (s.get("name").asString().contains("实验小学")) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no 实验小学 in " + r.body());
    }

    private JsonNode send(AppProcess app, String method, String path, Map<String, ?> body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = app.request(method, path, json.writeValueAsString(body));
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(expected);
        return json.readTree(r.body());
    }

    /** Starts the application as its own JVM from the test class path, working directory = the temporary folder. */
    private AppProcess startApp(Path dir, String pgDatabase, int round) throws IOException, InterruptedException {
        return AppProcess.start(List.of(AppProcess.java(), "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.jiaoyan.JiaoyanApplication",
                "--jiaoyan.files.dir=" + dir.resolve("files")), dir, dir.resolve("app-" + round + ".log"), pgDatabase);
    }
}
