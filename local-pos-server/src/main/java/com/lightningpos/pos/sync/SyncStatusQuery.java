package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.SCHEMA_VERSION;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;

import com.lightningpos.etl.sync.client.SyncStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Reads the sync figures a cashier and support need from the shop database (cheap, indexed). */
@Component
class SyncStatusQuery {

    private final DSLContext db;

    SyncStatusQuery(DSLContext db) {
        this.db = db;
    }

    SyncStatus status(SyncService.RunState run, SyncStatus.History history) {
        // Cashiers count sales, not rows: one sale is an order, its lines, payments and stock moves.
        var pending = db.select(DSL.count(), DSL.min(SYNC_CHANGES.CREATED_AT),
                        DSL.countDistinct(SYNC_CHANGES.RECORD_ID).filterWhere(SYNC_CHANGES.TABLE_NAME.eq("sales_orders")))
                .from(SYNC_CHANGES)
                .where(SYNC_CHANGES.SYNC_STATUS.eq("pending")).fetchOne();
        var up = db.selectFrom(SYNC_STATE).where(SYNC_STATE.STREAM.eq(SyncStream.SALES_UP.key())).fetchOne();
        var down = db.selectFrom(SYNC_STATE).where(SYNC_STATE.STREAM.eq(SyncStream.CATALOG_DOWN.key())).fetchOne();
        int local = db.select(SCHEMA_VERSION.VERSION).from(SCHEMA_VERSION).fetchOne(SCHEMA_VERSION.VERSION);
        Integer required = up.getRequiredSchemaVersion();
        long pendingChanges = pending.value1();
        long pendingCount = pending.value3();
        String oldest = pending.value2();
        String state = run.standalone() ? "standalone" : run.running() ? "syncing" : run.hubReachable() ? "online" : "offline";
        String lastError = run.lastError() != null ? run.lastError() : up.getLastError() != null ? up.getLastError() : down.getLastError();
        return new SyncStatus(state, run.standalone(), run.shopId(), run.hubUrl(), up.getLastSyncedAt(), pendingCount, pendingChanges,
                oldest, run.quarantinedCount(), required != null && local < required, local, required, run.standalone() ? null : lastError,
                new SyncStatus.Streams(
                        new SyncStatus.SalesUp(pendingCount, pendingChanges, oldest, up.getLastSyncedAt(), up.getLastError()),
                        new SyncStatus.CatalogDown(down.getLastSyncedAt(), down.getLastError(), down.getCursor())),
                run.bootstrap(), history);
    }
}
