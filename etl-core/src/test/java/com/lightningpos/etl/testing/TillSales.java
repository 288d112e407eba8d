package com.lightningpos.etl.testing;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.sync.PushRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongUnaryOperator;

/**
 * A shop's sales as a till's capture triggers write them: the full row of each table as payload, in
 * insert order, seq gap-free from 1, one HLC per sale. Shared by the replica fixture, the in-process
 * push benchmark and the e2e scale benchmark (through etl-core's test-jar), so all three send the same rows.
 */
public final class TillSales {

    private TillSales() {
    }

    /**
     * A completed sale with one line and one cash payment, in the till's column form, by table name in
     * insert order (order, line, payment).
     */
    public static Map<String, Map<String, Object>> sale(String shopId, long receiptNo, long totalCents, String createdAt) {
        String order = UUID.randomUUID().toString();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", order);
        o.put("shop_id", shopId);
        o.put("receipt_no", receiptNo);
        o.put("kind", "sale");
        o.put("status", "completed");
        o.put("refund_of", null);
        o.put("cash_session_id", null);
        o.put("cashier", "anna");
        o.put("subtotal_cents", totalCents);
        o.put("discount_cents", 0);
        o.put("tax_cents", 0);
        o.put("total_cents", totalCents);
        o.put("rounding_cents", 0);
        o.put("paid_cents", totalCents);
        o.put("change_cents", 0);
        o.put("note", null);
        o.put("created_at", createdAt);
        o.put("voided_at", null);
        o.put("void_reason", null);
        rows.put("sales_orders", o);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", UUID.randomUUID().toString());
        line.put("shop_id", shopId);
        line.put("order_id", order);
        line.put("line_no", 1);
        line.put("item_id", UUID.randomUUID().toString());
        line.put("sku", "SKU-1");
        line.put("barcode", null);
        line.put("name", "Coffee");
        line.put("unit_price_cents", totalCents);
        line.put("quantity_milli", 1000);
        line.put("tax_rate_id", null);
        line.put("tax_rate_bp", 0);
        line.put("tax_inclusive", 1);
        line.put("price_overridden", 0);
        line.put("discount_cents", 0);
        line.put("subtotal_cents", totalCents);
        line.put("tax_cents", 0);
        line.put("total_cents", totalCents);
        line.put("refunded_line_id", null);
        rows.put("sales_order_items", line);
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("id", UUID.randomUUID().toString());
        payment.put("shop_id", shopId);
        payment.put("order_id", order);
        payment.put("method", "cash");
        payment.put("amount_cents", totalCents);
        payment.put("tendered_cents", totalCents);
        payment.put("change_cents", 0);
        payment.put("created_at", createdAt);
        rows.put("sales_order_payments", payment);
        return rows;
    }

    /**
     * The shop's outbox holding sales 1..{@code sales} (receipt n totals {@code totalCents(n)}), 3 rows a
     * sale, seq gap-free from 1, each sale stamped with an HLC from {@code clock}.
     */
    public static List<ChangeRow> outbox(String shopId, int sales, LongUnaryOperator totalCents, Clock clock) {
        List<ChangeRow> outbox = new ArrayList<>(3 * sales);
        long seq = 0;
        for (int n = 1; n <= sales; n++) {
            String hlc = new Hlc(clock.millis(), 0, shopId).encode();
            for (Map.Entry<String, Map<String, Object>> row
                    : sale(shopId, n, totalCents.applyAsLong(n), clock.instant().toString()).entrySet()) {
                outbox.add(new ChangeRow(++seq, row.getKey(), (String) row.getValue().get("id"), ChangeOp.INSERT,
                        row.getValue(), hlc, shopId));
            }
        }
        return outbox;
    }

    /** The outbox cut into push batches of at most {@code batchRows} rows, in seq order. */
    public static List<PushRequest> batches(String shopId, List<ChangeRow> outbox, int batchRows) {
        List<PushRequest> batches = new ArrayList<>();
        for (int from = 0; from < outbox.size(); from += batchRows) {
            List<ChangeRow> part = outbox.subList(from, Math.min(outbox.size(), from + batchRows));
            batches.add(new PushRequest(shopId, part.get(0).seq(), part.get(part.size() - 1).seq(), part));
        }
        return batches;
    }
}
