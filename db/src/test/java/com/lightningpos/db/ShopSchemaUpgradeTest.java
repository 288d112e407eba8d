package com.lightningpos.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopSchemaUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void a_database_made_at_version_1_upgrades_and_keeps_its_rows() throws Exception {
        Path v1 = dir.resolve("made-at-v1.db");
        var old = SqliteDatabases.dataSource(v1);
        Flyway.configure().dataSource(old).locations(SchemaKind.SHOP.location()).target("1").load().migrate();
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            s.execute(ShopSchemaTest.order("o1", "shop-1", 1));
        }
        // Upgrade a copy, as an operator would before trying a new release on a real till.
        Path copy = dir.resolve("copy.db");
        Files.copy(v1, copy);

        var upgraded = SqliteDatabases.dataSource(copy);
        SchemaMigrator.MigrationResult result = SchemaMigrator.migrate(SchemaKind.SHOP, upgraded);

        assertThat(result.fromVersion()).isEqualTo(1);
        assertThat(result.toVersion()).isEqualTo(SchemaMigrator.latestVersion(SchemaKind.SHOP)).isGreaterThan(1);
        try (Connection c = upgraded.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(result.toVersion());
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sales_orders WHERE id = 'o1'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM local_backups")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the V2 table exists").isZero();
            }
        }
    }

    @Test
    void a_database_newer_than_the_application_is_refused_with_a_clear_message() throws Exception {
        Path file = dir.resolve("newer.db");
        var ds = SqliteDatabases.dataSource(file);
        SchemaMigrator.migrate(SchemaKind.SHOP, ds);
        int latest = SchemaMigrator.latestVersion(SchemaKind.SHOP);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // What a newer release would have left behind.
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (99, '" + (latest + 1) + "', 'future', 'SQL',"
                    + " 'V" + (latest + 1) + "__future.sql', 0, 'test', 1, 1)");
        }
        long sizeBefore = Files.size(file);

        assertThatThrownBy(() -> SchemaMigrator.migrate(SchemaKind.SHOP, ds))
                .isInstanceOf(SchemaTooNewException.class)
                .hasMessageContaining("schema version " + (latest + 1))
                .hasMessageContaining("newer release");
        assertThat(Files.size(file)).isEqualTo(sizeBefore);
    }
}
