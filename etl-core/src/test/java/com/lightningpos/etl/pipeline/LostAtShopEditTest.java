package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.Hlc;
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
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till's catalog edit that lost locally to a newer hub version is still sent, marked, so that
 * head office sees what was overwritten (found by the simulation: such edits never reached
 * {@code sync_conflicts}). The hub records it once and leaves its row alone: no re-stamp, no new
 * version, nothing propagated.
 */
class LostAtShopEditTest {

    @TempDir
    Path dir;

    HikariDataSource hubDs;
    DSLContext hub;
    ReplicaFixture replicas;
    HubCatalog catalog;
    EtlJobRunner runner;
    final UUID shop = UUID.randomUUID();

    @BeforeEach
    void hubWithOneShop() {
        hubDs = HubTestDatabase.freshDatabase();
        hub = HubTestDatabase.dsl(hubDs);
        replicas = new ReplicaFixture(dir);
        catalog = new HubCatalog(new HybridLogicalClock(Clock.systemUTC(), "hub"));
        runner = new EtlJobRunner(hub, new Extractor(replicas), new Loader(catalog),
                new Propagator(replicas, Clock.systemUTC(), 500), Clock.systemUTC(), 100, "worker");
        hub.insertInto(SHOPS).set(SHOPS.ID, shop).set(SHOPS.NAME, "Shop").set(SHOPS.ENROLLED_AT, OffsetDateTime.now()).execute();
    }

    @AfterEach
    void close() {
        hubDs.close();
    }

    @Test
    void a_lost_edit_is_recorded_once_and_the_hub_row_stays_as_it_is() {
        UUID item = UUID.randomUUID();
        String olderThanHub = new Hlc(System.currentTimeMillis() - 60_000, 0, shop.toString()).encode();
        hub.transaction(cfg -> catalog.saveFromHub(cfg.dsl(), SyncedTable.ITEMS, item,
                ReplicaFixture.item(item, "Bread", 300, 0, null, null), "ho"));
        hub.transaction(cfg -> catalog.saveFromHub(cfg.dsl(), SyncedTable.ITEMS, item, Map.of("price_cents", 320L), "ho"));
        assertThat(runner.run(shop).ok()).isTrue();
        Record before = hub.selectFrom(ITEMS).where(ITEMS.ID.eq(item)).fetchOne();
        int changesBefore = hub.fetchCount(CATALOG_CHANGES);

        Map<String, Object> lost = ReplicaFixture.item(item, "Bread", 280, 2, olderThanHub, shop);
        lost.put(ChangeRow.LOST_AT_SHOP, true);
        replicas.pushed(shop, "items", "UPDATE", lost);
        replicas.pushed(shop, "items", "UPDATE", lost); // re-sent after a rewind
        assertThat(runner.run(shop).ok()).isTrue();

        assertThat(hub.selectFrom(ITEMS).where(ITEMS.ID.eq(item)).fetchOne()).isEqualTo(before);
        assertThat(hub.fetchCount(CATALOG_CHANGES)).as("nothing to propagate").isEqualTo(changesBefore);
        var conflict = hub.selectFrom(SYNC_CONFLICTS).fetchSingle();
        assertThat(conflict.getRule()).isEqualTo("lost_at_shop");
        assertThat(conflict.getWinner()).isEqualTo("hub");
        assertThat(conflict.getShopHlc()).isEqualTo(olderThanHub);
        assertThat(conflict.getShopVersion().data()).contains("\"price_cents\": 280").doesNotContain(ChangeRow.LOST_AT_SHOP);
        assertThat(conflict.getHubVersion().data()).contains("\"price_cents\": 320");
    }
}
