package org.jiaoyan.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Opens the embedded H2 file database on a second thread while Spring is still reading its configuration and
 * building the context, so that the pool's first connection (Flyway's) finds it open (issue 10: startup). Opening a
 * file database replays its schema and reads its chunk layout, about half a second on the demo county; on two cores it
 * now overlaps the start instead of adding to it. The early connection only holds the database open and is closed once
 * the app is ready (or failed). Any error is left to the real connection to report. Nothing happens for PostgreSQL or
 * an in-memory database. Registered by {@code JiaoyanApplication.main}, so tests (which start contexts themselves)
 * never see it.
 */
public final class EmbeddedDatabaseWarmup implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWarmup.class);

    private @Nullable Thread opener;
    private volatile @Nullable Connection held;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
            release();
        }
    }

    /** Whether the URL names an H2 database kept in files (not in memory, not on a server). */
    static boolean embeddedFile(@Nullable String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) return false;
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }

    private void start(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        if (!embeddedFile(url) || opener != null) return;
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        Thread t = new Thread(() -> {
            try {
                held = DriverManager.getConnection(url, user, password);
            } catch (SQLException | RuntimeException e) {
                log.debug("early open of the embedded database failed; the pool will report it: {}", e.toString());
            }
        }, "h2-open");
        t.setDaemon(true);
        t.start();
        opener = t;
    }

    /** Whether the early connection is open, once the opening thread has finished (for tests). */
    boolean holding() {
        awaitOpener();
        return held != null;
    }

    private void awaitOpener() {
        Thread t = opener;
        if (t == null) return;
        try {
            t.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release() {
        if (opener == null) return;
        awaitOpener();
        opener = null;
        Connection c = held;
        held = null;
        if (c != null) {
            try {
                c.close(); // the pool's connections keep the database open
            } catch (SQLException e) {
                log.debug("closing the early connection: {}", e.toString());
            }
        }
    }
}
