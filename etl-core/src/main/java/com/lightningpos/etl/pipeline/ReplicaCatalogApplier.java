package com.lightningpos.etl.pipeline;

import com.lightningpos.etl.change.NewerCatalogRow;
import com.lightningpos.etl.change.SyncedTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Applies a hub catalog row to a shop-schema database with the shops' rule: the newer
 * {@code last_modified_at} (HLC) wins, so a replayed or reordered delivery never rolls a row back.
 */
final class ReplicaCatalogApplier {

    void apply(DSLContext tx, SyncedTable table, Map<String, Object> wire) {
        Table<?> shopTable = table.shopTable();
        Field<Object> id = field(shopTable, "id");
        if (NewerCatalogRow.alreadyHeld(tx, table, wire.get("id"), wire.get("last_modified_at"))) {
            return;
        }
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        for (Field<?> f : shopTable.fields()) {
            if (wire.containsKey(f.getName())) {
                values.put(f, f.getDataType().convert(wire.get(f.getName())));
            }
        }
        tx.insertInto(shopTable).set(values).onConflict(id).doUpdate().set(values).execute();
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> field(Table<?> table, String name) {
        return (Field<Object>) table.field(name);
    }
}
