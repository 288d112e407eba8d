package com.lightningpos.etl.sync.retention;

import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_OUTBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_QUARANTINE;
import static com.lightningpos.db.shop.Tables.REPLICA_STATE;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;

import com.lightningpos.etl.sync.client.SyncStream;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Deletes sync bookkeeping that nobody can need any more, so tills and replicas do not grow by
 * every change for ever. A row goes only when it is older than the retention cutoff <em>and</em> the
 * other side provably holds it:
 * <ul>
 * <li>till outbox: acknowledged by the hub (at or below the upload cursor) and not pending; kept for
 * the retention period because a hub restored from an older backup asks for them again;</li>
 * <li>replica inbound log: loaded by the ETL (at or below its cursor), and no open quarantined row of
 * the same record (whose retry needs to see the later change);</li>
 * <li>replica outbound log: already pulled by the shop.</li>
 * </ul>
 * The newest row of each log always stays: numbering continues from it (the ETL's append order,
 * a restored till's catalog cursor).
 */
public final class LogRetention {

    private LogRetention() {
    }

    /**
     * Rows deleted per transaction: the first run after an upgrade may find months of history, and
     * one long write transaction would hold up the till's sales (SQLite has one writer).
     */
    static final int CHUNK = 5_000;

    /** Prunes a till's outbox; returns the rows deleted. */
    public static int pruneOutbox(DSLContext shop, Instant cutoff) {
        String before = cutoff.toString();
        return inChunks(() -> shop.transactionResult(c -> {
            DSLContext tx = c.dsl();
            long acked = tx.select(SYNC_STATE.CURSOR).from(SYNC_STATE).where(SYNC_STATE.STREAM.eq(SyncStream.SALES_UP.key()))
                    .fetchOptional(SYNC_STATE.CURSOR).orElse(0L);
            return tx.deleteFrom(SYNC_CHANGES).where(SYNC_CHANGES.SEQ.in(DSL.select(SYNC_CHANGES.SEQ).from(SYNC_CHANGES)
                    .where(SYNC_CHANGES.SEQ.le(acked))
                    .and(SYNC_CHANGES.SEQ.lt(DSL.select(DSL.max(SYNC_CHANGES.SEQ)).from(SYNC_CHANGES)))
                    .and(SYNC_CHANGES.SYNC_STATUS.eq("synced").and(SYNC_CHANGES.SYNCED_AT.lt(before))
                            .or(SYNC_CHANGES.SYNC_STATUS.eq("conflict").and(SYNC_CHANGES.CREATED_AT.lt(before))))
                    .orderBy(SYNC_CHANGES.SEQ)
                    .limit(CHUNK)))
                    .execute();
        }));
    }

    /** What {@link #pruneReplica} deleted. */
    public record ReplicaPruned(int inbound, int outbound) {
    }

    /**
     * Prunes a replica's logs: inbound rows the ETL has loaded ({@code etl_seq <= loadedUpTo}) and
     * outbound rows the shop has pulled.
     */
    public static ReplicaPruned pruneReplica(DSLContext replica, long loadedUpTo, Instant cutoff) {
        String before = cutoff.toString();
        int inbound = inChunks(() -> replica.transactionResult(c -> {
            DSLContext tx = c.dsl();
            return tx.deleteFrom(REPLICA_INBOUND_LOG).where(REPLICA_INBOUND_LOG.SEQ.in(DSL.select(REPLICA_INBOUND_LOG.SEQ)
                    .from(REPLICA_INBOUND_LOG)
                    .where(REPLICA_INBOUND_LOG.ETL_SEQ.le(loadedUpTo))
                    .and(REPLICA_INBOUND_LOG.ETL_SEQ.lt(DSL.select(DSL.max(REPLICA_INBOUND_LOG.ETL_SEQ)).from(REPLICA_INBOUND_LOG)))
                    .and(REPLICA_INBOUND_LOG.APPLIED_AT.lt(before))
                    // A retry of a quarantined row looks here for the shop's later change of the same record
                    // (then the quarantined version is superseded); without it the older version would be
                    // applied over the newer one.
                    .andNotExists(DSL.selectOne().from(REPLICA_QUARANTINE)
                            .where(REPLICA_QUARANTINE.STATUS.eq("open"))
                            .and(REPLICA_QUARANTINE.TABLE_NAME.eq(REPLICA_INBOUND_LOG.TABLE_NAME))
                            .and(REPLICA_QUARANTINE.RECORD_ID.eq(REPLICA_INBOUND_LOG.RECORD_ID)))
                    .orderBy(REPLICA_INBOUND_LOG.ETL_SEQ)
                    .limit(CHUNK)))
                    .execute();
        }));
        int outbound = inChunks(() -> replica.transactionResult(c -> {
            DSLContext tx = c.dsl();
            long pulled = tx.select(REPLICA_STATE.PULLED_UP_TO_SEQ).from(REPLICA_STATE).fetchOptional(REPLICA_STATE.PULLED_UP_TO_SEQ).orElse(0L);
            return tx.deleteFrom(REPLICA_OUTBOUND_LOG).where(REPLICA_OUTBOUND_LOG.SEQ.in(DSL.select(REPLICA_OUTBOUND_LOG.SEQ)
                    .from(REPLICA_OUTBOUND_LOG)
                    .where(REPLICA_OUTBOUND_LOG.SEQ.le(pulled))
                    .and(REPLICA_OUTBOUND_LOG.SEQ.lt(DSL.select(DSL.max(REPLICA_OUTBOUND_LOG.SEQ)).from(REPLICA_OUTBOUND_LOG)))
                    .and(REPLICA_OUTBOUND_LOG.CREATED_AT.lt(before))
                    .orderBy(REPLICA_OUTBOUND_LOG.SEQ)
                    .limit(CHUNK)))
                    .execute();
        }));
        return new ReplicaPruned(inbound, outbound);
    }

    private static int inChunks(IntSupplier chunk) {
        int total = 0;
        int deleted;
        do {
            deleted = chunk.getAsInt();
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
