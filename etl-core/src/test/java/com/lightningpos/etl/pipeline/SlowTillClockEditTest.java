package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.testing.HubTestDatabase;
import com.lightningpos.etl.testing.ReplicaFixture;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till whose clock is more than the drift bound slow cannot merge the hub's HLC, so its edit of
 * a hub row is stamped older than that row. Found by the simulation (seed 1): the hub accepted the
 * edit (its version was newer) but every replica and shop kept the old value, because they let
 * the newer HLC win. The hub now stamps such an accepted edit with its own clock.
 */
class SlowTillClockEditTest {

    @TempDir
    Path dir;

    HikariDataSource hubDs;
    DSLContext hub;
    ReplicaFixture replicas;
    HybridLogicalClock hubClock;
    HubCatalog catalog;
    EtlJobRunner runner;
    final UUID slowShop = UUID.randomUUID();
    final UUID otherShop = UUID.randomUUID();

    @BeforeEach
    void hubWithTwoShops() {
        hubDs = HubTestDatabase.freshDatabase();
        hub = HubTestDatabase.dsl(hubDs);
        replicas = new ReplicaFixture(dir);
        hubClock = new HybridLogicalClock(Clock.systemUTC(), "hub");
        catalog = new HubCatalog(hubClock);
        runner = new EtlJobRunner(hub, new Extractor(replicas), new Loader(catalog),
                new Propagator(replicas, Clock.systemUTC(), 500), Clock.systemUTC(), 100, "worker");
        for (UUID shop : new UUID[] {slowShop, otherShop}) {
            hub.insertInto(SHOPS).set(SHOPS.ID, shop).set(SHOPS.NAME, "Shop " + shop).set(SHOPS.ENROLLED_AT, OffsetDateTime.now()).execute();
        }
    }

    @AfterEach
    void close() {
        hubDs.close();
    }

    @Test
    void an_edit_from_a_till_with_a_slow_clock_reaches_every_other_shop() {
        UUID item = UUID.randomUUID();
        hub.transaction(cfg -> catalog.saveFromHub(cfg.dsl(), SyncedTable.ITEMS, item,
                ReplicaFixture.item(item, "Bread", 300, 0, null, null), "ho"));
        runBoth();
        String twoHoursAgo = new Hlc(System.currentTimeMillis() - Duration.ofHours(2).toMillis(), 0, slowShop.toString()).encode();

        replicas.pushed(slowShop, "items", "UPDATE", ReplicaFixture.item(item, "Bread", 280, 2, twoHoursAgo, slowShop));
        runBoth();

        assertThat(hub.select(ITEMS.PRICE_CENTS).from(ITEMS).where(ITEMS.ID.eq(item)).fetchOne(ITEMS.PRICE_CENTS))
                .as("made on top of the hub's version 1: accepted").isEqualTo(280);
        assertThat(hub.select(ITEMS.LAST_MODIFIED_AT).from(ITEMS).where(ITEMS.ID.eq(item)).fetchOne(ITEMS.LAST_MODIFIED_AT))
                .as("stamped by the hub, newer than the row it replaced").isGreaterThan(twoHoursAgo);
        assertThat(((Number) replicas.dsl(otherShop).fetchValue("SELECT price_cents FROM items WHERE id = ?", item.toString())).longValue())
                .as("the other shop's replica takes it").isEqualTo(280L);
        assertThat(replicas.outbound(otherShop)).last().asString().contains("\"price_cents\":280");
        assertThat(hub.fetchCount(SYNC_CONFLICTS)).isZero();
    }

    @Test
    void an_edit_stamped_newer_than_the_hub_row_keeps_the_shops_stamp() {
        UUID item = UUID.randomUUID();
        hub.transaction(cfg -> catalog.saveFromHub(cfg.dsl(), SyncedTable.ITEMS, item,
                ReplicaFixture.item(item, "Milk", 120, 0, null, null), "ho"));
        runBoth();
        String stamp = hubClock.now().encode().replace("-hub", "-" + slowShop);

        replicas.pushed(slowShop, "items", "UPDATE", ReplicaFixture.item(item, "Milk", 125, 2, stamp, slowShop));
        runBoth();

        assertThat(hub.select(ITEMS.LAST_MODIFIED_AT).from(ITEMS).where(ITEMS.ID.eq(item)).fetchOne(ITEMS.LAST_MODIFIED_AT))
                .isEqualTo(stamp);
        assertThat(hub.select(ITEMS.PRICE_CENTS).from(ITEMS).where(ITEMS.ID.eq(item)).fetchOne(ITEMS.PRICE_CENTS)).isEqualTo(125);
    }

    private void runBoth() {
        for (int round = 0; round < 2; round++) {
            for (UUID shop : new UUID[] {slowShop, otherShop}) {
                assertThat(runner.run(shop).ok()).isTrue();
            }
        }
    }
}
