package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.CATEGORIES;
import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.shop.Tables.STOCK_LEVELS;
import static com.lightningpos.db.shop.Tables.STOCK_MOVEMENTS;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;
import static com.lightningpos.db.shop.Tables.TAX_RATES;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.RemoteWrites;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.client.SyncStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3 of a join: makes the hub's catalog answer true in the till's database, in one transaction
 * the capture triggers ignore. A matched item is replaced by the hub's row under the hub's id and
 * every reference follows (sales lines, stock, and the same keys inside the queued outbox, so the
 * history uploads pointing at the hub's item). Queued catalog changes are dropped: the standalone
 * catalog edits must not reach the chain (the hub's catalog wins, proposals carry the rest); the
 * remaining outbox is renumbered without gaps, because the hub refuses a push that skips a seq.
 *
 * <p>Safe to repeat: a second run finds no local ids left to replace and nothing to drop.
 */
final class CatalogAnswerApplier {

    private static final Logger log = LoggerFactory.getLogger(CatalogAnswerApplier.class);
    /** Outbox tables whose payloads carry an {@code item_id}. */
    private static final List<String> ITEM_REFERENCING = List.of("sales_order_items", "stock_movements");
    /**
     * Stamped on a hub row whose category or tax rate this till does not hold yet: any hub version
     * beats it, so the catalog download replaces the row (with its references) as soon as they arrive.
     */
    static final String OLDER_THAN_ANY = "0";

    private final RowApplier rows = new RowApplier();

    /** What changed, for the log and the tests. */
    record Applied(int itemsReplaced, int referencesRepointed, int outboxPayloadsRepointed, int catalogChangesDropped) {
    }

    Applied apply(DSLContext db, JoinCatalogResponse answer) {
        return db.transactionResult(c -> {
            DSLContext tx = c.dsl();
            RemoteWrites.begin(tx);
            int replaced = 0;
            int references = 0;
            int payloads = 0;
            for (JoinCatalogResponse.ItemOutcome outcome : answer.items()) {
                if (!outcome.matched() || outcome.hubItemId() == null || outcome.hubItem() == null) {
                    continue; // proposed and problem items stay under their own id until head office decides
                }
                String local = outcome.localId();
                String hub = outcome.hubItemId();
                if (!local.equals(hub)) {
                    // First, so the hub row can take the barcode the local row holds (barcodes are unique).
                    replaced += tx.deleteFrom(ITEMS).where(ITEMS.ID.eq(local)).execute();
                }
                Object barcode = outcome.hubItem().get("barcode");
                if (barcode != null) {
                    // A till item kept under its own id (a problem, e.g. the same product entered twice)
                    // may hold the hub row's barcode; barcodes are unique, and the hub's row wins it.
                    tx.update(ITEMS).setNull(ITEMS.BARCODE).where(ITEMS.BARCODE.eq(barcode.toString()), ITEMS.ID.ne(hub)).execute();
                }
                rows.apply(tx, SyncedTable.ITEMS, ChangeOp.UPDATE, hub, heldLocally(tx, outcome.hubItem()));
                if (!local.equals(hub)) {
                    references += repoint(tx, local, hub);
                    payloads += repointOutbox(tx, local, hub);
                }
            }
            int dropped = dropQueuedCatalogChanges(tx);
            RemoteWrites.end(tx);
            Applied applied = new Applied(replaced, references, payloads, dropped);
            log.info("Join: hub catalog applied ({} item(s) replaced by the hub's, {} reference(s) and {} queued change(s) re-pointed,"
                    + " {} queued catalog change(s) dropped)", replaced, references, payloads, dropped);
            return applied;
        });
    }

    /** The hub row as this database can hold it now (references it lacks wait for the catalog download). */
    private static Map<String, Object> heldLocally(DSLContext tx, Map<String, Object> hubItem) {
        Map<String, Object> row = new HashMap<>(hubItem);
        boolean deferred = false;
        Object category = row.get("category_id");
        if (category != null && !tx.fetchExists(CATEGORIES, CATEGORIES.ID.eq(category.toString()))) {
            row.put("category_id", null);
            deferred = true;
        }
        Object taxRate = row.get("tax_rate_id");
        if (taxRate != null && !tx.fetchExists(TAX_RATES, TAX_RATES.ID.eq(taxRate.toString()))) {
            row.put("tax_rate_id", null);
            deferred = true;
        }
        if (deferred) {
            row.put("last_modified_at", OLDER_THAN_ANY);
        }
        return row;
    }

    private static int repoint(DSLContext tx, String local, String hub) {
        int n = tx.update(SALES_ORDER_ITEMS).set(SALES_ORDER_ITEMS.ITEM_ID, hub).where(SALES_ORDER_ITEMS.ITEM_ID.eq(local)).execute();
        n += tx.update(STOCK_MOVEMENTS).set(STOCK_MOVEMENTS.ITEM_ID, hub).where(STOCK_MOVEMENTS.ITEM_ID.eq(local)).execute();
        // Two local items may match one hub item: their stock adds up instead of colliding on the key.
        tx.execute("INSERT INTO stock_levels (shop_id, item_id, quantity_milli, updated_at)"
                + " SELECT shop_id, ?, quantity_milli, updated_at FROM stock_levels WHERE item_id = ? AND true"
                + " ON CONFLICT (shop_id, item_id) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli,"
                + " updated_at = max(updated_at, excluded.updated_at)", hub, local);
        n += tx.deleteFrom(STOCK_LEVELS).where(STOCK_LEVELS.ITEM_ID.eq(local)).execute();
        return n;
    }

    private static int repointOutbox(DSLContext tx, String local, String hub) {
        int n = 0;
        for (var change : tx.selectFrom(SYNC_CHANGES)
                .where(SYNC_CHANGES.TABLE_NAME.in(ITEM_REFERENCING), SYNC_CHANGES.PAYLOAD.contains(local)).fetch()) {
            Map<String, Object> payload = new HashMap<>(SyncJson.readPayload(change.getPayload()));
            if (Objects.equals(payload.get("item_id"), local)) {
                payload.put("item_id", hub);
                tx.update(SYNC_CHANGES).set(SYNC_CHANGES.PAYLOAD, SyncJson.writePayload(payload))
                        .where(SYNC_CHANGES.SEQ.eq(change.getSeq())).execute();
                n++;
            }
        }
        return n;
    }

    private static int dropQueuedCatalogChanges(DSLContext tx) {
        List<String> catalog = SyncedTable.catalog().stream().map(SyncedTable::tableName).toList();
        int dropped = tx.deleteFrom(SYNC_CHANGES)
                .where(SYNC_CHANGES.TABLE_NAME.in(catalog), SYNC_CHANGES.SYNC_STATUS.ne("synced")).execute();
        if (dropped > 0) {
            renumberUnsent(tx);
        }
        return dropped;
    }

    /**
     * Closes the gaps the dropped rows left in the part of the outbox the hub has not seen (a
     * standalone till: all of it), keeping the order; AUTOINCREMENT continues after the last row.
     */
    private static void renumberUnsent(DSLContext tx) {
        long cursor = tx.select(SYNC_STATE.CURSOR).from(SYNC_STATE).where(SYNC_STATE.STREAM.eq(SyncStream.SALES_UP.key()))
                .fetchOptional(SYNC_STATE.CURSOR).orElse(0L);
        List<Long> seqs = tx.select(SYNC_CHANGES.SEQ).from(SYNC_CHANGES).where(SYNC_CHANGES.SEQ.gt(cursor))
                .orderBy(SYNC_CHANGES.SEQ).fetch(SYNC_CHANGES.SEQ);
        // Negated first, so no renumbered row collides with one not yet renumbered.
        tx.update(SYNC_CHANGES).set(SYNC_CHANGES.SEQ, SYNC_CHANGES.SEQ.neg()).where(SYNC_CHANGES.SEQ.gt(cursor)).execute();
        long next = cursor;
        for (long seq : seqs) {
            tx.update(SYNC_CHANGES).set(SYNC_CHANGES.SEQ, ++next).where(SYNC_CHANGES.SEQ.eq(-seq)).execute();
        }
        long last = Math.max(next, tx.select(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.max(SYNC_CHANGES.SEQ), 0L))
                .from(SYNC_CHANGES).fetchOne(0, Long.class));
        tx.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_changes'", last);
    }
}
