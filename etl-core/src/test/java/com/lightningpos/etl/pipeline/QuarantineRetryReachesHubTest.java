package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.hub.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.client.LocalSyncState;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.testing.ShopFixture;
import com.lightningpos.etl.testing.HubTestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row that support retries from quarantine reaches PostgreSQL, though the ETL cursor passed its seq long ago. */
class QuarantineRetryReachesHubTest {

    @TempDir
    Path dir;

    @Test
    void a_retried_quarantined_row_is_loaded_by_the_next_etl_run() {
        UUID shopId = UUID.randomUUID();
        try (HikariDataSource hubDs = HubTestDatabase.freshDatabase();
             ReplicaStore replicas = new ReplicaStore(dir.resolve("replicas"), Clock.systemUTC())) {
            DSLContext hub = HubTestDatabase.dsl(hubDs);
            hub.insertInto(SHOPS).set(SHOPS.ID, shopId).set(SHOPS.NAME, "Shop").set(SHOPS.ENROLLED_AT, OffsetDateTime.now()).execute();
            ShopFixture shop = new ShopFixture(dir, shopId.toString(), Clock.systemUTC());
            shop.sell(500);
            String laterOrder = shop.sell(700);
            List<ChangeRow> outbox = new LocalSyncState(shop.db).outboxAfter(0, 100);
            List<ChangeRow> first = new ArrayList<>(outbox.subList(0, 3));
            List<ChangeRow> second = outbox.subList(3, 6);
            // The first sale's line points at an order the replica does not have yet: it is quarantined.
            ChangeRow line = first.get(1);
            Map<String, Object> tampered = new HashMap<>(line.payload());
            tampered.put("order_id", laterOrder);
            tampered.put("line_no", 2);
            first.set(1, new ChangeRow(line.seq(), line.table(), line.recordId(), line.op(), tampered, line.hlc(), line.shopId()));

            replicas.applyPush(shopId.toString(), new PushRequest(shopId.toString(), 1, 3, first));
            replicas.applyPush(shopId.toString(), new PushRequest(shopId.toString(), 4, 6, second));
            EtlJobRunner etl = new EtlJobRunner(hub, new Extractor(replicas::dataSource),
                    new Loader(new HubCatalog(new HybridLogicalClock(Clock.systemUTC(), "hub"))),
                    new Propagator(replicas::dataSource, Clock.systemUTC(), 100), Clock.systemUTC(), 100, "test");
            etl.run(shopId);
            assertThat(hub.fetchCount(SALES_ORDER_ITEMS)).isEqualTo(1);

            long quarantined = replicas.quarantine(shopId.toString(), true).get(0).id();
            assertThat(replicas.retryQuarantined(shopId.toString(), quarantined, "support").result())
                    .isEqualTo(com.lightningpos.etl.sync.replica.RetryOutcome.Result.APPLIED);
            etl.run(shopId);

            assertThat(hub.fetchCount(SALES_ORDER_ITEMS)).isEqualTo(2);
            assertThat(hub.fetchCount(SALES_ORDER_ITEMS, SALES_ORDER_ITEMS.ID.eq(UUID.fromString(line.recordId())))).isEqualTo(1);
        }
    }
}
