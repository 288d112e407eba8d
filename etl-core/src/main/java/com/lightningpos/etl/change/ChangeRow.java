package com.lightningpos.etl.change;

import java.util.Map;

/**
 * One captured change, as it travels on the wire and sits in outbox and logs.
 *
 * @param seq      the sender's sequence number (gap-free per sender and stream)
 * @param table    the table name in the shop schema
 * @param recordId the row's UUID
 * @param op       insert, update or delete
 * @param payload  the full after-image (before-image for deletes), column name to JSON value
 * @param hlc      the change's HLC timestamp (text form)
 * @param shopId   the shop that made the change; null for hub changes
 */
public record ChangeRow(long seq, String table, String recordId, ChangeOp op, Map<String, Object> payload,
                        String hlc, String shopId) {

    /**
     * Payload key a shop adds to a catalog edit that it already lost locally to a newer hub version
     * (outbox status {@code conflict}). Such an edit is sent only so that head office sees what was
     * overwritten: the replica logs it without applying it, and the hub records it in
     * {@code sync_conflicts} without touching its row. Not a column, so appliers ignore it.
     */
    public static final String LOST_AT_SHOP = "_lost_at_shop";

    /**
     * Only a catalog row can be lost at the shop: the ETL loads a shop-owned row whatever its mark, so
     * a marked sale left out of the replica would leave the replica and PostgreSQL apart.
     */
    public boolean lostAtShop() {
        return payload != null && Boolean.TRUE.equals(payload.get(LOST_AT_SHOP))
                && SyncedTable.byName(table).map(SyncedTable::isCatalog).orElse(false);
    }
}
