package com.lightningpos.etl.hub;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.sync.TableSummary;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * {@link TableChecksum}'s count and checksum for PostgreSQL's rows, so that the hub can be compared
 * with a shop and its replica. Each hub row is turned into exactly what a shop-schema database
 * would hold for it: the wire form ({@link WireValues#toWire}) converted to the shop table's column
 * types, as a replica stores a row it is sent. Hub-only columns (e.g. {@code loaded_at}) are left out.
 *
 * <p>Shop-owned tables are summed over one shop's rows; catalog tables over the whole catalog, which
 * every shop and replica holds in full (deleted rows stay as tombstones on every tier).
 */
public final class HubTableChecksum {

    private HubTableChecksum() {
    }

    public static TableSummary of(DSLContext hub, SyncedTable table, UUID shopId) {
        Table<?> hubTable = HubTables.of(table);
        Condition rows = table.isCatalog() ? DSL.noCondition() : HubTables.field(hubTable, "shop_id", UUID.class).eq(shopId);
        // In a transaction so that PostgreSQL streams the rows (fetch size) instead of loading them all.
        return hub.transactionResult(cfg -> {
            MessageDigest sha = TableChecksum.newDigest();
            long count = 0;
            long sum = 0;
            try (Cursor<? extends Record> cursor = cfg.dsl().selectFrom(hubTable).where(rows).fetchSize(500).fetchLazy()) {
                for (Record row : cursor) {
                    count++;
                    sum += TableChecksum.rowHash(sha, shopForm(row, table.shopTable()));
                }
            }
            return new TableSummary(table.tableName(), count, TableChecksum.checksumText(sum));
        });
    }

    /**
     * A shop-owned table's count and checksum for every shop that has rows in it, in one pass over
     * the table (a check of all shops reads each table once instead of once per shop).
     */
    public static Map<UUID, TableSummary> byShop(DSLContext hub, SyncedTable table) {
        if (table.isCatalog()) {
            throw new IllegalArgumentException(table.tableName() + " is a catalog table: it has no shop's rows");
        }
        Table<?> hubTable = HubTables.of(table);
        Field<UUID> shopId = HubTables.field(hubTable, "shop_id", UUID.class);
        return hub.transactionResult(cfg -> {
            MessageDigest sha = TableChecksum.newDigest();
            Map<UUID, long[]> sums = new HashMap<>();
            try (Cursor<? extends Record> cursor = cfg.dsl().selectFrom(hubTable).fetchSize(1000).fetchLazy()) {
                for (Record row : cursor) {
                    long[] countAndSum = sums.computeIfAbsent(row.get(shopId), id -> new long[2]);
                    countAndSum[0]++;
                    countAndSum[1] += TableChecksum.rowHash(sha, shopForm(row, table.shopTable()));
                }
            }
            Map<UUID, TableSummary> summaries = new HashMap<>();
            sums.forEach((id, cs) -> summaries.put(id, new TableSummary(table.tableName(), cs[0], TableChecksum.checksumText(cs[1]))));
            return summaries;
        });
    }

    /** What {@link #of} gives for a table without rows. */
    public static TableSummary empty(SyncedTable table) {
        return new TableSummary(table.tableName(), 0, TableChecksum.checksumText(0));
    }

    /**
     * A hub row as the shop table would read it: every shop column, converted from the wire form
     * with the column's type. A shop column the hub lacks reads as null (and so differs, rightly:
     * that data never reaches the hub).
     */
    public static Map<String, Object> shopForm(Record hubRow, Table<?> shopTable) {
        Map<String, Object> wire = WireValues.toWire(hubRow, shopTable);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field<?> shopField : shopTable.fields()) {
            Object value = wire.get(shopField.getName());
            values.put(shopField.getName(), value == null ? null : shopField.getDataType().convert(value));
        }
        return values;
    }
}
