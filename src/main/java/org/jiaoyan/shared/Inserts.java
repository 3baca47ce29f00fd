package org.jiaoyan.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Runs an insert and returns the generated id column, the same way on H2 and PostgreSQL. */
public final class Inserts {

    private Inserts() {
    }

    public static long id(JdbcClient.StatementSpec insert) {
        var keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        Number key = keys.getKey();
        if (key == null) {
            throw new IllegalStateException("insert returned no id");
        }
        return key.longValue();
    }
}
