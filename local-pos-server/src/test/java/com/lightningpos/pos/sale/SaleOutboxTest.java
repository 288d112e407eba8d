package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.SALES_ORDERS;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.db.shop.tables.records.SyncChangesRecord;
import com.lightningpos.pos.PosServerTest;
import com.lightningpos.pos.catalog.Item;
import java.util.List;
import org.jooq.Result;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** A sale and its outbox rows commit in one transaction, or neither does. */
class SaleOutboxTest extends PosServerTest {

    @Test
    void a_sale_writes_its_outbox_rows_in_the_same_transaction_with_shop_id_and_status_pending() throws Exception {
        Item milk = item("Milk", 119, taxRate(550, false));
        Item eggs = item("Eggs", 249, taxRate(550, false));
        long lastSeq = lastSeq();

        JsonNode order = sell(order(newId(), List.of(line(milk, 1), line(eggs, 2)),
                List.of(pay("card", 500), pay("cash", 200))));

        Result<SyncChangesRecord> outbox = dsl.selectFrom(SYNC_CHANGES).where(SYNC_CHANGES.SEQ.gt(lastSeq))
                .orderBy(SYNC_CHANGES.SEQ).fetch();
        assertThat(outbox).extracting(SyncChangesRecord::getTableName).containsExactlyInAnyOrder(
                "sales_orders", "sales_order_items", "sales_order_items", "sales_order_payments",
                "sales_order_payments", "stock_movements", "stock_movements");
        assertThat(outbox).allSatisfy(row -> {
            assertThat(row.getShopId()).isEqualTo(shopId());
            assertThat(row.getSyncStatus()).isEqualTo("pending");
            assertThat(row.getOp()).isEqualTo("INSERT");
        });
        // One HLC stamps the whole transaction.
        assertThat(outbox).extracting(SyncChangesRecord::getHlc).doesNotContainNull().containsOnly(outbox.get(0).getHlc());
        assertThat(outbox).filteredOn(r -> r.getTableName().equals("sales_orders"))
                .singleElement().extracting(SyncChangesRecord::getRecordId).isEqualTo(order.get("id").asText());
    }

    @Test
    void a_failure_after_the_order_row_is_written_leaves_no_order_no_outbox_row_and_no_receipt_number_used()
            throws Exception {
        Item milk = item("Milk", 119, null);
        String doomed = newId();
        Footprint before = footprint();
        // A real failure inside the sale transaction, after the order and its lines are inserted: the
        // database itself refuses the payment row. (Plain SQL because jOOQ OSS cannot create triggers.)
        dsl.execute("CREATE TRIGGER test_refuse_payment BEFORE INSERT ON sales_order_payments "
                + "WHEN NEW.order_id = '" + doomed + "' BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
        MvcResult result;
        try {
            result = postJson("/api/orders", order(doomed, List.of(line(milk, 1)), List.of(pay("card", 119))));
        } finally {
            dsl.execute("DROP TRIGGER test_refuse_payment");
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(500);
        assertThat(body(result).get("code").asText()).isEqualTo("internal_error");
        assertThat(dsl.fetchExists(SALES_ORDERS, SALES_ORDERS.ID.eq(doomed))).isFalse();
        assertThat(dsl.fetchExists(SYNC_CHANGES, SYNC_CHANGES.RECORD_ID.eq(doomed))).isFalse();
        assertThat(footprint()).isEqualTo(before);

        JsonNode next = sell(order(newId(), List.of(line(milk, 1)), List.of(pay("card", 119))));
        assertThat(next.get("receiptNo").asLong()).isEqualTo(before.receiptCounter() + 1);
    }

    private long lastSeq() {
        Long seq = dsl.select(max(SYNC_CHANGES.SEQ)).from(SYNC_CHANGES).fetchOne().value1();
        return seq == null ? 0 : seq;
    }
}
