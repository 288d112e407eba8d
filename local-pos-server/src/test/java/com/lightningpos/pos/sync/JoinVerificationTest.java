package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.testing.InProcessHub;
import com.lightningpos.etl.sync.testing.MutableClock;
import com.lightningpos.etl.sync.testing.ShopFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A join is verified only on a comparison that covers every history table. */
class JoinVerificationTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path replicaDir;

    @Test
    void a_comparison_that_leaves_history_tables_out_does_not_verify_the_join() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
        ShopFixture till = new ShopFixture(dataDir, UUID.randomUUID().toString(), clock);
        till.sell(100);
        String shopId = UUID.randomUUID().toString();
        InProcessHub hub = new InProcessHub(new ReplicaStore(replicaDir, clock), clock);
        hub.provisionCode("VERIFY-CODE-0001", shopId, "Corner shop", "issued-secret");
        // A hub whose comparison lists no table at all (an older or confused hub), saying "consistent".
        SyncTransport transport = request -> request.path().endsWith("/consistency")
                ? new TransportResponse(200, Map.of("content-type", "application/json"),
                        SyncJson.write(new ConsistencyComparison(shopId, Instant.now(), true, List.of())))
                : hub.exchange(request);
        EnrolResponse enrolled = HubApi.enrol(transport, "VERIFY-CODE-0001", SchemaKind.SHOP.latestVersion());
        HubApi api = new HubApi(transport, new StoredCredentials(enrolled.shopId(), enrolled.secret(), "http://hub", "Corner shop",
                clock.instant().toString()).credentials(), SchemaKind.SHOP.latestVersion(), clock);

        List<String> unverified = JoinVerification.unverifiedHistoryTables(till.db, api, null);

        assertThat(unverified).as("nothing was compared, so nothing is shown equal")
                .containsExactlyInAnyOrderElementsOf(SyncedTable.shopOwned().stream().map(t -> t.tableName() + " (not compared)").toList());
    }
}
