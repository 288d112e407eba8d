package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.client.LocalSyncState;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.testing.MutableClock;
import com.lightningpos.etl.sync.testing.ShopFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotInstallerTest {

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    final String shopId = UUID.randomUUID().toString();
    final StoredCredentials credentials = new StoredCredentials(shopId, "s", "https://hub.example.com", "Corner shop", "2026-03-01T08:00:00Z");

    @Test
    void a_till_restored_from_its_replica_has_its_sales_and_continues_where_the_hub_is() throws Exception {
        byte[] snapshot = replicaWithTwoSales();
        Path dataDir = dir.resolve("new-machine");

        new SnapshotInstaller(dataDir).install(snapshot, credentials, "https://hub.example.com", Instant.now());

        DSLContext till = DSL.using(SqliteDatabases.openShopSchema(dataDir.resolve("shop.db")), SQLDialect.SQLITE);
        assertThat(count(till, "SELECT count(*) FROM sales_orders")).isEqualTo(2);
        assertThat(till.fetchValue("SELECT id FROM shop_config")).isEqualTo(shopId);
        assertThat(count(till, "SELECT cursor FROM sync_state WHERE stream = 'sales_up'")).isEqualTo(6);
        assertThat(count(till, "SELECT last_no FROM receipt_counters WHERE shop_id = '" + shopId + "'")).isEqualTo(2);
        assertThat(count(till, "SELECT count(*) FROM replica_inbound_log")).isZero();
        till.execute("INSERT INTO expenses (id, shop_id, category, amount_cents, created_at) VALUES (?, ?, 'misc', 100, '2026-03-02T00:00:00Z')",
                UUID.randomUUID().toString(), shopId);
        assertThat(count(till, "SELECT seq FROM sync_changes")).as("new changes continue after the hub's high-water mark").isEqualTo(7);
    }

    @Test
    void a_restored_till_can_search_the_catalog_its_replica_held_without_a_search_index() throws Exception {
        byte[] snapshot;
        try (ReplicaStore replicas = new ReplicaStore(dir.resolve("replicas"), clock)) {
            replicas.dsl(shopId).execute("INSERT INTO items (id, sku, name, price_cents, last_modified_at)"
                    + " VALUES ('i1', 'SKU-1', 'Wildflower honey', 700, 'hlc')");
            assertThat(count(replicas.dsl(shopId), "SELECT count(*) FROM item_search_docs")).as("replicas keep no index").isZero();
            Path file = replicas.snapshot(shopId);
            snapshot = Files.readAllBytes(file);
            Files.delete(file);
        }
        Path dataDir = dir.resolve("restored");

        new SnapshotInstaller(dataDir).install(snapshot, credentials, "https://hub.example.com", Instant.now());

        DSLContext till = DSL.using(SqliteDatabases.openShopSchema(dataDir.resolve("shop.db")), SQLDialect.SQLITE);
        assertThat(till.fetchValue("SELECT d.item_id FROM item_search s JOIN item_search_docs d ON d.doc_id = s.rowid"
                + " WHERE item_search MATCH '\"flower\"'")).isEqualTo("i1");
        till.execute("UPDATE items SET name = 'Acacia honey' WHERE id = 'i1'");
        assertThat(count(till, "SELECT count(*) FROM item_search WHERE item_search MATCH '\"acacia\"'")).as("triggers work again").isOne();
    }

    @Test
    void a_till_with_changes_the_hub_does_not_have_is_not_overwritten() throws Exception {
        byte[] snapshot = replicaWithTwoSales();
        Path dataDir = dir.resolve("still-alive");
        new ShopFixture(Files.createDirectories(dataDir), "x", clock); // creates shop-x.db; move it to shop.db
        Files.move(dataDir.resolve("shop-x.db"), dataDir.resolve("shop.db"));
        DSL.using(SqliteDatabases.dataSource(dataDir.resolve("shop.db")), SQLDialect.SQLITE)
                .execute("INSERT INTO expenses (id, shop_id, category, amount_cents, created_at) VALUES ('e', 'x', 'misc', 1, 'now')");

        assertThatThrownBy(() -> new SnapshotInstaller(dataDir).install(snapshot, credentials, "https://hub", Instant.now()))
                .hasMessageContaining("would lose them");
    }

    @Test
    void a_till_restored_once_is_recognised_so_that_a_restore_flag_left_on_does_nothing() throws Exception {
        byte[] snapshot = replicaWithTwoSales();
        Path dataDir = dir.resolve("restored-once");
        SnapshotInstaller installer = new SnapshotInstaller(dataDir);
        assertThat(installer.alreadyHolds(shopId)).as("nothing there yet").isFalse();

        installer.install(snapshot, credentials, "https://hub.example.com", Instant.now());

        assertThat(installer.alreadyHolds(shopId)).isTrue();
        assertThat(installer.alreadyHolds(UUID.randomUUID().toString())).as("another shop's database").isFalse();
        DSL.using(SqliteDatabases.openShopSchema(dataDir.resolve("shop.db")), SQLDialect.SQLITE)
                .execute("INSERT INTO expenses (id, shop_id, category, amount_cents, created_at) VALUES (?, ?, 'misc', 100, 'now')",
                        UUID.randomUUID().toString(), shopId);
        assertThat(installer.alreadyHolds(shopId)).as("a sale since: the refusal decides, not a silent skip").isFalse();
        assertThatThrownBy(installer::refuseIfUnsyncedChanges).hasMessageContaining("would lose them");
    }

    byte[] replicaWithTwoSales() throws Exception {
        ShopFixture shop = new ShopFixture(dir, shopId, clock);
        shop.sell(100);
        shop.sell(200);
        var rows = new LocalSyncState(shop.db).outboxAfter(0, 100);
        try (ReplicaStore replicas = new ReplicaStore(dir.resolve("replicas"), clock)) {
            replicas.applyPush(shopId, new PushRequest(shopId, 1, 6, rows));
            Path file = replicas.snapshot(shopId);
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        }
    }

    static long count(DSLContext db, String sql) {
        return ((Number) db.fetchValue(sql)).longValue();
    }
}
