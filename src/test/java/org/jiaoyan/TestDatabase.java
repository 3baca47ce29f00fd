package org.jiaoyan;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database: in-memory H2 (MODE=PostgreSQL), or with -Djiaoyan.pg=true a database
 * created for this JVM on the local PostgreSQL. A PostgreSQL that cannot be reached fails the tests, never skips them.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PG_HOST = System.getProperty("jiaoyan.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String H2 = "jdbc:h2:mem:jiaoyan_test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static String pgUrl;

    public static boolean postgres() {
        return Boolean.getBoolean("jiaoyan.pg");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = postgres() ? postgresDatabase() : H2;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("jiaoyan-test-db", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", postgres() ? "postgres" : "sa",
                "spring.datasource.password", "")));
    }

    /** One database per test JVM, recreated so every run starts empty. */
    static synchronized String postgresDatabase() {
        if (pgUrl == null) {
            String name = "jiaoyan_it_" + ProcessHandle.current().pid();
            try (var c = DriverManager.getConnection(PG_HOST + "postgres", "postgres", "");
                 var s = c.createStatement()) {
                s.execute("drop database if exists " + name);
                s.execute("create database " + name + " encoding 'UTF8' template template0");
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL tests requested (-Djiaoyan.pg=true) but PostgreSQL at "
                        + PG_HOST + " cannot be used: " + e.getMessage(), e);
            }
            pgUrl = PG_HOST + name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var c = DriverManager.getConnection(PG_HOST + "postgres", "postgres", "");
                     var s = c.createStatement()) {
                    s.execute("drop database if exists " + name + " with (force)");
                } catch (SQLException ignored) {
                    // the next run drops leftovers of its own pid only; stale ones are harmless
                }
            }));
        }
        return pgUrl;
    }
}
