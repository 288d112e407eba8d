package com.lightningpos.etl.testing;

import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_OUTBOUND_LOG;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.pipeline.ReplicaOpener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Real replica files in a temporary directory, with an inbound log filled as if shops had pushed,
 * and builders for the rows a till writes.
 */
public final class ReplicaFixture implements ReplicaOpener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<UUID, DataSource> open = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicLong> seqs = new ConcurrentHashMap<>();

    public ReplicaFixture(Path dir) {
        this.dir = dir;
    }

    @Override
    public DataSource replica(UUID shopId) {
        return open.computeIfAbsent(shopId, id -> SqliteDatabases.openShopSchema(dir.resolve(id + ".db")));
    }

    public DSLContext dsl(UUID shopId) {
        return DSL.using(replica(shopId), SQLDialect.SQLITE);
    }

    /** Appends changes to the shop's inbound log, as an applied push would. Returns the last seq. */
    public long pushed(UUID shopId, String table, String op, Map<String, Object> row) {
        return pushed(dsl(shopId), shopId, table, op, row);
    }

    /** Many sales in one replica transaction (fast set-up for benchmarks and soak runs). */
    public void pushedSales(UUID shopId, int count) {
        dsl(shopId).transaction(cfg -> {
            for (int i = 1; i <= count; i++) {
                pushedSale(cfg.dsl(), shopId, i, 100 + i % 900);
            }
        });
    }

    private long pushed(DSLContext db, UUID shopId, String table, String op, Map<String, Object> row) {
        long seq = seqs.computeIfAbsent(shopId, id -> new AtomicLong()).incrementAndGet();
        try {
            db.insertInto(REPLICA_INBOUND_LOG)
                    .set(REPLICA_INBOUND_LOG.SEQ, seq)
                    .set(REPLICA_INBOUND_LOG.ETL_SEQ, seq)
                    .set(REPLICA_INBOUND_LOG.TABLE_NAME, table)
                    .set(REPLICA_INBOUND_LOG.RECORD_ID, row.get("id").toString())
                    .set(REPLICA_INBOUND_LOG.OP, op)
                    .set(REPLICA_INBOUND_LOG.PAYLOAD, JSON.writeValueAsString(row))
                    .set(REPLICA_INBOUND_LOG.HLC, (String) row.get("last_modified_at"))
                    .set(REPLICA_INBOUND_LOG.APPLIED_AT, Instant.now().toString())
                    .execute();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return seq;
    }

    /** A completed sale with one line and one cash payment, pushed as the till's triggers would. */
    public UUID pushedSale(UUID shopId, long receiptNo, long totalCents) {
        return pushedSale(dsl(shopId), shopId, receiptNo, totalCents);
    }

    private UUID pushedSale(DSLContext db, UUID shopId, long receiptNo, long totalCents) {
        UUID order = UUID.randomUUID();
        String now = Instant.now().toString();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", order.toString());
        o.put("shop_id", shopId.toString());
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
        o.put("created_at", now);
        o.put("voided_at", null);
        o.put("void_reason", null);
        pushed(db, shopId, "sales_orders", "INSERT", o);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", UUID.randomUUID().toString());
        line.put("shop_id", shopId.toString());
        line.put("order_id", order.toString());
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
        pushed(db, shopId, "sales_order_items", "INSERT", line);
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("id", UUID.randomUUID().toString());
        payment.put("shop_id", shopId.toString());
        payment.put("order_id", order.toString());
        payment.put("method", "cash");
        payment.put("amount_cents", totalCents);
        payment.put("tendered_cents", totalCents);
        payment.put("change_cents", 0);
        payment.put("created_at", now);
        pushed(db, shopId, "sales_order_payments", "INSERT", payment);
        return order;
    }

    /** An item row in wire form. */
    public static Map<String, Object> item(UUID id, String name, long priceCents, long version, String hlc, UUID shop) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id.toString());
        row.put("sku", "SKU-" + id.toString().substring(0, 8));
        row.put("barcode", null);
        row.put("name", name);
        row.put("category_id", null);
        row.put("price_cents", priceCents);
        row.put("tax_rate_id", null);
        row.put("unit", "each");
        row.put("active", 1);
        row.put("origin_shop_id", shop == null ? null : shop.toString());
        row.put("last_modified_shop_id", shop == null ? null : shop.toString());
        row.put("last_modified_at", hlc);
        row.put("version", version);
        row.put("deleted", 0);
        return row;
    }

    /** The catalog rows waiting in the shop's outbound log, as (table, record id, payload) text. */
    public List<String> outbound(UUID shopId) {
        return dsl(shopId).selectFrom(REPLICA_OUTBOUND_LOG).orderBy(REPLICA_OUTBOUND_LOG.SEQ)
                .fetch(r -> r.getTableName() + "|" + r.getRecordId() + "|" + r.getPayload());
    }
}
