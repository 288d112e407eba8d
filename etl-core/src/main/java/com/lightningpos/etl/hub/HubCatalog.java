package com.lightningpos.etl.hub;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/**
 * The hub's catalog: the source of truth. Every accepted change, from head office or from a shop,
 * is written together with its {@code catalog_changes} entry in the caller's transaction, so the
 * propagator can never miss one. Conflict rule at the hub: the hub wins. A shop edit that was not
 * based on the hub's current version (its {@code version} is not newer) collides; the hub keeps its
 * value, re-stamps it with a fresh HLC so that every shop (which lets the newer HLC win) takes it,
 * and records both versions in {@code sync_conflicts}. An edit the shop itself already lost to a
 * newer hub row ({@link ChangeRow#LOST_AT_SHOP}) is only recorded.
 */
public final class HubCatalog {

    private final HybridLogicalClock clock;

    public HubCatalog(HybridLogicalClock clock) {
        this.clock = clock;
    }

    /**
     * Creates or edits a catalog row on behalf of head office. {@code values} holds the columns to
     * set in wire form; for an edit only the changed ones are needed.
     */
    public CatalogChange saveFromHub(DSLContext tx, SyncedTable table, UUID id, Map<String, Object> values,
                                     String changedBy) {
        requireCatalog(table);
        Table<?> hub = HubTables.of(table);
        Record current = lockCurrent(tx, hub, id);
        Map<String, Object> row = current == null ? new LinkedHashMap<>() : WireValues.toWire(current, table.shopTable());
        row.putAll(values);
        row.put("id", id.toString());
        row.put("last_modified_at", clock.now().encode());
        row.put("last_modified_shop_id", null);
        row.put("version", current == null ? 1L : versionOf(current) + 1);
        row.putIfAbsent("deleted", 0L);
        if (current == null) {
            row.put("origin_shop_id", null);
        }
        upsert(tx, hub, row);
        return record(tx, table, id, current == null ? ChangeOp.INSERT : ChangeOp.UPDATE, row, null, changedBy);
    }

    /** Marks a row deleted (a tombstone, so the deletion travels like any other change). */
    public CatalogChange deleteFromHub(DSLContext tx, SyncedTable table, UUID id, String changedBy) {
        return saveFromHub(tx, table, id, Map.of("deleted", 1L), changedBy);
    }

    /** Applies one catalog change sent by {@code shopId}, in the caller's (ETL) transaction. */
    public ShopChangeOutcome acceptFromShop(DSLContext tx, SyncedTable table, ChangeOp op, Map<String, Object> wire,
                                            UUID shopId) {
        requireCatalog(table);
        Table<?> hub = HubTables.of(table);
        UUID id = UUID.fromString(wire.get("id").toString());
        Map<String, Object> incoming = new LinkedHashMap<>(wire);
        if (op == ChangeOp.DELETE) {
            incoming.put("deleted", 1L); // catalog rows are never removed, only tombstoned
        }
        observe(incoming.get("last_modified_at"));
        boolean lostAtShop = Boolean.TRUE.equals(incoming.remove(ChangeRow.LOST_AT_SHOP));
        Record current = lockCurrent(tx, hub, id);
        if (lostAtShop && current != null) {
            // The shop already took the newer hub row in place of this edit; it is sent only so that
            // head office sees what was overwritten. The row stays as it is.
            Map<String, Object> hubRow = WireValues.toWire(current, table.shopTable());
            if (Objects.equals(str(hubRow.get("last_modified_at")), str(incoming.get("last_modified_at")))) {
                return ShopChangeOutcome.DUPLICATE; // it had reached the hub before the shop lost it
            }
            if (!alreadyRecorded(tx, table, id, shopId, incoming)) {
                recordConflict(tx, table, id, shopId, incoming, hubRow, "lost_at_shop", "hub");
            }
            return ShopChangeOutcome.HUB_WON;
        }
        if (current == null) {
            incoming.putIfAbsent("origin_shop_id", shopId.toString());
            incoming.put("last_modified_shop_id", shopId.toString());
            return tryAccept(tx, table, hub, id, ChangeOp.INSERT, incoming, shopId);
        }
        Map<String, Object> hubRow = WireValues.toWire(current, table.shopTable());
        if (Objects.equals(str(hubRow.get("last_modified_at")), str(incoming.get("last_modified_at")))) {
            return ShopChangeOutcome.DUPLICATE;
        }
        if (versionOf(incoming) > versionOf(current)) {
            incoming.put("origin_shop_id", hubRow.get("origin_shop_id"));
            incoming.put("last_modified_shop_id", shopId.toString());
            if (str(incoming.get("last_modified_at")) == null
                    || str(incoming.get("last_modified_at")).compareTo(str(hubRow.get("last_modified_at"))) <= 0) {
                // Made on top of the hub's row but stamped older than it: a till clock more than the drift
                // bound slow cannot merge the hub's HLC. Replicas and shops keep the newer HLC, so without
                // a newer stamp they would ignore this accepted change (found by the simulation).
                incoming.put("last_modified_at", clock.now().encode());
            }
            return tryAccept(tx, table, hub, id, ChangeOp.UPDATE, incoming, shopId);
        }
        // The shop edited a version older than the hub's: the hub wins.
        Map<String, Object> reasserted = new LinkedHashMap<>(hubRow);
        reasserted.put("last_modified_at", clock.now().encode());
        reasserted.put("version", Math.max(versionOf(current), versionOf(incoming)) + 1);
        upsert(tx, hub, reasserted);
        record(tx, table, id, ChangeOp.UPDATE, reasserted, null, "conflict-resolver");
        recordConflict(tx, table, id, shopId, incoming, hubRow, "hub_wins", "hub");
        return ShopChangeOutcome.HUB_WON;
    }

    private ShopChangeOutcome tryAccept(DSLContext tx, SyncedTable table, Table<?> hub, UUID id, ChangeOp op,
                                        Map<String, Object> row, UUID shopId) {
        try {
            // A savepoint, so a constraint violation (e.g. a barcode taken by another item) does not
            // abort the whole ETL batch in PostgreSQL.
            tx.transaction(nested -> upsert(nested.dsl(), hub, row));
        } catch (DataAccessException e) {
            recordConflict(tx, table, id, shopId, row, Map.of("error", rootMessage(e)), "rejected_constraint", "hub");
            return ShopChangeOutcome.REJECTED;
        }
        record(tx, table, id, op, row, shopId, "shop:" + shopId);
        return ShopChangeOutcome.ACCEPTED;
    }

    private void observe(Object hlc) {
        if (hlc == null) {
            return;
        }
        try {
            clock.observe(Hlc.parse(hlc.toString()));
        } catch (IllegalArgumentException e) { // includes HlcTooFarAheadException
            // The replica already refused HLCs beyond the drift bound; a bad one here must not stop the ETL.
        }
    }

    private CatalogChange record(DSLContext tx, SyncedTable table, UUID id, ChangeOp op, Map<String, Object> row,
                                 UUID originShopId, String changedBy) {
        Long seq = tx.insertInto(CATALOG_CHANGES)
                .set(CATALOG_CHANGES.TABLE_NAME, table.tableName())
                .set(CATALOG_CHANGES.RECORD_ID, id)
                .set(CATALOG_CHANGES.OP, op.name())
                .set(CATALOG_CHANGES.PAYLOAD, JSONB.valueOf(json(row)))
                .set(CATALOG_CHANGES.HLC, str(row.get("last_modified_at")))
                .set(CATALOG_CHANGES.ORIGIN_SHOP_ID, originShopId)
                .set(CATALOG_CHANGES.CHANGED_BY, changedBy)
                .returning(CATALOG_CHANGES.SEQ)
                .fetchOne(CATALOG_CHANGES.SEQ);
        return new CatalogChange(seq, table.tableName(), id.toString(), row);
    }

    private void recordConflict(DSLContext tx, SyncedTable table, UUID id, UUID shopId, Map<String, Object> shopVersion,
                                Map<String, Object> hubVersion, String rule, String winner) {
        tx.insertInto(SYNC_CONFLICTS)
                .set(SYNC_CONFLICTS.SHOP_ID, shopId)
                .set(SYNC_CONFLICTS.TABLE_NAME, table.tableName())
                .set(SYNC_CONFLICTS.RECORD_ID, id)
                .set(SYNC_CONFLICTS.SHOP_VERSION, JSONB.valueOf(json(shopVersion)))
                .set(SYNC_CONFLICTS.HUB_VERSION, JSONB.valueOf(json(hubVersion)))
                .set(SYNC_CONFLICTS.SHOP_HLC, str(shopVersion.get("last_modified_at")))
                .set(SYNC_CONFLICTS.HUB_HLC, str(hubVersion.get("last_modified_at")))
                .set(SYNC_CONFLICTS.RULE, rule)
                .set(SYNC_CONFLICTS.WINNER, winner)
                .execute();
    }

    /** A resent edit (a rewind after a hub restore) must not be listed twice. */
    private static boolean alreadyRecorded(DSLContext tx, SyncedTable table, UUID id, UUID shopId, Map<String, Object> incoming) {
        return tx.fetchExists(SYNC_CONFLICTS, SYNC_CONFLICTS.SHOP_ID.eq(shopId), SYNC_CONFLICTS.TABLE_NAME.eq(table.tableName()),
                SYNC_CONFLICTS.RECORD_ID.eq(id), SYNC_CONFLICTS.SHOP_HLC.eq(str(incoming.get("last_modified_at"))));
    }

    static void upsert(DSLContext tx, Table<?> hub, Map<String, Object> row) {
        Map<Field<?>, Object> values = WireValues.toHub(hub, row);
        Field<?> idField = hub.field("id");
        tx.insertInto(hub).set(values).onConflict(idField).doUpdate().set(values).execute();
    }

    private static Record lockCurrent(DSLContext tx, Table<?> hub, UUID id) {
        return tx.selectFrom(hub).where(HubTables.field(hub, "id", UUID.class).eq(id)).forUpdate().fetchOne();
    }

    private static long versionOf(Record row) {
        Object v = row.get("version");
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static long versionOf(Map<String, Object> row) {
        Object v = row.get("version");
        return v == null ? 0 : Long.parseLong(v.toString());
    }

    private static void requireCatalog(SyncedTable table) {
        if (!table.isCatalog()) {
            throw new IllegalArgumentException(table.tableName() + " is not a catalog table");
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static String json(Map<String, Object> row) {
        return HubJson.write(row);
    }
}
