package com.lightningpos.etl.change;

import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The shops' catalog rule, shared by everything that writes catalog rows into a shop-schema
 * database from elsewhere: the newer {@code last_modified_at} (HLC) wins, so a replayed, reordered
 * or already-overwritten change never rolls a row back.
 */
public final class NewerCatalogRow {

    private NewerCatalogRow() {
    }

    /** True when {@code db} already holds this catalog row with an HLC at or after {@code incomingHlc}. */
    public static boolean alreadyHeld(DSLContext db, SyncedTable table, Object id, Object incomingHlc) {
        if (!table.isCatalog() || incomingHlc == null) {
            return false;
        }
        Field<?> modified = table.shopTable().field("last_modified_at");
        Object current = db.select(modified).from(table.shopTable()).where(RowApplier.idField(table).eq(String.valueOf(id)))
                .fetchOne(modified);
        return current != null && current.toString().compareTo(incomingHlc.toString()) >= 0;
    }
}
