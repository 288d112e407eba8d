package com.lightningpos.etl.sync.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.sync.PullResponse;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.client.LocalSyncState;
import com.lightningpos.etl.sync.testing.MutableClock;
import com.lightningpos.etl.sync.testing.ShopFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaStoreTest {

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    final String shopId = UUID.randomUUID().toString();
    ReplicaStore replicas;
    ShopFixture shop;

    @BeforeEach
    void open() {
        replicas = new ReplicaStore(dir.resolve("replicas"), clock);
        shop = new ShopFixture(dir, shopId, clock);
    }

    @AfterEach
    void close() {
        replicas.close();
    }

    @Test
    void the_same_batch_pushed_twice_is_applied_once() {
        shop.sell(500);
        shop.sell(700);
        PushRequest batch = batch(1, outbox());

        PushResponse first = accepted(replicas.applyPush(shopId, batch));
        PushResponse second = accepted(replicas.applyPush(shopId, batch));

        assertThat(first.applied()).isEqualTo(6);
        assertThat(second.applied()).isZero();
        assertThat(second.skipped()).isEqualTo(6);
        assertThat(second.ackedSeq()).isEqualTo(first.ackedSeq()).isEqualTo(6);
        assertThat(replicaCount("sales_orders")).isEqualTo(2);
        assertThat(replicaCount("replica_inbound_log")).isEqualTo(6);
    }

    @Test
    void overlapping_batches_apply_only_the_rows_not_seen_before() {
        shop.sell(500);
        shop.sell(700);
        shop.sell(900);
        List<ChangeRow> rows = outbox();
        accepted(replicas.applyPush(shopId, batch(1, rows.subList(0, 5))));

        PushResponse overlap = accepted(replicas.applyPush(shopId, batch(3, rows.subList(2, 9))));

        assertThat(overlap.skipped()).isEqualTo(3);
        assertThat(overlap.applied()).isEqualTo(4);
        assertThat(overlap.ackedSeq()).isEqualTo(9);
        assertThat(replicaCount("sales_orders")).isEqualTo(3);
        assertThat(replicaCount("replica_inbound_log")).isEqualTo(9);
    }

    @Test
    void a_batch_that_starts_after_a_gap_is_refused_with_where_to_resume_and_changes_nothing() {
        shop.sell(500);
        shop.sell(700);
        List<ChangeRow> rows = outbox();
        accepted(replicas.applyPush(shopId, batch(1, rows.subList(0, 2))));

        PushResult result = replicas.applyPush(shopId, batch(5, rows.subList(4, 6)));

        assertThat(result).isEqualTo(new PushResult.Gap(3, 2));
        assertThat(replicas.highWaterSeq(shopId)).isEqualTo(2);
        assertThat(replicaCount("replica_inbound_log")).isEqualTo(2);
    }

    @Test
    void a_crash_in_the_middle_of_a_batch_leaves_the_replica_unchanged() {
        shop.sell(500);
        shop.sell(700);
        List<ChangeRow> rows = outbox();
        RowApplier crashesOnFourthRow = new RowApplier() {
            int calls;

            @Override
            public void apply(DSLContext tx, ChangeRow row) {
                if (++calls == 4) {
                    throw new IllegalStateException("disk unplugged (simulated)");
                }
                super.apply(tx, row);
            }
        };
        try (ReplicaStore crashing = new ReplicaStore(dir.resolve("replicas"), clock, BatchValidator.defaults(clock), crashesOnFourthRow)) {
            assertThatThrownBy(() -> crashing.applyPush(shopId, batch(1, rows))).hasMessageContaining("disk unplugged");
            crashing.release(shopId);
        }

        assertThat(replicas.highWaterSeq(shopId)).isZero();
        assertThat(replicaCount("sales_orders")).isZero();
        assertThat(replicaCount("replica_inbound_log")).isZero();
        assertThat(replicaCount("replica_quarantine")).isZero();
        assertThat(accepted(replicas.applyPush(shopId, batch(1, rows))).applied()).as("the retried batch applies in full").isEqualTo(6);
    }

    @Test
    void a_poison_row_is_quarantined_with_its_reason_and_the_rows_after_it_are_applied() {
        shop.sell(500);
        List<ChangeRow> rows = new ArrayList<>(outbox());
        ChangeRow line = rows.get(1);
        Map<String, Object> orphan = new HashMap<>(line.payload());
        orphan.put("order_id", UUID.randomUUID().toString()); // references an order that does not exist
        rows.set(1, new ChangeRow(line.seq(), line.table(), line.recordId(), line.op(), orphan, line.hlc(), line.shopId()));

        PushResponse response = accepted(replicas.applyPush(shopId, batch(1, rows)));

        assertThat(response.quarantined()).containsExactly(2L);
        assertThat(response.applied()).isEqualTo(2);
        assertThat(response.ackedSeq()).isEqualTo(3);
        assertThat(replicaCount("sales_order_payments")).as("the row after the poison row").isEqualTo(1);
        assertThat(replicas.quarantine(shopId, true)).singleElement().satisfies(q -> {
            assertThat(q.shopSeq()).isEqualTo(2);
            assertThat(q.reason()).containsIgnoringCase("foreign key");
        });
        assertThat(replicaCount("replica_inbound_log")).as("only applied rows reach the ETL").isEqualTo(2);
    }

    @Test
    void a_quarantined_row_applies_on_retry_once_its_cause_is_fixed() {
        String orderId = UUID.randomUUID().toString();
        List<ChangeRow> rows = List.of(new ChangeRow(1, "sales_order_payments", UUID.randomUUID().toString(), ChangeOp.INSERT,
                payment(orderId), null, shopId));
        accepted(replicas.applyPush(shopId, batch(1, rows)));
        long id = replicas.quarantine(shopId, true).get(0).id();
        replicas.dsl(shopId).execute("INSERT INTO sales_orders (id, shop_id, receipt_no, status, subtotal_cents, tax_cents, total_cents, paid_cents, created_at)"
                + " VALUES (?, ?, 1, 'completed', 100, 0, 100, 100, '2026-01-01T00:00:00Z')", orderId, shopId);

        RetryOutcome outcome = replicas.retryQuarantined(shopId, id, "support");

        assertThat(outcome.result()).isEqualTo(RetryOutcome.Result.APPLIED);
        assertThat(replicaCount("sales_order_payments")).isEqualTo(1);
        assertThat(replicas.quarantine(shopId, true)).isEmpty();
        assertThat(replicas.quarantine(shopId, false)).singleElement().extracting(QuarantinedRow::status).isEqualTo("retried");
    }

    @Test
    void a_discarded_row_is_settled_without_being_applied() {
        List<ChangeRow> rows = List.of(new ChangeRow(1, "sales_order_payments", UUID.randomUUID().toString(), ChangeOp.INSERT,
                payment(UUID.randomUUID().toString()), null, shopId));
        accepted(replicas.applyPush(shopId, batch(1, rows)));
        long id = replicas.quarantine(shopId, true).get(0).id();

        assertThat(replicas.discardQuarantined(shopId, id, "support", "test sale")).isTrue();
        assertThat(replicas.discardQuarantined(shopId, id, "support", "again")).isFalse();
        assertThat(replicaCount("sales_order_payments")).isZero();
    }

    @Test
    void a_row_of_another_shop_refuses_the_whole_batch() {
        shop.sell(500);
        List<ChangeRow> rows = new ArrayList<>(outbox());
        ChangeRow last = rows.get(2);
        Map<String, Object> foreign = new HashMap<>(last.payload());
        foreign.put("shop_id", UUID.randomUUID().toString());
        rows.set(2, new ChangeRow(last.seq(), last.table(), last.recordId(), last.op(), foreign, last.hlc(), null));

        assertThatThrownBy(() -> replicas.applyPush(shopId, batch(1, rows)))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(Codes.SHOP_MISMATCH);
                    assertThat(e.kind()).isEqualTo(BatchRejectedException.Kind.FORBIDDEN);
                });
        assertThat(replicaCount("sales_orders")).isZero();
        assertThat(replicas.highWaterSeq(shopId)).isZero();
    }

    @Test
    void sales_from_a_till_whose_clock_is_hours_fast_are_accepted() {
        shop.sell(500);
        String future = new Hlc(clock.millis() + Duration.ofHours(2).toMillis(), 0, shopId).encode();
        List<ChangeRow> fast = outbox().stream()
                .map(r -> new ChangeRow(r.seq(), r.table(), r.recordId(), r.op(), r.payload(), future, r.shopId())).toList();

        replicas.applyPush(shopId, batch(1, fast));

        assertThat(replicaCount("sales_orders")).as("shop-owned rows never take part in catalog conflicts").isEqualTo(1);
    }

    @Test
    void only_catalog_rows_can_be_lost_at_the_shop_so_a_marked_sale_is_still_applied_as_postgresql_will_load_it() {
        shop.sell(500);
        List<ChangeRow> marked = outbox().stream().map(r -> {
            var payload = new java.util.LinkedHashMap<>(r.payload());
            payload.put(ChangeRow.LOST_AT_SHOP, true); // never sent for sales by a sound till
            return new ChangeRow(r.seq(), r.table(), r.recordId(), r.op(), payload, r.hlc(), r.shopId());
        }).toList();

        replicas.applyPush(shopId, batch(1, marked));

        assertThat(replicaCount("sales_orders")).as("the ETL loads shop-owned rows whatever the mark: the replica must hold them too")
                .isEqualTo(1);
    }

    @Test
    void unknown_tables_unknown_ops_oversize_batches_and_future_timestamps_are_refused() {
        shop.sell(500);
        ChangeRow row = outbox().get(0);
        String future = new Hlc(clock.millis() + Duration.ofHours(2).toMillis(), 0, shopId).encode();

        assertThat(rejection(List.of(new ChangeRow(1, "console_users", row.recordId(), ChangeOp.INSERT, row.payload(), null, shopId))))
                .isEqualTo(Codes.UNKNOWN_TABLE);
        assertThat(rejection(List.of(new ChangeRow(1, row.table(), row.recordId(), null, row.payload(), null, shopId))))
                .isEqualTo(Codes.BAD_OP);
        String itemId = UUID.randomUUID().toString();
        shop.createItem(itemId, "Milk", 120);
        ChangeRow item = outbox().stream().filter(r -> r.table().equals("items")).findFirst().orElseThrow();
        Map<String, Object> futureItem = new HashMap<>(item.payload());
        futureItem.put("last_modified_at", future);
        assertThat(rejection(List.of(new ChangeRow(1, "items", itemId, item.op(), futureItem, future, shopId))))
                .as("a catalog edit from the future would win every conflict").isEqualTo(Codes.HLC_TOO_FAR_AHEAD);
        try (ReplicaStore small = new ReplicaStore(dir.resolve("replicas"), clock, new BatchValidator(clock, Duration.ofHours(1), 2), new RowApplier())) {
            assertThatThrownBy(() -> small.applyPush(shopId, batch(1, outbox())))
                    .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.code()).isEqualTo(Codes.BATCH_TOO_LARGE));
            small.release(shopId);
        }
        assertThat(replicaCount("sales_orders")).isZero();
    }

    @Test
    void inserts_updates_and_deletes_of_one_batch_end_as_at_the_shop_and_reach_the_etl_in_shop_order() {
        String milk = UUID.randomUUID().toString();
        String tea = UUID.randomUUID().toString();
        shop.createItem(milk, "Milk", 120);
        shop.createItem(tea, "Tea", 90);
        shop.sell(500);
        shop.setPrice(milk, 130);
        shop.db.execute("DELETE FROM items WHERE id = ?", tea);
        shop.sell(250);
        List<ChangeRow> rows = outbox();

        PushResponse response = accepted(replicas.applyPush(shopId, batch(1, rows)));

        assertThat(response.applied()).isEqualTo(rows.size());
        assertThat(response.quarantined()).isEmpty();
        assertThat(replicas.consistency(shopId).differencesFrom(TableChecksum.report(shop.db, rows.size()))).isEmpty();
        assertThat(replicas.dsl(shopId).fetch("SELECT id FROM items").getValues(0, String.class)).containsExactly(milk);
        assertThat(replicas.dsl(shopId).fetchValue("SELECT price_cents FROM items WHERE id = ?", milk))
                .isInstanceOfSatisfying(Number.class, price -> assertThat(price.longValue()).isEqualTo(130));
        assertThat(replicas.dsl(shopId).fetch("SELECT seq FROM replica_inbound_log ORDER BY etl_seq").getValues(0, Long.class))
                .containsExactlyElementsOf(rows.stream().map(ChangeRow::seq).toList());
    }

    @Test
    void a_batch_with_a_poison_row_keeps_the_rows_before_it_and_the_etl_order_has_no_hole() {
        shop.sell(500);
        shop.sell(600);
        List<ChangeRow> rows = new ArrayList<>(outbox());
        ChangeRow line = rows.get(4);
        Map<String, Object> orphan = new HashMap<>(line.payload());
        orphan.put("order_id", UUID.randomUUID().toString());
        rows.set(4, new ChangeRow(line.seq(), line.table(), line.recordId(), line.op(), orphan, line.hlc(), line.shopId()));

        PushResponse response = accepted(replicas.applyPush(shopId, batch(1, rows)));

        assertThat(response.quarantined()).containsExactly(5L);
        assertThat(response.applied()).isEqualTo(5);
        assertThat(replicaCount("sales_orders")).isEqualTo(2);
        assertThat(replicas.dsl(shopId).fetch("SELECT etl_seq FROM replica_inbound_log ORDER BY seq").getValues(0, Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void rows_applied_to_a_replica_never_enter_its_own_outbox() {
        shop.sell(500);
        accepted(replicas.applyPush(shopId, batch(1, outbox())));
        assertThat(replicaCount("sync_changes")).isZero();
    }

    @Test
    void a_replica_has_the_same_checksums_as_the_shop_it_copies() {
        shop.sell(500);
        shop.sell(250);
        shop.createItem(UUID.randomUUID().toString(), "Milk", 120);
        accepted(replicas.applyPush(shopId, batch(1, outbox())));

        assertThat(replicas.consistency(shopId).differencesFrom(TableChecksum.report(shop.db, 7))).isEmpty();

        shop.sell(300);
        assertThat(replicas.consistency(shopId).differencesFrom(TableChecksum.report(shop.db, 7)))
                .containsExactlyInAnyOrder("sales_orders", "sales_order_items", "sales_order_payments");
    }

    @Test
    void hub_changes_appended_for_a_shop_are_pulled_in_pages_and_redelivery_is_harmless() {
        List<OutboundChange> changes = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            changes.add(new OutboundChange(100 + i, hubItem(UUID.randomUUID().toString(), "Item " + i)));
        }
        assertThat(replicas.appendOutbound(shopId, changes)).isEqualTo(5);
        assertThat(replicas.appendOutbound(shopId, changes)).isZero();

        PullResponse first = replicas.pull(shopId, 0, 3);
        PullResponse second = replicas.pull(shopId, first.nextCursor(), 3);

        assertThat(first.rows()).hasSize(3);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(second.rows()).hasSize(2);
        assertThat(second.hasMore()).isFalse();
        assertThat(replicas.pull(shopId, second.nextCursor(), 3).rows()).isEmpty();
        assertThat(replicaCount("items")).as("the replica holds what the shop will hold").isEqualTo(5);
        assertThat(replicaCount("sync_changes")).isZero();
    }

    @Test
    void a_snapshot_is_a_complete_copy_of_the_replica() throws Exception {
        shop.sell(500);
        accepted(replicas.applyPush(shopId, batch(1, outbox())));

        Path snapshot = replicas.snapshot(shopId);

        assertThat(Files.size(snapshot)).isPositive();
        var copy = org.jooq.impl.DSL.using("jdbc:sqlite:" + snapshot);
        assertThat(copy.fetchValue("SELECT count(*) FROM sales_order_items")).isEqualTo(1);
        assertThat(copy.fetchValue("SELECT high_water_seq FROM replica_state")).isEqualTo(3);
        Files.delete(snapshot);
    }

    @Test
    void shop_ids_that_are_not_uuids_never_name_a_file() {
        assertThatThrownBy(() -> replicas.file("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    ChangeRow hubItem(String id, String name) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", id);
        payload.put("sku", "S-" + name);
        payload.put("name", name);
        payload.put("price_cents", 100);
        payload.put("last_modified_at", new Hlc(clock.millis(), 0, "hub").encode());
        payload.put("version", 1);
        payload.put("deleted", 0);
        return new ChangeRow(0, "items", id, ChangeOp.INSERT, payload, (String) payload.get("last_modified_at"), null);
    }

    Map<String, Object> payment(String orderId) {
        Map<String, Object> p = new HashMap<>();
        p.put("shop_id", shopId);
        p.put("order_id", orderId);
        p.put("method", "cash");
        p.put("amount_cents", 100);
        p.put("tendered_cents", 100);
        p.put("change_cents", 0);
        p.put("created_at", "2026-01-01T00:00:00Z");
        return p;
    }

    String rejection(List<ChangeRow> rows) {
        try {
            replicas.applyPush(shopId, batch(1, rows));
            return "accepted";
        } catch (BatchRejectedException e) {
            return e.code();
        }
    }

    List<ChangeRow> outbox() {
        return new LocalSyncState(shop.db).outboxAfter(0, 1000);
    }

    PushRequest batch(long firstSeq, List<ChangeRow> rows) {
        return new PushRequest(shopId, firstSeq, rows.get(rows.size() - 1).seq(), rows);
    }

    static PushResponse accepted(PushResult result) {
        assertThat(result).isInstanceOf(PushResult.Accepted.class);
        return ((PushResult.Accepted) result).response();
    }

    long replicaCount(String table) {
        return ((Number) replicas.dsl(shopId).fetchValue("SELECT count(*) FROM " + table)).longValue();
    }
}
