package com.lightningpos.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.HubFixtures;
import com.lightningpos.hub.HubTestBase;
import com.lightningpos.hub.dashboard.ReplicaConsistencyProvider;
import com.lightningpos.hub.quarantine.QuarantineProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's quarantine and consistency views are backed by the real replicas. */
class ReplicaProvidersTest extends HubTestBase {

    @Autowired
    ReplicaStore replicas;
    @Autowired
    QuarantineProvider quarantine;
    @Autowired
    ReplicaConsistencyProvider consistency;
    @Autowired
    HubFixtures fixtures;

    @Test
    void a_quarantined_row_is_listed_and_can_be_discarded_and_the_replica_ahead_of_the_hub_is_reported() {
        UUID shop = fixtures.shop(HubFixtures.unique("Quarantine shop"));
        String order = UUID.randomUUID().toString();
        List<ChangeRow> rows = List.of(
                row(1, "sales_orders", order, Map.of("receipt_no", 1, "status", "completed", "subtotal_cents", 500,
                        "tax_cents", 0, "total_cents", 500, "paid_cents", 500, "created_at", "2026-01-01T10:00:00Z"), shop),
                row(2, "sales_order_payments", UUID.randomUUID().toString(), Map.of("order_id", UUID.randomUUID().toString(),
                        "method", "cash", "amount_cents", 500, "tendered_cents", 500, "created_at", "2026-01-01T10:00:00Z"), shop));
        replicas.applyPush(shop.toString(), new PushRequest(shop.toString(), 1, 2, rows));

        var open = quarantine.open(shop, 0, 10);
        assertThat(open).singleElement().satisfies(q -> {
            assertThat(q.table()).isEqualTo("sales_order_payments");
            assertThat(q.reason()).containsIgnoringCase("foreign key");
        });
        assertThat(quarantine.countOpen(shop)).isEqualTo(1);
        assertThat(quarantine.retry(open.get(0).id()).applied()).as("the order it names still does not exist").isFalse();

        quarantine.discard(open.get(0).id(), "test data", "support");
        assertThat(quarantine.countOpen(shop)).isZero();

        var check = consistency.check(shop);
        assertThat(check.consistent()).as("the ETL is off in these tests, so the hub lacks the order").isFalse();
        assertThat(check.differences()).anySatisfy(d -> assertThat(d).startsWith("sales_orders: replica 1 rows, hub 0"));
        assertThat(check.summary()).contains("waiting for the ETL");
    }

    private static ChangeRow row(long seq, String table, String id, Map<String, Object> values, UUID shop) {
        Map<String, Object> payload = new LinkedHashMap<>(values);
        payload.put("id", id);
        payload.put("shop_id", shop.toString());
        return new ChangeRow(seq, table, id, ChangeOp.INSERT, payload, null, shop.toString());
    }
}
