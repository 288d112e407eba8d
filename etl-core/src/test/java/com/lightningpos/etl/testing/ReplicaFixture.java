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
        Map<String, Map<String, Object>> sale = TillSales.sale(shopId.toString(), receiptNo, totalCents, Instant.now().toString());
        sale.forEach((table, row) -> pushed(db, shopId, table, "INSERT", row));
        return UUID.fromString((String) sale.get("sales_orders").get("id"));
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
