package org.jiaoyan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On H2 every foreign key whose columns already have an index of ours gives up its own copy: the whole schema is
 * migrated, then each foreign key is compared before and after (columns, referenced table and columns, rules), the
 * copies are counted, and a key still refuses a row that breaks it.
 */
class H2ForeignKeyIndexesTests {

    @Test
    void foreignKeysKeepTheirDefinitionAndLoseOnlyTheirDuplicateIndex() throws SQLException {
        var ds = new SingleConnectionDataSource("jdbc:h2:mem:fk_indexes_" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate(); // without the callback
            JdbcClient jdbc = JdbcClient.create(ds);
            Set<String> keysBefore = foreignKeys(jdbc);
            int indexesBefore = indexCount(jdbc);
            int duplicatesBefore = duplicateIndexes(jdbc);
            assertThat(duplicatesBefore).as("H2 made its own index beside ours").isGreaterThan(20);

            int shared;
            try (Connection c = ds.getConnection()) {
                shared = H2ForeignKeyIndexes.share(c);
            }

            assertThat(shared).isEqualTo(duplicatesBefore);
            assertThat(foreignKeys(jdbc)).isEqualTo(keysBefore);
            assertThat(indexCount(jdbc)).isEqualTo(indexesBefore - shared);
            assertThat(duplicateIndexes(jdbc)).isZero();
            try (Connection c = ds.getConnection()) {
                assertThat(H2ForeignKeyIndexes.share(c)).as("a second run finds nothing").isZero();
            }
            // a rebuilt key still holds: person_status_change.person_id lost its own index to ix_person_status_change_person
            assertThat(jdbc.sql("""
                    select count(*) from information_schema.table_constraints
                    where table_name = 'person_status_change' and constraint_type = 'FOREIGN KEY'
                      and index_name = 'ix_person_status_change_person'""").query(Integer.class).single()).isOne();
            assertThatThrownBy(() -> jdbc.sql("""
                    insert into person_status_change (person_id, status, institution_id, effective_date, created_by)
                    values (999999, 'ACTIVE', 1, current_date, 'test')""").update())
                    .hasMessageContaining("Referential integrity");
        } finally {
            ds.destroy();
        }
    }

    /** Each foreign key as table(columns) → table(columns) with its rules. */
    private static Set<String> foreignKeys(JdbcClient jdbc) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select tc.table_name, tc.constraint_name, rc.update_rule, rc.delete_rule, uc.table_name as ref_table,
                       (select listagg(k.column_name, ',') within group (order by k.ordinal_position)
                        from information_schema.key_column_usage k where k.constraint_name = tc.constraint_name) as cols,
                       (select listagg(k.column_name, ',') within group (order by k.ordinal_position)
                        from information_schema.key_column_usage k where k.constraint_name = rc.unique_constraint_name) as ref_cols
                from information_schema.table_constraints tc
                join information_schema.referential_constraints rc on rc.constraint_name = tc.constraint_name
                join information_schema.table_constraints uc on uc.constraint_name = rc.unique_constraint_name
                where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema""").query().listOfRows();
        Set<String> keys = new TreeSet<>();
        for (var r : rows) {
            keys.add(r.get("table_name") + "." + r.get("constraint_name") + "(" + r.get("cols") + ") → " + r.get("ref_table")
                    + "(" + r.get("ref_cols") + ") on update " + r.get("update_rule") + " on delete " + r.get("delete_rule"));
        }
        assertThat(keys).hasSizeGreaterThan(100);
        return keys;
    }

    private static int indexCount(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from information_schema.indexes where table_schema = current_schema")
                .query(Integer.class).single();
    }

    /** Foreign keys backed by an index of their own while another index has exactly the same columns. */
    private static int duplicateIndexes(JdbcClient jdbc) {
        return jdbc.sql("""
                with cols as (
                  select table_name, index_name, listagg(column_name, ',') within group (order by column_name) as c
                  from information_schema.index_columns where table_schema = current_schema group by table_name, index_name)
                select count(*) from information_schema.table_constraints tc
                join cols own on own.table_name = tc.table_name and own.index_name = tc.index_name
                where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema
                  and exists (select 1 from cols other where other.table_name = own.table_name
                              and other.index_name <> own.index_name and other.c = own.c
                              and not exists (select 1 from information_schema.table_constraints x
                                              where x.index_name = other.index_name))""").query(Integer.class).single();
    }
}
