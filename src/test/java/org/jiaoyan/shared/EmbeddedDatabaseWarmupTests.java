package org.jiaoyan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded file database is opened while Spring starts and let go once the app is up; nothing else is touched. */
class EmbeddedDatabaseWarmupTests {

    @TempDir
    Path dir;

    @Test
    void onlyAnEmbeddedFileDatabaseIsOpenedEarly() {
        assertThat(EmbeddedDatabaseWarmup.embeddedFile("jdbc:h2:file:./data/jiaoyan;MODE=PostgreSQL")).isTrue();
        assertThat(EmbeddedDatabaseWarmup.embeddedFile("jdbc:h2:./data/jiaoyan")).isTrue();
        assertThat(EmbeddedDatabaseWarmup.embeddedFile("jdbc:h2:~/jiaoyan")).isTrue();
        assertThat(EmbeddedDatabaseWarmup.embeddedFile("jdbc:h2:mem:training;MODE=PostgreSQL")).isFalse();
        assertThat(EmbeddedDatabaseWarmup.embeddedFile("jdbc:h2:tcp://db/jiaoyan")).isFalse();
        assertThat(EmbeddedDatabaseWarmup.embeddedFile("jdbc:h2:ssl://db/jiaoyan")).isFalse();
        assertThat(EmbeddedDatabaseWarmup.embeddedFile("jdbc:postgresql://127.0.0.1/jiaoyan")).isFalse();
        assertThat(EmbeddedDatabaseWarmup.embeddedFile(null)).isFalse();
    }

    @Test
    void opensTheFileDatabaseAtOnceAndClosesItsConnectionWhenTheStartEnds() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("early") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        var warmup = new EmbeddedDatabaseWarmup();
        warmup.onApplicationEvent(prepared(url));

        assertThat(warmup.holding()).isTrue();
        assertThat(dir.resolve("early.mv.db")).exists();
        try (var c = DriverManager.getConnection(url, "sa", "secret")) { // the pool's connection: same database, open
            assertThat(c.isValid(1)).isTrue();
        }

        warmup.onApplicationEvent(new ApplicationFailedEvent(new SpringApplication(), new String[0], null,
                new IllegalStateException("start failed")));
        assertThat(warmup.holding()).isFalse();
    }

    @Test
    void aPostgresDatabaseIsLeftAlone() {
        var warmup = new EmbeddedDatabaseWarmup();
        warmup.onApplicationEvent(prepared("jdbc:postgresql://127.0.0.1:1/none"));
        assertThat(warmup.holding()).isFalse();
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsLeftToThePoolToReport() throws Exception {
        Files.writeString(dir.resolve("broken.mv.db"), "not an H2 file");
        var warmup = new EmbeddedDatabaseWarmup();
        warmup.onApplicationEvent(prepared("jdbc:h2:file:" + dir.resolve("broken")));
        assertThat(warmup.holding()).isFalse();
    }

    private static ApplicationEnvironmentPreparedEvent prepared(String url) {
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", url,
                "spring.datasource.username", "sa", "spring.datasource.password", "secret")));
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                new String[0], env);
    }
}
