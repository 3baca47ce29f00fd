package org.jiaoyan.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a WHERE clause from fixed condition fragments written in code, adding a fragment only when its filter is
 * set; every value is a bind parameter. Avoids "(:x is null or …)", which PostgreSQL cannot type for null values.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Always-on condition, e.g. "p.deleted_at is null". */
    public SqlFilter where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Condition with parameters given as name, value pairs. */
    public SqlFilter where(String condition, Object... nameValues) {
        conditions.add(condition);
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put((String) nameValues[i], nameValues[i + 1]);
        }
        return this;
    }

    /** Condition added only when value is non-null and not blank. */
    public SqlFilter whenSet(@Nullable Object value, String condition, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return this;
        }
        return where(condition, name, value);
    }

    /** "%text%" lower-cased for a like condition, added only when text is set. */
    public SqlFilter contains(@Nullable String text, String condition, String name) {
        if (text == null || text.isBlank()) {
            return this;
        }
        return where(condition, name, "%" + text.trim().toLowerCase() + "%");
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        params.forEach(spec::param);
        return spec;
    }
}
