package com.lightningpos.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HubSchemaTest {

    static EmbeddedHubDatabase postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedHubDatabase.startEphemeral();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void a_fresh_postgresql_migrates_from_zero_to_latest_and_enforces_sales_keys() throws Exception {
        var ds = postgres.dataSource();
        SchemaMigrator.MigrationResult result = SchemaMigrator.migrate(SchemaKind.HUB, ds);
        assertThat(result.fromVersion()).isZero();
        assertThat(result.toVersion()).isEqualTo(SchemaMigrator.latestVersion(SchemaKind.HUB));

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(result.toVersion());
            }
            UUID shop = UUID.randomUUID();
            UUID order = UUID.randomUUID();
            s.execute("INSERT INTO shops (id, name) VALUES ('" + shop + "', 'Shop 1')");
            s.execute(order(order, shop, 1));
            assertThatThrownBy(() -> s.execute(order(order, shop, 2))).hasMessageContaining("sales_orders_pkey");
            assertThatThrownBy(() -> s.execute(order(UUID.randomUUID(), shop, 1))).hasMessageContaining("receipt_no");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM payment_methods")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
        // Running again is a no-op.
        assertThat(SchemaMigrator.migrate(SchemaKind.HUB, ds).changed()).isFalse();
    }

    @Test
    void a_hub_made_at_version_1_upgrades() throws Exception {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE upgrade_test");
        }
        var ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(postgres.jdbcUrl().replace("/postgres?", "/upgrade_test?"));
        ds.setUser("postgres");
        Flyway.configure().dataSource(ds).locations(SchemaKind.HUB.location()).target("1").load().migrate();
        SchemaMigrator.MigrationResult result = SchemaMigrator.migrate(SchemaKind.HUB, ds);
        assertThat(result.fromVersion()).isEqualTo(1);
        assertThat(result.toVersion()).isEqualTo(SchemaMigrator.latestVersion(SchemaKind.HUB));
    }

    private static String order(UUID id, UUID shop, int receiptNo) {
        return "INSERT INTO sales_orders (id, shop_id, receipt_no, kind, status, subtotal_cents, discount_cents, tax_cents,"
                + " total_cents, rounding_cents, paid_cents, change_cents, created_at) VALUES ('" + id + "', '" + shop + "', "
                + receiptNo + ", 'sale', 'completed', 500, 0, 0, 500, 0, 500, 0, now())";
    }
}
