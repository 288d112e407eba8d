package com.lightningpos.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopSchemaTest {

    @TempDir
    Path dir;

    DataSource shop;

    @BeforeEach
    void migrateFreshFile() {
        shop = SqliteDatabases.dataSource(dir.resolve("shop.db"));
        SchemaMigrator.MigrationResult result = SchemaMigrator.migrate(SchemaKind.SHOP, shop);
        assertThat(result.fromVersion()).isZero();
        assertThat(result.toVersion()).isEqualTo(SchemaMigrator.latestVersion(SchemaKind.SHOP));
    }

    @Test
    void a_fresh_file_migrates_to_the_latest_version_and_records_it() throws SQLException {
        assertThat(queryLong("SELECT version FROM schema_version")).isEqualTo(SchemaMigrator.latestVersion(SchemaKind.SHOP));
        assertThat(tables()).contains("categories", "tax_rates", "items", "payment_methods", "cash_sessions",
                "cash_movements", "sales_orders", "sales_order_items", "sales_order_payments", "expenses",
                "stock_movements", "stock_levels", "receipt_counters", "sync_changes", "sync_state", "shop_config",
                "schema_version");
        assertThat(queryLong("SELECT count(*) FROM sync_changes")).as("seed rows are not captured").isZero();
    }

    @Test
    void receipt_numbers_are_unique_per_shop_but_may_repeat_across_shops() throws SQLException {
        exec(order("a", "shop-1", 1));
        exec(order("b", "shop-2", 1));
        assertThatThrownBy(() -> exec(order("c", "shop-1", 1))).hasMessageContaining("UNIQUE");
    }

    @Test
    void an_order_id_can_exist_only_once() throws SQLException {
        exec(order("a", "shop-1", 1));
        assertThatThrownBy(() -> exec(order("a", "shop-1", 2))).hasMessageContaining("UNIQUE");
    }

    @Test
    void insert_update_and_delete_on_items_each_write_one_outbox_row_with_the_image() throws SQLException {
        exec("INSERT INTO shop_config (id, name, created_at) VALUES ('shop-1', 'Shop', '2026-01-01T00:00:00Z')");
        exec(item("i1", 100, "000000000000001-000000-shop-1"));
        exec("UPDATE items SET price_cents = 150, last_modified_at = '000000000000002-000000-shop-1' WHERE id = 'i1'");
        exec("DELETE FROM items WHERE id = 'i1'");

        List<String[]> rows = outbox();
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r[0]).containsExactly("INSERT", "UPDATE", "DELETE");
        assertThat(rows.get(0)[1]).contains("\"price_cents\":100").contains("\"id\":\"i1\"");
        assertThat(rows.get(1)[1]).contains("\"price_cents\":150");
        assertThat(rows.get(1)[2]).isEqualTo("000000000000002-000000-shop-1");
        assertThat(rows).allSatisfy(r -> assertThat(r[3]).isEqualTo("shop-1"));
        assertThat(queryLong("SELECT count(*) FROM sync_changes WHERE sync_status = 'pending'")).isEqualTo(3);
    }

    @Test
    void insert_update_and_delete_on_sales_orders_each_write_one_outbox_row() throws SQLException {
        exec(order("o1", "shop-1", 1));
        exec("UPDATE sales_orders SET status = 'voided' WHERE id = 'o1'");
        exec("DELETE FROM sales_orders WHERE id = 'o1'");
        List<String[]> rows = outbox();
        assertThat(rows).extracting(r -> r[0]).containsExactly("INSERT", "UPDATE", "DELETE");
        assertThat(rows.get(1)[1]).contains("\"status\":\"voided\"").contains("\"total_cents\":500");
        assertThat(rows).allSatisfy(r -> assertThat(r[3]).isEqualTo("shop-1"));
    }

    @Test
    void rows_applied_from_the_hub_do_not_enter_the_outbox() throws SQLException {
        try (Connection c = shop.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("UPDATE sync_context SET applying_remote = 1");
            s.execute(item("i2", 100, "000000000000001-000000-hub"));
            s.execute("UPDATE items SET price_cents = 120 WHERE id = 'i2'");
            s.execute("UPDATE sync_context SET applying_remote = 0");
            c.commit();
        }
        assertThat(queryLong("SELECT count(*) FROM sync_changes")).isZero();
        exec("UPDATE items SET price_cents = 130 WHERE id = 'i2'");
        assertThat(queryLong("SELECT count(*) FROM sync_changes")).as("a local edit afterwards is captured").isEqualTo(1);
    }

    @Test
    void a_failed_transaction_leaves_neither_the_row_nor_its_outbox_row() throws SQLException {
        try (Connection c = shop.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(order("o2", "shop-1", 7));
            c.rollback();
        }
        assertThat(queryLong("SELECT count(*) FROM sales_orders")).isZero();
        assertThat(queryLong("SELECT count(*) FROM sync_changes")).isZero();
    }

    @Test
    void stock_levels_follow_stock_movements() throws SQLException {
        exec("INSERT INTO stock_movements (id, shop_id, item_id, delta_milli, reason, created_at) VALUES ('m1','s','i','5000','receipt','t')");
        exec("INSERT INTO stock_movements (id, shop_id, item_id, delta_milli, reason, created_at) VALUES ('m2','s','i','-2000','sale','t')");
        assertThat(queryLong("SELECT quantity_milli FROM stock_levels WHERE shop_id = 's' AND item_id = 'i'")).isEqualTo(3000);
    }

    static String order(String id, String shopId, int receiptNo) {
        return "INSERT INTO sales_orders (id, shop_id, receipt_no, status, subtotal_cents, tax_cents, total_cents, paid_cents, created_at)"
                + " VALUES ('" + id + "', '" + shopId + "', " + receiptNo + ", 'completed', 500, 0, 500, 500, '2026-01-01T00:00:00Z')";
    }

    static String item(String id, int price, String hlc) {
        return "INSERT INTO items (id, sku, barcode, name, price_cents, last_modified_at) VALUES ('" + id + "', 'SKU-" + id
                + "', '400000" + id + "', 'Item " + id + "', " + price + ", '" + hlc + "')";
    }

    private List<String[]> outbox() throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = shop.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT op, payload, hlc, shop_id FROM sync_changes ORDER BY seq")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return rows;
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = shop.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void the_wal_shrinks_back_to_its_limit_after_a_checkpoint() throws SQLException {
        try (Connection c = shop.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_size_limit")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(SqliteDatabases.WAL_SIZE_LIMIT_BYTES);
            }
            s.execute("CREATE TABLE filler (x BLOB)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO filler SELECT randomblob(4096) FROM n");
            java.nio.file.Path wal = dir.resolve("shop.db-wal");
            assertThat(java.nio.file.Files.size(wal)).as("a big write grows the WAL").isGreaterThan(3L * SqliteDatabases.WAL_SIZE_LIMIT_BYTES);
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            s.execute("INSERT INTO filler VALUES (x'00')"); // the next write restarts the WAL and truncates it
            assertThat(java.nio.file.Files.size(wal)).isLessThanOrEqualTo(SqliteDatabases.WAL_SIZE_LIMIT_BYTES);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = shop.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = shop.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
