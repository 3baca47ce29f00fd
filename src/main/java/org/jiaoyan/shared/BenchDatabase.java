package org.jiaoyan.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * For the bench endpoints: H2 answers a query repeated with the same parameters over unchanged tables from the
 * previous result (OPTIMIZE_REUSE_RESULTS), which made a raw aggregate look like 0.3 ms against a real 300 ms and a
 * ratio against it meaningless. Measurements run with the reuse switched off and restore it afterwards; PostgreSQL
 * has no such cache and is left alone.
 */
@Component
public class BenchDatabase {

    private final DataSource dataSource;

    BenchDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T withoutResultReuse(Supplier<T> measurement) {
        boolean h2 = isH2();
        if (h2) {
            set(false);
        }
        try {
            return measurement.get();
        } finally {
            if (h2) {
                set(true);
            }
        }
    }

    private boolean isH2() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void set(boolean on) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set optimize_reuse_results " + (on ? "1" : "0"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
