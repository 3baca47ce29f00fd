package org.jiaoyan.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On H2, lets each foreign key use an index the schema already has instead of one of its own.
 * <p>H2 gives every foreign key an index when the key is created. Our migrations then create the index the queries need
 * (PostgreSQL creates none for a foreign key), often on the very same column. On the embedded database that left 49
 * of 377 indexes at V28 as exact copies, each written on every insert. After a migration run that applied something,
 * this drops such a foreign key and adds it again, unchanged; H2 then backs it with the existing index and drops its
 * own. PostgreSQL is left alone.
 */
@Component
class H2ForeignKeyIndexes implements Callback {

    private static final Logger log = LoggerFactory.getLogger(H2ForeignKeyIndexes.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE_APPLIED;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection c = context.getConnection();
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) return;
            int shared = share(c);
            if (shared > 0) log.info("H2: {} foreign keys now use an existing index instead of their own", shared);
        } catch (SQLException e) {
            throw new IllegalStateException("H2: could not share foreign key indexes", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "h2-foreign-key-indexes";
    }

    /** A foreign key as declared: enough to add it again exactly. */
    record ForeignKey(String table, String name, String index, List<String> columns, String referencedTable,
                      List<String> referencedColumns, String updateRule, String deleteRule) {

        String addSql() {
            return "alter table " + quote(table) + " add constraint " + quote(name) + " foreign key (" + list(columns)
                    + ") references " + quote(referencedTable) + " (" + list(referencedColumns) + ") on update "
                    + updateRule + " on delete " + deleteRule;
        }
    }

    /** Rebuilds every foreign key whose own index duplicates another index; returns how many. */
    static int share(Connection c) throws SQLException {
        List<ForeignKey> keys = foreignKeys(c);
        Map<String, List<String>> indexColumns = indexColumns(c);
        int shared = 0;
        for (ForeignKey fk : keys) {
            if (!coveredElsewhere(fk, indexColumns)) continue;
            try (Statement s = c.createStatement()) {
                s.execute("alter table " + quote(fk.table()) + " drop constraint " + quote(fk.name()));
                s.execute(fk.addSql());
            }
            shared++;
        }
        return shared;
    }

    /**
     * Whether an index we created has exactly the key's columns, in any order. Only such an index can back a key in
     * H2: not a longer one, not one behind a primary key or unique constraint.
     */
    private static boolean coveredElsewhere(ForeignKey fk, Map<String, List<String>> indexColumns) {
        String prefix = fk.table() + "\u0000";
        for (var e : indexColumns.entrySet()) {
            if (!e.getKey().startsWith(prefix) || e.getKey().equals(prefix + fk.index())) continue;
            List<String> cols = e.getValue();
            if (cols.size() == fk.columns().size() && cols.containsAll(fk.columns())) {
                return true;
            }
        }
        return false;
    }

    private static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        // every constraint's columns in declaration order: a foreign key's pair up with its unique constraint's by position
        Map<String, List<String>> keyColumns = grouped(c, """
                select constraint_name, column_name from information_schema.key_column_usage
                where constraint_schema = current_schema order by constraint_name, ordinal_position""");
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select tc.table_name, tc.constraint_name, tc.index_name, rc.update_rule, rc.delete_rule,
                       uc.table_name as referenced_table, rc.unique_constraint_name
                from information_schema.table_constraints tc
                join information_schema.referential_constraints rc
                  on rc.constraint_schema = tc.constraint_schema and rc.constraint_name = tc.constraint_name
                join information_schema.table_constraints uc
                  on uc.constraint_schema = rc.unique_constraint_schema and uc.constraint_name = rc.unique_constraint_name
                where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema
                order by tc.table_name, tc.constraint_name""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString("constraint_name");
                keys.add(new ForeignKey(rs.getString("table_name"), name, rs.getString("index_name"),
                        keyColumns.getOrDefault(name, List.of()), rs.getString("referenced_table"),
                        keyColumns.getOrDefault(rs.getString("unique_constraint_name"), List.of()),
                        rs.getString("update_rule"), rs.getString("delete_rule")));
            }
        }
        return keys;
    }

    /** The columns, in order, of every index not behind a constraint, keyed by table and index name. */
    private static Map<String, List<String>> indexColumns(Connection c) throws SQLException {
        return grouped(c, """
                select ic.table_name, ic.index_name, ic.column_name from information_schema.index_columns ic
                where ic.table_schema = current_schema
                  and not exists (select 1 from information_schema.table_constraints tc
                                  where tc.index_schema = ic.index_schema and tc.index_name = ic.index_name)
                order by ic.table_name, ic.index_name, ic.ordinal_position""");
    }

    /**
     * A query's last column grouped, in the query's order, by the columns before it (joined with a NUL character, as
     * {@link #coveredElsewhere} looks them up).
     */
    private static Map<String, List<String>> grouped(Connection c, String sql) throws SQLException {
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int last = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder key = new StringBuilder(rs.getString(1));
                for (int i = 2; i < last; i++) key.append('\u0000').append(rs.getString(i));
                result.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(rs.getString(last));
            }
        }
        return result;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String list(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(H2ForeignKeyIndexes::quote).toList());
    }
}
