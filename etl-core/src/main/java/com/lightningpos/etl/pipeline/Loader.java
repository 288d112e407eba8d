package com.lightningpos.etl.pipeline;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.hub.HubTables;
import com.lightningpos.etl.hub.ShopChangeOutcome;
import com.lightningpos.etl.hub.WireValues;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Transforms and loads one extracted batch into PostgreSQL, inside the caller's transaction (the
 * same one that moves the ETL cursor). Shop-owned rows are upserted by id as they are, so a
 * replayed batch overwrites with identical values and counts nothing twice. By default they are
 * COPYed into a staging table and merged per table ({@link CopyStagingWriter}); the alternative, one
 * multi-row {@code INSERT … ON CONFLICT} per table and chunk, is kept for comparison — both measured
 * in docs/benchmarks.md. Catalog rows go through {@link HubCatalog}'s conflict rule one by one.
 */
public final class Loader {

    /** Rows per statement: keeps bind variables far below PostgreSQL's 32,767 limit. */
    private static final int ROWS_PER_STATEMENT = 500;

    /** How shop-owned rows reach PostgreSQL; both are idempotent upserts by id. */
    public enum Strategy { MULTI_ROW_UPSERT, COPY_STAGING }

    private final HubCatalog catalog;
    private final Strategy strategy;

    public Loader(HubCatalog catalog) {
        this(catalog, Strategy.COPY_STAGING);
    }

    public Loader(HubCatalog catalog, Strategy strategy) {
        this.catalog = catalog;
        this.strategy = strategy;
    }

    public LoadResult load(DSLContext tx, UUID shopId, List<ChangeRow> rows) {
        Map<SyncedTable, Map<String, Map<String, Object>>> pending = new EnumMap<>(SyncedTable.class);
        Map<ShopChangeOutcome, Integer> catalogOutcomes = new EnumMap<>(ShopChangeOutcome.class);
        int skipped = 0;
        for (ChangeRow row : rows) {
            SyncedTable table = SyncedTable.byName(row.table()).orElse(null);
            if (table == null) {
                skipped++;
            } else if (table.isCatalog()) {
                catalogOutcomes.merge(catalog.acceptFromShop(tx, table, row.op(), row.payload(), shopId), 1, Integer::sum);
            } else if (!ownedBy(row, shopId)) {
                skipped++; // the replica refuses these; never load another shop's row under this shop
            } else if (row.op() == ChangeOp.DELETE) {
                flush(tx, table, pending.remove(table));
                Table<?> hub = HubTables.of(table);
                // Only this shop's row: an id alone would let one shop delete another shop's sale.
                tx.deleteFrom(hub).where(HubTables.field(hub, "id", UUID.class).eq(UUID.fromString(row.recordId())))
                        .and(HubTables.field(hub, "shop_id", UUID.class).eq(shopId)).execute();
            } else {
                // The payload is a full after-image, so the last image of a row in the batch is the row.
                pending.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(row.recordId(), row.payload());
            }
        }
        pending.forEach((table, images) -> flush(tx, table, images));
        return new LoadResult(rows.size() - skipped, skipped, catalogOutcomes);
    }

    private static boolean ownedBy(ChangeRow row, UUID shopId) {
        Object owner = row.payload().get("shop_id");
        return owner != null && owner.toString().equals(shopId.toString());
    }

    private void flush(DSLContext tx, SyncedTable table, Map<String, Map<String, Object>> images) {
        if (images == null || images.isEmpty()) {
            return;
        }
        Table<?> hub = HubTables.of(table);
        // Group by column set: rows written by different schema versions may carry different columns.
        Map<List<Field<?>>, List<Map<Field<?>, Object>>> byColumns = new LinkedHashMap<>();
        for (Map<String, Object> image : images.values()) {
            Map<Field<?>, Object> values = WireValues.toHub(hub, image);
            byColumns.computeIfAbsent(new ArrayList<>(values.keySet()), k -> new ArrayList<>()).add(values);
        }
        byColumns.forEach((columns, rows) -> {
            if (strategy == Strategy.COPY_STAGING) {
                tx.connection(c -> CopyStagingWriter.upsert(c, hub, columns, rows));
                return;
            }
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                upsert(tx, hub, columns, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void upsert(DSLContext tx, Table<?> hub, List<Field<?>> columns, List<Map<Field<?>, Object>> rows) {
        InsertValuesStepN<Record> insert = tx.insertInto((Table<Record>) hub, columns);
        for (Map<Field<?>, Object> row : rows) {
            List<Object> values = new ArrayList<>(columns.size());
            for (Field<?> column : columns) {
                values.add(DSL.val(row.get(column), (Field) column));
            }
            insert = insert.values(values);
        }
        Map<Field<?>, Object> updates = new LinkedHashMap<>();
        for (Field<?> column : columns) {
            if (!column.getName().equals("id")) {
                updates.put(column, DSL.excluded(column));
            }
        }
        // An existing row is updated only when it is the same shop's: an id alone would let one shop
        // take over (or change) another shop's sale.
        Field<Object> shopId = (Field<Object>) hub.field("shop_id");
        insert.onConflict(hub.field("id")).doUpdate().set(updates).where(shopId.eq(DSL.excluded(shopId))).execute();
    }

    /** Rows loaded, rows skipped, and what happened to the catalog changes among them. */
    public record LoadResult(int loaded, int skipped, Map<ShopChangeOutcome, Integer> catalogOutcomes) {
    }
}
