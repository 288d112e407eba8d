package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.SALES_ORDERS;
import static com.lightningpos.db.hub.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.hub.Tables.SALES_ORDER_PAYMENTS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;
import static com.lightningpos.db.hub.Tables.SYNC_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.testing.HubTestDatabase;
import com.lightningpos.etl.testing.ReplicaFixture;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtlPipelineTest {

    @TempDir
    Path dir;

    HikariDataSource hubDs;
    DSLContext hub;
    ReplicaFixture replicas;
    HybridLogicalClock hubClock;
    HubCatalog catalog;
    EtlJobRunner runner;

    final UUID shopA = UUID.randomUUID();
    final UUID shopB = UUID.randomUUID();
    final UUID shopC = UUID.randomUUID();

    @BeforeEach
    void hubWithThreeShops() {
        hubDs = HubTestDatabase.freshDatabase();
        hub = HubTestDatabase.dsl(hubDs);
        replicas = new ReplicaFixture(dir);
        hubClock = new HybridLogicalClock(Clock.systemUTC(), "hub");
        catalog = new HubCatalog(hubClock);
        runner = runner(hub, "worker-1");
        for (UUID shop : new UUID[] {shopA, shopB, shopC}) {
            hub.insertInto(SHOPS).set(SHOPS.ID, shop).set(SHOPS.NAME, "Shop " + shop)
                    .set(SHOPS.ENROLLED_AT, OffsetDateTime.now()).execute();
        }
    }

    @AfterEach
    void close() {
        hubDs.close();
    }

    EtlJobRunner runner(DSLContext db, String name) {
        return new EtlJobRunner(db, new Extractor(replicas), new Loader(catalog),
                new Propagator(replicas, Clock.systemUTC(), 500), Clock.systemUTC(), 100, name);
    }

    @Test
    void a_crash_before_commit_loads_nothing_and_the_replay_loads_every_sale_exactly_once() {
        for (int i = 1; i <= 5; i++) {
            replicas.pushedSale(shopA, i, 100 * i);
        }
        runner.afterLoad(shop -> {
            throw new IllegalStateException("crash after the rows were written, before the cursor moved");
        });

        EtlRun crashed = runner.run(shopA);

        assertThat(crashed.ok()).isFalse();
        assertThat(hub.fetchCount(SALES_ORDERS)).isZero();
        assertThat(cursor(shopA)).as("rows and cursor commit together: neither moved").isZero();
        assertThat(hub.select(ETL_JOBS.LAST_ERROR).from(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(shopA)).fetchOne(0, String.class))
                .contains("crash after the rows were written");

        runner.afterLoad(shop -> { });
        assertThat(runner.run(shopA).ok()).isTrue();

        assertThat(hub.fetchCount(SALES_ORDERS, SALES_ORDERS.SHOP_ID.eq(shopA))).isEqualTo(5);
        assertThat(hub.fetchCount(SALES_ORDER_ITEMS)).isEqualTo(5);
        assertThat(hub.fetchCount(SALES_ORDER_PAYMENTS)).isEqualTo(5);
        assertThat(hub.select(org.jooq.impl.DSL.sum(SALES_ORDERS.TOTAL_CENTS)).from(SALES_ORDERS).fetchOne(0, Long.class))
                .isEqualTo(1500);
        assertThat(cursor(shopA)).isEqualTo(15);
    }

    @Test
    void replaying_batches_after_commit_and_cursor_doubles_nothing() {
        for (int i = 1; i <= 3; i++) {
            replicas.pushedSale(shopA, i, 250);
        }
        runner.run(shopA);
        // As if the hub were restored from a backup taken before this load: the cursor goes back.
        hub.update(ETL_JOBS).set(ETL_JOBS.INBOUND_CURSOR, 0L).where(ETL_JOBS.SHOP_ID.eq(shopA)).execute();

        runner.run(shopA);

        assertThat(hub.fetchCount(SALES_ORDERS)).isEqualTo(3);
        assertThat(hub.fetchCount(SALES_ORDER_ITEMS)).isEqualTo(3);
        assertThat(cursor(shopA)).isEqualTo(9);
        assertThat(hub.fetchCount(SYNC_RUNS, SYNC_RUNS.SHOP_ID.eq(shopA).and(SYNC_RUNS.OK))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_batch_with_new_sales_and_a_change_to_an_already_loaded_sale_loads_both() throws Exception {
        UUID first = replicas.pushedSale(shopA, 1, 400);
        runner.run(shopA);
        @SuppressWarnings("unchecked")
        Map<String, Object> voided = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                (String) replicas.dsl(shopA).fetchValue("SELECT payload FROM replica_inbound_log WHERE seq = 1"), Map.class);
        voided.put("status", "voided");
        voided.put("voided_at", "2026-01-01T12:00:00Z");
        voided.put("void_reason", "wrong item");
        replicas.pushedSale(shopA, 2, 300);
        replicas.pushed(shopA, "sales_orders", "UPDATE", voided);
        replicas.pushedSale(shopA, 3, 200);

        assertThat(runner.run(shopA).ok()).isTrue();

        assertThat(hub.fetchCount(SALES_ORDERS, SALES_ORDERS.SHOP_ID.eq(shopA))).isEqualTo(3);
        assertThat(hub.fetchCount(SALES_ORDER_PAYMENTS)).isEqualTo(3);
        assertThat(hub.select(SALES_ORDERS.STATUS).from(SALES_ORDERS).where(SALES_ORDERS.ID.eq(first)).fetchOne(SALES_ORDERS.STATUS))
                .isEqualTo("voided");
        assertThat(hub.select(org.jooq.impl.DSL.sum(SALES_ORDERS.TOTAL_CENTS)).from(SALES_ORDERS).fetchOne(0, Long.class))
                .isEqualTo(900);
        assertThat(cursor(shopA)).isEqualTo(10);
    }

    @Test
    void a_shop_edit_that_collides_with_a_newer_hub_edit_is_recorded_and_the_hub_value_goes_back_to_the_shop() {
        UUID item = UUID.randomUUID();
        hub.transaction(cfg -> catalog.saveFromHub(cfg.dsl(), SyncedTable.ITEMS, item,
                ReplicaFixture.item(item, "Espresso", 200, 0, null, null), "ho"));
        runAll(); // every shop receives version 1
        hub.transaction(cfg -> catalog.saveFromHub(cfg.dsl(), SyncedTable.ITEMS, item, Map.of("price_cents", 220L), "ho"));
        // Shop A, offline, edited version 1 and made its own version 2.
        replicas.pushed(shopA, "items", "UPDATE",
                ReplicaFixture.item(item, "Espresso", 180, 2, hubClock.now().encode().replace("-hub", "-shopA"), shopA));

        runAll();

        assertThat(hub.select(ITEMS.PRICE_CENTS).from(ITEMS).where(ITEMS.ID.eq(item)).fetchOne(ITEMS.PRICE_CENTS))
                .as("the hub wins").isEqualTo(220);
        var conflict = hub.selectFrom(SYNC_CONFLICTS).fetchSingle();
        assertThat(conflict.getShopId()).isEqualTo(shopA);
        assertThat(conflict.getWinner()).isEqualTo("hub");
        assertThat(conflict.getShopVersion().data()).contains("\"price_cents\": 180");
        assertThat(conflict.getHubVersion().data()).contains("\"price_cents\": 220");
        assertThat(replicas.outbound(shopA).get(replicas.outbound(shopA).size() - 1))
                .as("shop A is sent the hub's value").contains(item.toString()).contains("\"price_cents\":220");
    }

    @Test
    void a_non_conflicting_shop_edit_reaches_the_other_shops_but_is_not_sent_back() {
        UUID item = UUID.randomUUID();
        hub.transaction(cfg -> catalog.saveFromHub(cfg.dsl(), SyncedTable.ITEMS, item,
                ReplicaFixture.item(item, "Tea", 150, 0, null, null), "ho"));
        runAll();
        int outboundA = replicas.outbound(shopA).size();

        replicas.pushed(shopA, "items", "UPDATE",
                ReplicaFixture.item(item, "Tea", 170, 2, hubClock.now().encode().replace("-hub", "-shopA"), shopA));
        runAll();

        assertThat(hub.select(ITEMS.PRICE_CENTS, ITEMS.LAST_MODIFIED_SHOP_ID).from(ITEMS).where(ITEMS.ID.eq(item)).fetchOne())
                .satisfies(r -> {
                    assertThat(r.value1()).isEqualTo(170);
                    assertThat(r.value2()).isEqualTo(shopA);
                });
        assertThat(hub.fetchCount(CATALOG_CHANGES, CATALOG_CHANGES.ORIGIN_SHOP_ID.eq(shopA))).isEqualTo(1);
        assertThat(replicas.outbound(shopB)).last().asString().contains("\"price_cents\":170");
        assertThat(replicas.outbound(shopC)).last().asString().contains("\"price_cents\":170");
        assertThat(replicas.outbound(shopA)).as("nothing new for the shop that made the change").hasSize(outboundA);
        assertThat(hub.fetchCount(SYNC_CONFLICTS)).isZero();
        assertThat(((Number) replicas.dsl(shopB).fetchValue("SELECT price_cents FROM items WHERE id = ?", item.toString())).longValue())
                .as("B's replica mirrors what B will pull").isEqualTo(170L);
    }

    @Test
    void one_shops_sales_never_reach_another_shops_replica() {
        replicas.pushedSale(shopA, 1, 999);
        runAll();
        assertThat(hub.fetchCount(SALES_ORDERS, SALES_ORDERS.SHOP_ID.eq(shopA))).isEqualTo(1);
        for (UUID other : new UUID[] {shopB, shopC}) {
            assertThat(replicas.dsl(other).fetchCount(com.lightningpos.db.shop.Tables.SALES_ORDERS)).isZero();
            assertThat(replicas.outbound(other)).noneMatch(row -> row.startsWith("sales") || row.startsWith("cash")
                    || row.startsWith("expenses") || row.startsWith("stock"));
        }
    }

    @Test
    void a_row_claiming_another_shop_is_never_loaded_under_the_pushing_shop() {
        var foreign = new java.util.LinkedHashMap<String, Object>();
        foreign.put("id", UUID.randomUUID().toString());
        foreign.put("shop_id", shopB.toString());
        foreign.put("category", "rent");
        foreign.put("amount_cents", 100);
        foreign.put("paid_from_till", 0);
        foreign.put("created_at", "2026-01-01T00:00:00Z");
        replicas.pushed(shopA, "expenses", "INSERT", foreign);
        runner.run(shopA);
        assertThat(hub.fetchCount(com.lightningpos.db.hub.Tables.EXPENSES)).isZero();
    }

    @Test
    void a_shop_cannot_change_or_delete_another_shops_loaded_sale_by_its_id() throws Exception {
        UUID salesOfA = replicas.pushedSale(shopA, 1, 700);
        assertThat(runner.run(shopA).ok()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> taken = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                (String) replicas.dsl(shopA).fetchValue("SELECT payload FROM replica_inbound_log WHERE seq = 1"), Map.class);
        // Shop B's own rows by the validator's rules (its shop_id), but carrying the id of shop A's sale.
        taken.put("shop_id", shopB.toString());
        taken.put("total_cents", 1);
        replicas.pushed(shopB, "sales_orders", "UPDATE", taken);
        Map<String, Object> deleted = Map.of("id", salesOfA.toString(), "shop_id", shopB.toString());
        for (Loader.Strategy strategy : Loader.Strategy.values()) {
            EtlJobRunner shopBRunner = new EtlJobRunner(hub, new Extractor(replicas), new Loader(catalog, strategy),
                    new Propagator(replicas, Clock.systemUTC(), 500), Clock.systemUTC(), 100, "worker-" + strategy);
            hub.update(ETL_JOBS).set(ETL_JOBS.INBOUND_CURSOR, 0L).where(ETL_JOBS.SHOP_ID.eq(shopB)).execute();
            shopBRunner.run(shopB);

            assertThat(hub.select(SALES_ORDERS.SHOP_ID, SALES_ORDERS.TOTAL_CENTS).from(SALES_ORDERS)
                    .where(SALES_ORDERS.ID.eq(salesOfA)).fetchOne())
                    .as(strategy + ": shop A's sale stays shop A's, unchanged")
                    .satisfies(r -> {
                        assertThat(r.value1()).isEqualTo(shopA);
                        assertThat(r.value2()).isEqualTo(700L);
                    });
        }
        replicas.pushed(shopB, "sales_orders", "DELETE", deleted);
        runner.run(shopB);
        assertThat(hub.fetchCount(SALES_ORDERS, SALES_ORDERS.ID.eq(salesOfA).and(SALES_ORDERS.SHOP_ID.eq(shopA))))
                .as("a delete from shop B does not remove shop A's sale").isEqualTo(1);
    }

    private void runAll() {
        for (UUID shop : new UUID[] {shopA, shopB, shopC}) {
            assertThat(runner.run(shop).ok()).isTrue();
        }
        // A second round delivers what one shop's load produced for shops that ran before it.
        for (UUID shop : new UUID[] {shopA, shopB, shopC}) {
            assertThat(runner.run(shop).ok()).isTrue();
        }
    }

    private long cursor(UUID shop) {
        return hub.select(ETL_JOBS.INBOUND_CURSOR).from(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(shop)).fetchOne(ETL_JOBS.INBOUND_CURSOR);
    }
}
