package com.lightningpos.etl.sync.client;

import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;

import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.sync.SyncJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The shop's side of sync bookkeeping: its outbox ({@code sync_changes}) and {@code sync_state}. */
public final class LocalSyncState {

    private final DSLContext db;

    public LocalSyncState(DSLContext db) {
        this.db = db;
    }

    public long cursor(SyncStream stream) {
        return cursor(db, stream);
    }

    static long cursor(DSLContext tx, SyncStream stream) {
        return tx.select(SYNC_STATE.CURSOR).from(SYNC_STATE).where(SYNC_STATE.STREAM.eq(stream.key())).fetchSingle().value1();
    }

    static void setCursor(DSLContext tx, SyncStream stream, long cursor) {
        tx.update(SYNC_STATE).set(SYNC_STATE.CURSOR, cursor).where(SYNC_STATE.STREAM.eq(stream.key())).execute();
    }

    /**
     * Outbox rows after the sales cursor, oldest first. Normally all pending; after the hub asked
     * to resume from an earlier seq, rows already marked synced are sent again. Local edits that
     * lost to a newer hub version ({@code conflict}) are sent too, marked {@link ChangeRow#LOST_AT_SHOP}:
     * the shop already shows the hub's row, but head office must see what was overwritten.
     */
    public List<ChangeRow> outboxAfter(long cursor, int limit) {
        return db.selectFrom(SYNC_CHANGES)
                .where(SYNC_CHANGES.SEQ.gt(cursor), SYNC_CHANGES.SYNC_STATUS.in("pending", "synced", "conflict"))
                .orderBy(SYNC_CHANGES.SEQ)
                .limit(limit)
                .fetch(r -> new ChangeRow(r.getSeq(), r.getTableName(), r.getRecordId(), ChangeOp.valueOf(r.getOp()),
                        payloadToSend(r.getPayload(), r.getSyncStatus()), r.getHlc(), r.getShopId()));
    }

    private static Map<String, Object> payloadToSend(String json, String status) {
        Map<String, Object> payload = SyncJson.readPayload(json);
        if (!"conflict".equals(status)) {
            return payload;
        }
        Map<String, Object> marked = new LinkedHashMap<>(payload);
        marked.put(ChangeRow.LOST_AT_SHOP, true);
        return marked;
    }

    /** Marks everything up to {@code ackedSeq} synced and moves the sales cursor, in one transaction. */
    public void acknowledge(long ackedSeq, Instant now) {
        db.transaction(c -> {
            DSLContext tx = c.dsl();
            tx.update(SYNC_CHANGES)
                    .set(SYNC_CHANGES.SYNC_STATUS, "synced")
                    .set(SYNC_CHANGES.SYNCED_AT, now.toString())
                    .where(SYNC_CHANGES.SEQ.le(ackedSeq), SYNC_CHANGES.SYNC_STATUS.eq("pending"))
                    .execute();
            tx.update(SYNC_STATE)
                    .set(SYNC_STATE.CURSOR, DSL.greatest(SYNC_STATE.CURSOR, DSL.val(ackedSeq)))
                    .where(SYNC_STATE.STREAM.eq(SyncStream.SALES_UP.key()))
                    .execute();
        });
    }

    /** The hub is missing rows from {@code resumeFrom} on: send them again. */
    public void rewindSales(long resumeFrom) {
        setCursor(db, SyncStream.SALES_UP, Math.max(0, resumeFrom - 1));
    }

    public void markAttempt(Instant now) {
        db.update(SYNC_STATE).set(SYNC_STATE.LAST_ATTEMPT_AT, now.toString()).execute();
    }

    public void markSynced(SyncStream stream, Instant now) {
        db.update(SYNC_STATE)
                .set(SYNC_STATE.LAST_SYNCED_AT, now.toString())
                .setNull(SYNC_STATE.LAST_ERROR)
                .where(SYNC_STATE.STREAM.eq(stream.key()))
                .execute();
    }

    public void recordError(SyncStream stream, String error) {
        db.update(SYNC_STATE).set(SYNC_STATE.LAST_ERROR, error).where(SYNC_STATE.STREAM.eq(stream.key())).execute();
    }

    public void recordRequiredVersion(int version) {
        db.update(SYNC_STATE).set(SYNC_STATE.REQUIRED_SCHEMA_VERSION, version).execute();
    }
}
