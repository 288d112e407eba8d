package com.lightningpos.etl.sync.client;

import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;

import com.lightningpos.etl.change.ApplyFailures;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.RemoteWrites;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.sync.PullResponse;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a page of hub changes to the shop's database with the shop's rule, and moves the
 * catalog cursor in the same transaction (a crash replays the page, never skips it).
 *
 * <p>The rule: the newer HLC wins, ties go to the greater shop id. A pending local change that is
 * newer than the hub's row is kept and stays pending (the hub decides when it arrives); pending
 * local changes that lose are marked {@code conflict}; they are still sent, so that the hub
 * records the overwritten edit in {@code sync_conflicts}. Rows applied here do not
 * enter the outbox. A row the shop cannot hold (say, a barcode already used by a local item) is
 * skipped and logged: one bad row never stops the catalog stream.
 */
final class PulledChangeApplier {

    private static final Logger log = LoggerFactory.getLogger(PulledChangeApplier.class);

    private final RowApplier applier;
    private final String shopId;
    private final HybridLogicalClock hlc;

    PulledChangeApplier(RowApplier applier, String shopId, HybridLogicalClock hlc) {
        this.applier = applier;
        this.shopId = shopId;
        this.hlc = hlc;
    }

    /** Page outcome: rows applied, rows where the local version won, rows that did not fit. */
    record PageResult(int applied, int keptLocal, int failed) {
    }

    PageResult apply(DSLContext db, PullResponse page) {
        return db.transactionResult(c -> {
            DSLContext tx = c.dsl();
            RemoteWrites.begin(tx);
            int applied = 0;
            int kept = 0;
            int failed = 0;
            for (ChangeRow row : page.rows()) {
                SyncedTable table = SyncedTable.byName(row.table()).orElse(null);
                if (table == null || !mayReceive(table, row)) {
                    log.warn("Ignoring hub change {} for table {}: not for this shop", row.seq(), row.table());
                    failed++;
                    continue;
                }
                observe(row.hlc());
                if (!incomingWins(tx, table, row)) {
                    kept++;
                    continue;
                }
                try {
                    tx.transaction(savepoint -> applier.apply(savepoint.dsl(), table, row.op(), row.recordId(), row.payload()));
                    markLosingChanges(tx, row);
                    applied++;
                } catch (RuntimeException e) {
                    if (!ApplyFailures.isRowFault(e)) {
                        throw e;
                    }
                    log.warn("Hub change {} ({} {}) cannot be applied here: {}", row.seq(), row.table(), row.recordId(),
                            ApplyFailures.reason(e));
                    failed++;
                }
            }
            LocalSyncState.setCursor(tx, SyncStream.CATALOG_DOWN, page.nextCursor());
            RemoteWrites.end(tx);
            return new PageResult(applied, kept, failed);
        });
    }

    /** Catalog rows from anyone; a shop-owned row only if it is this shop's own (never another shop's sales). */
    private boolean mayReceive(SyncedTable table, ChangeRow row) {
        return table.isCatalog() || Objects.equals(String.valueOf(row.payload().get("shop_id")), shopId);
    }

    private boolean incomingWins(DSLContext tx, SyncedTable table, ChangeRow row) {
        String incoming = row.hlc() != null ? row.hlc() : stringOf(row.payload().get("last_modified_at"));
        String incomingShop = Objects.toString(row.payload().get("last_modified_shop_id"), Objects.toString(row.shopId(), ""));
        String local = newestPending(tx, row);
        String localShop = shopId;
        Field<?> modifiedAt = table.shopTable().field("last_modified_at");
        if (modifiedAt != null) {
            var current = tx.select(modifiedAt, table.shopTable().field("last_modified_shop_id"))
                    .from(table.shopTable()).where(RowApplier.idField(table).eq(row.recordId())).fetchOne();
            if (current != null && current.value1() != null && (local == null || current.value1().toString().compareTo(local) > 0)) {
                local = current.value1().toString();
                localShop = Objects.toString(current.value2(), "");
            }
        }
        if (local == null || incoming == null) {
            return true;
        }
        int c = incoming.compareTo(local);
        return c > 0 || (c == 0 && incomingShop.compareTo(localShop) > 0);
    }

    private static String newestPending(DSLContext tx, ChangeRow row) {
        return tx.select(DSL.max(SYNC_CHANGES.HLC)).from(SYNC_CHANGES)
                .where(SYNC_CHANGES.TABLE_NAME.eq(row.table()), SYNC_CHANGES.RECORD_ID.eq(row.recordId()),
                        SYNC_CHANGES.SYNC_STATUS.eq("pending"))
                .fetchOne(0, String.class);
    }

    /** Pending local changes of the record that are not newer than the hub's row lost. */
    private static void markLosingChanges(DSLContext tx, ChangeRow row) {
        var older = row.hlc() == null ? DSL.trueCondition() : SYNC_CHANGES.HLC.isNull().or(SYNC_CHANGES.HLC.le(row.hlc()));
        int lost = tx.update(SYNC_CHANGES).set(SYNC_CHANGES.SYNC_STATUS, "conflict")
                .where(SYNC_CHANGES.TABLE_NAME.eq(row.table()), SYNC_CHANGES.RECORD_ID.eq(row.recordId()),
                        SYNC_CHANGES.SYNC_STATUS.eq("pending"), older)
                .execute();
        if (lost > 0) {
            log.info("{} local change(s) of {} {} lost to the hub's newer version", lost, row.table(), row.recordId());
        }
    }

    private void observe(String text) {
        if (hlc == null || text == null) {
            return;
        }
        try {
            hlc.observe(Hlc.parse(text));
        } catch (IllegalArgumentException e) {
            log.warn("Not merging hub timestamp {}: {}", text, e.getMessage());
        }
    }

    private static String stringOf(Object value) {
        return value == null ? null : value.toString();
    }
}
