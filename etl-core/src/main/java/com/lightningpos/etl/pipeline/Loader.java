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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;

/**
 * Transforms and loads one extracted batch into PostgreSQL, inside the caller's transaction (the
 * same one that moves the ETL cursor). Shop-owned rows are upserted by id as they are, in JDBC
 * batches, so a replayed batch overwrites with identical values and counts nothing twice. Catalog
 * rows go through {@link HubCatalog}'s conflict rule one by one.
 */
public final class Loader {

    private final HubCatalog catalog;

    public Loader(HubCatalog catalog) {
        this.catalog = catalog;
    }

    public LoadResult load(DSLContext tx, UUID shopId, List<ChangeRow> rows) {
        List<Query> shopOwned = new ArrayList<>();
        Map<ShopChangeOutcome, Integer> catalogOutcomes = new EnumMap<>(ShopChangeOutcome.class);
        int skipped = 0;
        for (ChangeRow row : rows) {
            SyncedTable table = SyncedTable.byName(row.table()).orElse(null);
            if (table == null) {
                skipped++;
                continue;
            }
            if (table.isCatalog()) {
                flush(tx, shopOwned);
                catalogOutcomes.merge(catalog.acceptFromShop(tx, table, row.op(), row.payload(), shopId), 1, Integer::sum);
            } else if (ownedBy(row, shopId)) {
                shopOwned.add(upsertOrDelete(tx, table, row));
            } else {
                skipped++; // the replica refuses these; never load another shop's row under this shop
            }
        }
        flush(tx, shopOwned);
        return new LoadResult(rows.size() - skipped, skipped, catalogOutcomes);
    }

    private static boolean ownedBy(ChangeRow row, UUID shopId) {
        Object owner = row.payload().get("shop_id");
        return owner != null && owner.toString().equals(shopId.toString());
    }

    private static Query upsertOrDelete(DSLContext tx, SyncedTable table, ChangeRow row) {
        Table<?> hub = HubTables.of(table);
        Field<UUID> id = HubTables.field(hub, "id", UUID.class);
        UUID recordId = UUID.fromString(row.recordId());
        if (row.op() == ChangeOp.DELETE) {
            return tx.deleteFrom(hub).where(id.eq(recordId));
        }
        Map<Field<?>, Object> values = WireValues.toHub(hub, row.payload());
        return tx.insertInto(hub).set(values).onConflict(id).doUpdate().set(values);
    }

    private static void flush(DSLContext tx, List<Query> queries) {
        if (queries.isEmpty()) {
            return;
        }
        tx.batch(queries).execute();
        queries.clear();
    }

    /** Rows loaded, rows skipped, and what happened to the catalog changes among them. */
    public record LoadResult(int loaded, int skipped, Map<ShopChangeOutcome, Integer> catalogOutcomes) {
    }
}
