package org.jiaoyan.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jiaoyan.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V27 copies the modules' own file rows and columns into the attachment table and V28 drops them: a database migrated
 * to V26 gets one file of each kind, then is migrated on; each file is found in attachment under its owner type with
 * its stored key, name, type, size, uploader and time. On H2, or with -Djiaoyan.pg=true on a PostgreSQL database of
 * its own.
 */
class FileMigrationIntegrationTests {

    private static final LocalDateTime UPLOADED = LocalDateTime.of(2025, 10, 9, 14, 30);

    private String pgName;

    private DriverManagerDataSource dataSource() {
        if (!TestDatabase.postgres()) {
            return new DriverManagerDataSource("jdbc:h2:mem:jiaoyan_file_migration_" + System.nanoTime()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        pgName = "jiaoyan_mig_" + ProcessHandle.current().pid();
        try (var c = DriverManager.getConnection(TestDatabase.PG_HOST + "postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + pgName);
            s.execute("create database " + pgName + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DriverManagerDataSource(TestDatabase.PG_HOST + pgName, "postgres", "");
    }

    @AfterEach
    void dropPostgresDatabase() throws SQLException {
        if (pgName != null) {
            try (var c = DriverManager.getConnection(TestDatabase.PG_HOST + "postgres", "postgres", "");
                 var s = c.createStatement()) {
                s.execute("drop database if exists " + pgName + " with (force)");
            }
        }
    }

    private static void migrate(DriverManagerDataSource ds, String target) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static long id(JdbcClient jdbc, String table) {
        return jdbc.sql("select max(id) from " + table).query(Long.class).single();
    }

    @Test
    void everyOldFileLandsInTheAttachmentTableAndTheOldTablesGo() {
        DriverManagerDataSource ds = dataSource();
        migrate(ds, "24");
        JdbcClient jdbc = JdbcClient.create(ds);

        jdbc.sql("insert into org_unit (type, name) values ('INSTITUTION', '迁移测试学校')").update();
        long school = id(jdbc, "org_unit");
        jdbc.sql("insert into org_unit (type, name, parent_id) values ('GROUP', '语文组', ?)").param(school).update();
        long group = id(jdbc, "org_unit");
        jdbc.sql("insert into person (institution_id, name) values (?, '林晓')").param(school).update();
        long person = id(jdbc, "person");
        jdbc.sql("insert into app_user (username, password_hash, display_name, person_id) values ('linxiao', 'x', '林晓', ?)")
                .param(person).update();
        jdbc.sql("insert into school_term (school_year, semester, start_date, end_date) values (2025, 1, ?, ?)")
                .params(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 20)).update();
        long term = id(jdbc, "school_term");

        jdbc.sql("insert into plan (institution_id, unit_id, term_id, title) values (?, ?, ?, '迁移计划')")
                .params(school, school, term).update();
        long plan = id(jdbc, "plan");
        jdbc.sql("""
                insert into plan_item (plan_id, content, time_kind, period_start, period_end)
                values (?, '制定学期计划', 'MONTHS', ?, ?)""").params(plan, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30)).update();
        long item = id(jdbc, "plan_item");
        jdbc.sql("""
                insert into plan_item_evidence (item_id, file_name, content_type, size_bytes, storage_key, created_at, created_by, person_id)
                values (?, '语文组计划.docx', 'application/msword', 2048, 'ab/plan-key', ?, 'linxiao', ?)""")
                .params(item, UPLOADED, person).update();

        jdbc.sql("""
                insert into quality_check (institution_id, unit_id, checked_on, item, checker_id, result, file_name, content_type,
                                           size_bytes, storage_key, updated_at, updated_by)
                values (?, ?, ?, '手卫生', ?, 'PASSED', '检查表.jpg', 'image/jpeg', 4096, 'cd/check-key', ?, 'linxiao')""")
                .params(school, group, LocalDate.of(2025, 10, 9), person, UPLOADED).update();
        long check = id(jdbc, "quality_check");

        jdbc.sql("""
                insert into assess_appeal (institution_id, term_id, level, subject_id, item_code, item_name, reason, file_key,
                                           file_name, created_at, created_by)
                values (?, ?, 'TEACHERS', ?, 'award', '获奖', '漏登', 'ef/appeal-key', '获奖证书.pdf', ?, 'linxiao')""")
                .params(school, term, person, UPLOADED).update();
        long appeal = id(jdbc, "assess_appeal");

        long prepType = jdbc.sql("select id from activity_type where code = 'COLLECTIVE_PREP'").query(Long.class).single();
        jdbc.sql("""
                insert into activity (institution_id, organiser_unit_id, type_id, title, starts_at, ends_at)
                values (?, ?, ?, '集体备课', ?, ?)""").params(school, group, prepType, UPLOADED.minusDays(2), UPLOADED.minusDays(2).plusHours(2))
                .update();
        long activity = id(jdbc, "activity");
        jdbc.sql("""
                insert into prep_step (activity_id, person_id, step, file_name, content_type, size_bytes, storage_key, due_date, done_at)
                values (?, ?, 'DRAFT', '观潮教案.docx', 'application/msword', 1024, 'gh/prep-key', ?, ?)""")
                .params(activity, person, LocalDate.of(2025, 10, 10), UPLOADED).update();
        long step = id(jdbc, "prep_step");

        migrate(ds, "27");
        List<Map<String, Object>> rows = jdbc.sql("""
                select owner_type, owner_id, institution_id, file_name, content_type, size_bytes, storage_key, created_at, created_by
                  from attachment order by owner_type""").query().listOfRows();
        assertThat(rows).extracting(r -> r.get("owner_type"))
                .containsExactly("activity.prep-step", "assessment.appeal", "plan.evidence", "quality.check");
        assertThat(rows).extracting(r -> ((Number) r.get("owner_id")).longValue()).containsExactly(step, appeal, item, check);
        assertThat(rows).extracting(r -> r.get("storage_key"))
                .containsExactly("gh/prep-key", "ef/appeal-key", "ab/plan-key", "cd/check-key");
        assertThat(rows).extracting(r -> r.get("file_name")).containsExactly("观潮教案.docx", "获奖证书.pdf", "语文组计划.docx", "检查表.jpg");
        assertThat(rows).extracting(r -> r.get("content_type"))
                .containsExactly("application/msword", "application/pdf", "application/msword", "image/jpeg");
        assertThat(rows).extracting(r -> ((Number) r.get("size_bytes")).longValue()).containsExactly(1024L, 0L, 2048L, 4096L);
        assertThat(rows).allSatisfy(r -> {
            assertThat(((Number) r.get("institution_id")).longValue()).isEqualTo(school);
            assertThat(r.get("created_by")).isEqualTo("linxiao");
            assertThat(((java.sql.Timestamp) r.get("created_at")).toLocalDateTime()).isEqualTo(UPLOADED);
        });

        migrate(ds, "28");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in ('activity_file', 'plan_item_evidence')")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from information_schema.columns
                 where table_name in ('quality_check', 'prep_step', 'assess_appeal')
                   and column_name in ('file_name', 'content_type', 'size_bytes', 'storage_key', 'file_key')""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single()).isEqualTo(4);
    }
}
