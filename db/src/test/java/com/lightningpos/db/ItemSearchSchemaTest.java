package com.lightningpos.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shop migration V4: the FTS5 trigram index on item names and the triggers that keep it current. */
class ItemSearchSchemaTest {

    @TempDir
    Path dir;

    @Test
    void inserted_updated_and_deleted_items_are_followed_by_the_index() throws SQLException {
        DataSource shop = freshShop("shop.db");
        exec(shop, item("a", "Crème brûlée", 1, 0));
        exec(shop, item("b", "Dark chocolate", 1, 0));
        exec(shop, item("c", "Inactive chocolate", 0, 0));

        assertThat(names(shop, "\"choc\"")).containsExactly("b");
        assertThat(names(shop, "\"CREME BR\"")).as("case and accents folded").containsExactly("a");
        assertThat(names(shop, "\"late\"")).containsExactly("b");

        exec(shop, "UPDATE items SET name = 'Milk chocolate' WHERE id = 'b'");
        exec(shop, "UPDATE items SET active = 1 WHERE id = 'c'");
        assertThat(names(shop, "\"dark\"")).isEmpty();
        assertThat(names(shop, "\"milk\"")).containsExactly("b");
        assertThat(names(shop, "\"chocolate\"")).containsExactlyInAnyOrder("b", "c");

        exec(shop, "UPDATE items SET deleted = 1 WHERE id = 'c'");
        exec(shop, "DELETE FROM items WHERE id = 'a'");
        assertThat(names(shop, "\"chocolate\"")).containsExactly("b");
        assertThat(names(shop, "\"brûlée\"")).isEmpty();
        assertThat(count(shop, "SELECT count(*) FROM item_search_docs")).isEqualTo(1);
    }

    @Test
    void rows_applied_from_the_hub_are_indexed_too_and_a_replace_leaves_no_stale_entry() throws SQLException {
        DataSource shop = freshShop("shop.db");
        try (Connection c = shop.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("UPDATE sync_context SET applying_remote = 1 WHERE id = 1");
            s.execute(item("h", "Hub honey", 1, 0));
            s.execute("UPDATE sync_context SET applying_remote = 0 WHERE id = 1");
            c.commit();
        }
        assertThat(names(shop, "\"honey\"")).containsExactly("h");
        assertThat(count(shop, "SELECT count(*) FROM sync_changes WHERE table_name = 'items'")).as("not captured").isZero();

        exec(shop, item("h", "Hub mustard", 1, 0).replace("INSERT INTO", "INSERT OR REPLACE INTO"));
        assertThat(names(shop, "\"honey\"")).isEmpty();
        assertThat(names(shop, "\"mustard\"")).containsExactly("h");
        assertThat(count(shop, "SELECT count(*) FROM item_search_docs")).isEqualTo(1);
    }

    @Test
    void a_hub_replica_does_not_keep_the_index() throws SQLException {
        DataSource replica = freshShop("replica.db");
        exec(replica, "INSERT INTO replica_state (id, shop_id, high_water_seq, updated_at) VALUES (1, 'shop', 0, 'now')");
        exec(replica, item("a", "Rye bread", 1, 0));
        exec(replica, "UPDATE items SET name = 'Spelt bread' WHERE id = 'a'");

        assertThat(count(replica, "SELECT count(*) FROM item_search_docs")).isZero();
        assertThat(names(replica, "\"bread\"")).isEmpty();
    }

    @Test
    void migrating_an_existing_catalog_indexes_its_active_items() throws SQLException {
        DataSource shop = SqliteDatabases.dataSource(dir.resolve("old.db"));
        Flyway.configure().dataSource(shop).locations(SchemaKind.SHOP.location()).target("3").load().migrate();
        exec(shop, item("a", "Smoked coffee", 1, 0));
        exec(shop, item("b", "Coffee filter", 0, 0));

        SchemaMigrator.migrate(SchemaKind.SHOP, shop);

        assertThat(names(shop, "\"coffee\"")).containsExactly("a");
    }

    private DataSource freshShop(String name) {
        DataSource shop = SqliteDatabases.dataSource(dir.resolve(name));
        SchemaMigrator.migrate(SchemaKind.SHOP, shop);
        return shop;
    }

    private static String item(String id, String name, int active, int deleted) {
        return "INSERT INTO items (id, sku, barcode, name, price_cents, active, deleted, last_modified_at) VALUES ('" + id
                + "', 'SKU-" + id + "', '400" + id + "', '" + name + "', 100, " + active + ", " + deleted + ", 'hlc')";
    }

    /** Ids of the items whose indexed name matches the FTS5 query. */
    private static List<String> names(DataSource db, String match) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT d.item_id FROM item_search s JOIN item_search_docs d ON d.doc_id = s.rowid WHERE item_search MATCH ? ORDER BY 1")) {
            ps.setString(1, match);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
