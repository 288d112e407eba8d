package com.lightningpos.etl.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.replica.OutboundChange;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.testing.FlakyTransport;
import com.lightningpos.etl.sync.testing.InProcessHub;
import com.lightningpos.etl.sync.testing.MutableClock;
import com.lightningpos.etl.sync.testing.ShopFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncClientTest {

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    final String shopId = UUID.randomUUID().toString();
    ReplicaStore replicas;
    InProcessHub hub;
    FlakyTransport network;
    ShopFixture shop;
    SyncClient client;
    long hubSeq;

    @BeforeEach
    void setUp() {
        replicas = new ReplicaStore(dir.resolve("replicas"), clock);
        hub = new InProcessHub(replicas, clock);
        hub.provision(shopId, "s3cret");
        network = new FlakyTransport(hub);
        shop = new ShopFixture(dir, shopId, clock);
        client = clientWithSchema(1, 2);
    }

    @AfterEach
    void tearDown() {
        replicas.close();
    }

    SyncClient clientWithSchema(int version, int pushBatch) {
        return new SyncClient(shop.db, new HubApi(network, new ShopCredentials(shopId, "s3cret"), version, clock), clock,
                null, pushBatch, 2);
    }

    @Test
    void a_run_pushes_every_pending_sale_in_batches_and_marks_them_synced() {
        shop.sell(500);
        shop.sell(700);

        SyncOutcome outcome = client.run();

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.pushed()).isEqualTo(6);
        assertThat(shop.pending()).isZero();
        assertThat(replicaCount("sales_orders")).isEqualTo(2);
        assertThat(shop.count("SELECT cursor FROM sync_state WHERE stream = 'sales_up'")).isEqualTo(6);
        assertThat(shop.count("SELECT count(*) FROM sync_state WHERE last_synced_at IS NOT NULL AND last_error IS NULL")).isEqualTo(2);
    }

    @Test
    void dropped_push_responses_lose_nothing_and_duplicate_nothing() {
        for (int i = 0; i < 5; i++) {
            shop.sell(100 + i);
        }
        network.dropResponses(2, FlakyTransport.pushes());

        SyncOutcome first = client.run();
        SyncOutcome second = client.run();
        SyncOutcome third = client.run();

        assertThat(first.errorCode()).isEqualTo("hub_unreachable");
        assertThat(second.errorCode()).isEqualTo("hub_unreachable");
        assertThat(third.ok()).isTrue();
        assertThat(shop.pending()).isZero();
        assertThat(replicaCount("sales_orders")).isEqualTo(5);
        assertThat(replicaCount("replica_inbound_log")).as("each change exactly once").isEqualTo(15);
    }

    @Test
    void a_run_that_cannot_reach_the_hub_records_the_error_and_keeps_everything_pending() {
        shop.sell(500);
        network.offline(true);

        SyncOutcome outcome = client.run();

        assertThat(outcome.hubReachable()).isFalse();
        assertThat(shop.pending()).isEqualTo(3);
        assertThat(shop.count("SELECT count(*) FROM sync_state WHERE last_error = 'hub_unreachable'")).isEqualTo(2);
        network.offline(false);
        assertThat(client.run().ok()).isTrue();
        assertThat(shop.pending()).isZero();
    }

    @Test
    void dropped_pull_responses_replay_the_page_without_skipping_any_change() {
        deliverFromHub(5);
        network.dropResponses(1, FlakyTransport.pulls());

        client.run();
        SyncOutcome second = client.run();

        assertThat(second.ok()).isTrue();
        assertThat(shop.count("SELECT count(*) FROM items")).isEqualTo(5);
        assertThat(shop.count("SELECT cursor FROM sync_state WHERE stream = 'catalog_down'")).isEqualTo(5);
    }

    @Test
    void hub_changes_are_applied_without_entering_the_outbox_and_the_cursor_moves() {
        deliverFromHub(3);

        SyncOutcome outcome = client.run();

        assertThat(outcome.pulled()).isEqualTo(3);
        assertThat(shop.count("SELECT count(*) FROM items")).isEqualTo(3);
        assertThat(shop.count("SELECT count(*) FROM sync_changes")).isZero();
        assertThat(shop.count("SELECT cursor FROM sync_state WHERE stream = 'catalog_down'")).isEqualTo(3);
    }

    @Test
    void the_first_catalog_download_reports_its_progress() {
        deliverFromHub(5);
        List<long[]> progress = new ArrayList<>();

        client.run(new SyncListener() {
            @Override
            public void bootstrapProgress(long received, long total) {
                progress.add(new long[] {received, total});
            }
        });

        assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("2/5", "4/5", "5/5");
    }

    @Test
    void a_local_edit_newer_than_the_hub_version_is_kept_and_pushed() {
        String item = UUID.randomUUID().toString();
        ChangeRow older = hubItem(item, 100, new Hlc(clock.millis() - 60_000, 0, "hub").encode());
        shop.createItem(item, "Milk", 120);

        replicas.appendOutbound(shopId, List.of(new OutboundChange(++hubSeq, older)));
        client.run();

        assertThat(shop.price(item)).isEqualTo(120);
        assertThat(shop.count("SELECT count(*) FROM sync_changes WHERE sync_status = 'synced'")).isEqualTo(1);
        assertThat(((Number) replicas.dsl(shopId).fetchValue("SELECT price_cents FROM items WHERE id = ?", item)).longValue()).isEqualTo(120);
    }

    @Test
    void a_local_edit_older_than_the_hub_version_is_marked_conflict_the_hub_version_applied_and_the_lost_edit_still_sent() {
        String item = UUID.randomUUID().toString();
        shop.createItem(item, "Milk", 120);
        ChangeRow newer = hubItem(item, 150, new Hlc(clock.millis() + 60_000, 0, "hub").encode());

        replicas.appendOutbound(shopId, List.of(new OutboundChange(++hubSeq, newer)));
        client.run();

        assertThat(shop.price(item)).isEqualTo(150);
        assertThat(shop.count("SELECT count(*) FROM sync_changes WHERE sync_status = 'conflict'")).isEqualTo(1);
        assertThat(shop.pending()).isZero();
        // The hub must learn what was overwritten (its ETL records it in sync_conflicts).
        assertThat(((Number) replicas.dsl(shopId).fetchValue(
                "SELECT count(*) FROM replica_inbound_log WHERE table_name = 'items' AND record_id = ?", item)).longValue())
                .isEqualTo(1);
    }

    @Test
    void a_till_one_version_behind_still_uploads_but_waits_for_the_update_to_download() {
        hub.requiredVersion = 2;
        hub.minUploadVersion = 1;
        shop.sell(500);
        deliverFromHub(2);

        SyncOutcome outcome = client.run();

        assertThat(outcome.needsUpdate()).isTrue();
        assertThat(outcome.requiredSchemaVersion()).isEqualTo(2);
        assertThat(shop.pending()).isZero();
        assertThat(shop.count("SELECT count(*) FROM items")).isZero();
        assertThat(shop.count("SELECT required_schema_version FROM sync_state WHERE stream = 'catalog_down'")).isEqualTo(2);
        assertThat(shop.db.fetchValue("SELECT last_error FROM sync_state WHERE stream = 'catalog_down'")).isEqualTo(Codes.SCHEMA_UPDATE_REQUIRED);
    }

    @Test
    void when_the_hub_lost_rows_the_shop_sends_them_again_from_where_the_hub_asks() {
        shop.sell(500);
        shop.sell(600);
        client.run();
        replicas.release(shopId);
        replicas.close();
        deleteReplica();
        replicas = new ReplicaStore(dir.resolve("replicas"), clock);
        hub = new InProcessHub(replicas, clock);
        hub.provision(shopId, "s3cret");
        network = new FlakyTransport(hub);
        client = clientWithSchema(1, 2);
        shop.sell(700);

        SyncOutcome outcome = client.run();

        assertThat(outcome.ok()).isTrue();
        assertThat(replicaCount("sales_orders")).isEqualTo(3);
        assertThat(replicaCount("replica_inbound_log")).isEqualTo(9);
    }

    @Test
    void when_the_hub_lost_rows_and_nothing_new_is_pending_the_shop_still_sends_them_again() {
        shop.sell(500);
        shop.sell(600);
        client.run();
        replicas.release(shopId);
        replicas.close();
        deleteReplica();
        replicas = new ReplicaStore(dir.resolve("replicas"), clock);
        hub = new InProcessHub(replicas, clock);
        hub.provision(shopId, "s3cret");
        network = new FlakyTransport(hub);
        client = clientWithSchema(1, 2);

        SyncOutcome outcome = client.run();

        assertThat(outcome.ok()).isTrue();
        assertThat(replicaCount("sales_orders")).isEqualTo(2);
        assertThat(replicaCount("replica_inbound_log")).isEqualTo(6);
        assertThat(shop.count("SELECT cursor FROM sync_state WHERE stream = 'sales_up'")).isEqualTo(6);

        SyncOutcome again = client.run(); // the hub has everything again: nothing is sent
        assertThat(again.ok()).isTrue();
        assertThat(again.pushed()).isZero();
    }

    @Test
    void the_token_is_renewed_shortly_before_it_expires_and_not_on_every_call() {
        shop.sell(500);
        client.run();
        client.run();
        assertThat(hub.tokensIssued).hasValue(1);

        clock.advance(Duration.ofMinutes(14).plusSeconds(30));
        client.run();

        assertThat(hub.tokensIssued).hasValue(2);
    }

    @Test
    void after_a_full_sync_the_shop_and_its_replica_have_the_same_checksums() throws Exception {
        deliverFromHub(2);
        shop.sell(500);
        shop.createItem(UUID.randomUUID().toString(), "Local", 99);
        client.run();

        assertThat(client.consistencyDifferences()).isEmpty();
    }

    @Test
    void another_shops_sales_are_never_applied_even_if_sent() {
        Map<String, Object> foreign = new HashMap<>();
        String id = UUID.randomUUID().toString();
        foreign.put("id", id);
        foreign.put("shop_id", UUID.randomUUID().toString());
        foreign.put("status", "open");
        foreign.put("opened_at", "2026-01-01T00:00:00Z");
        foreign.put("opening_float_cents", 0);
        replicas.appendOutbound(shopId, List.of(new OutboundChange(++hubSeq,
                new ChangeRow(0, "cash_sessions", id, ChangeOp.INSERT, foreign, null, null))));

        client.run();

        assertThat(shop.count("SELECT count(*) FROM cash_sessions")).isZero();
    }

    void deliverFromHub(int n) {
        List<OutboundChange> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            changes.add(new OutboundChange(++hubSeq, hubItem(UUID.randomUUID().toString(), 100 + i,
                    new Hlc(clock.millis(), i, "hub").encode())));
        }
        replicas.appendOutbound(shopId, changes);
    }

    ChangeRow hubItem(String id, long cents, String hlc) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", id);
        payload.put("sku", "S-" + id.substring(0, 6));
        payload.put("name", "Item " + cents);
        payload.put("price_cents", cents);
        payload.put("active", 1);
        payload.put("last_modified_at", hlc);
        payload.put("version", 1);
        payload.put("deleted", 0);
        return new ChangeRow(0, "items", id, ChangeOp.UPDATE, payload, hlc, null);
    }

    void deleteReplica() {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                java.nio.file.Files.deleteIfExists(dir.resolve("replicas").resolve(shopId + ".db" + suffix));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long replicaCount(String table) {
        return ((Number) replicas.dsl(shopId).fetchValue("SELECT count(*) FROM " + table)).longValue();
    }

}
