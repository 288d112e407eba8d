package com.lightningpos.etl.sync.replica;

import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_QUARANTINE;
import static com.lightningpos.db.shop.Tables.REPLICA_STATE;

import com.lightningpos.etl.change.ApplyFailures;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.PreparedWrites;
import com.lightningpos.etl.change.RemoteWrites;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.SyncJson;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one validated batch to a replica in ONE SQLite transaction: rows at or below the
 * high-water mark are skipped (so repeats are harmless), each new row is applied and logged for the
 * ETL, a row that fails by its own fault is quarantined instead, and the high-water mark moves to the
 * batch's last seq. Any other failure rolls everything back.
 *
 * <p>First in bulk (statements prepared once, no savepoints: what makes a push fast); only when a row
 * fails by its own fault is that attempt rolled back and the batch applied again row by row, each row
 * under its own savepoint, so the bad row can be quarantined and the others kept.
 */
final class PushApplier {

    private static final Logger log = LoggerFactory.getLogger(PushApplier.class);

    private final RowApplier applier;
    private final Clock clock;
    private final boolean skipAtOrBelowHighWater;
    private final boolean bulkFirst;

    PushApplier(RowApplier applier, Clock clock) {
        this(applier, clock, true, true);
    }

    /**
     * {@code skipAtOrBelowHighWater = false} only plants a bug for the simulation's self-test;
     * {@code bulkFirst = false} only gives the push benchmark its reference (the row-by-row path alone).
     */
    PushApplier(RowApplier applier, Clock clock, boolean skipAtOrBelowHighWater, boolean bulkFirst) {
        this.applier = applier;
        this.clock = clock;
        this.skipAtOrBelowHighWater = skipAtOrBelowHighWater;
        this.bulkFirst = bulkFirst;
    }

    PushResult apply(DSLContext replica, String shopId, PushRequest batch) {
        if (!bulkFirst) {
            return applyRowByRow(replica, shopId, batch);
        }
        try {
            return replica.transactionResult(c -> applyInBulk(c.dsl(), batch));
        } catch (RuntimeException e) {
            if (!ApplyFailures.isRowFault(e)) {
                throw e;
            }
            // Rolled back: nothing of the bulk attempt stays. The slow path finds the bad row(s).
            log.info("Shop {}: batch {}..{} did not apply in bulk ({}); applying it row by row", shopId, batch.firstSeq(),
                    batch.lastSeq(), ApplyFailures.reason(e));
        }
        return applyRowByRow(replica, shopId, batch);
    }

    /**
     * The fast path: every new row applied with statements prepared once for the batch, no savepoints.
     * Any row's fault throws and rolls the whole transaction back, so the caller can fall back to
     * {@link #applyRowByRow}, which quarantines that row and applies the others.
     */
    private PushResult applyInBulk(DSLContext tx, PushRequest batch) {
        return applyNewRows(tx, batch, now -> {
            PreparedWrites writes = PreparedWrites.open(tx);
            InboundLog inbound;
            try {
                inbound = InboundLog.prepare(tx, writes, now);
            } catch (RuntimeException e) {
                writes.close();
                throw e;
            }
            return new RowWriter() {
                @Override
                public boolean write(ChangeRow row) {
                    if (!row.lostAtShop()) {
                        applier.apply(tx, row);
                    }
                    inbound.append(row);
                    return true;
                }

                @Override
                public void close() {
                    writes.close();
                }
            };
        });
    }

    /**
     * The careful path (the only one before bulk applying existed): each new row under its own savepoint,
     * a row that fails by its own fault quarantined, the rest applied.
     */
    private PushResult applyRowByRow(DSLContext replica, String shopId, PushRequest batch) {
        return replica.transactionResult(c -> {
            DSLContext tx = c.dsl();
            PushResult result = applyNewRows(tx, batch, now -> row -> applyOne(tx, row, now));
            if (result instanceof PushResult.Accepted accepted && !accepted.response().quarantined().isEmpty()) {
                List<Long> quarantined = accepted.response().quarantined();
                log.warn("Shop {}: {} row(s) quarantined (seq {})", shopId, quarantined.size(), quarantined);
            }
            return result;
        });
    }

    /** How one path writes a row above the high-water mark: true when applied, false when quarantined. */
    private interface RowWriter extends AutoCloseable {

        boolean write(ChangeRow row);

        @Override
        default void close() {
        }
    }

    /**
     * What both paths do around their rows, in the caller's transaction: a gap before the batch is
     * answered without writing, rows at or below the high-water mark are skipped (repeats are harmless),
     * the others go to the writer opened for this batch, then the high-water mark moves to the last seq.
     */
    private PushResult applyNewRows(DSLContext tx, PushRequest batch, Function<String, RowWriter> open) {
        long highWater = highWater(tx);
        if (batch.firstSeq() > highWater + 1) {
            return new PushResult.Gap(highWater + 1, highWater);
        }
        String now = Instant.now(clock).toString();
        RemoteWrites.begin(tx);
        int applied = 0;
        int skipped = 0;
        List<Long> quarantined = new ArrayList<>();
        try (RowWriter writer = open.apply(now)) {
            for (ChangeRow row : batch.rows()) {
                if (skipAtOrBelowHighWater && row.seq() <= highWater) {
                    skipped++;
                } else if (writer.write(row)) {
                    applied++;
                } else {
                    quarantined.add(row.seq());
                }
            }
        }
        long acked = Math.max(highWater, batch.lastSeq());
        moveHighWater(tx, acked, now);
        RemoteWrites.end(tx);
        return new PushResult.Accepted(new PushResponse(acked, applied, skipped, quarantined));
    }

    private static long highWater(DSLContext tx) {
        return tx.select(REPLICA_STATE.HIGH_WATER_SEQ).from(REPLICA_STATE).where(REPLICA_STATE.ID.eq(1)).fetchSingle().value1();
    }

    private static void moveHighWater(DSLContext tx, long acked, String now) {
        tx.update(REPLICA_STATE).set(REPLICA_STATE.HIGH_WATER_SEQ, acked).set(REPLICA_STATE.UPDATED_AT, now)
                .where(REPLICA_STATE.ID.eq(1)).execute();
    }

    /** True when applied; false when quarantined. Rethrows failures that are not the row's fault. */
    private boolean applyOne(DSLContext tx, ChangeRow row, String now) {
        try {
            tx.transaction(savepoint -> {
                if (!row.lostAtShop()) { // logged for the ETL only: the shop itself kept the hub's row
                    applier.apply(savepoint.dsl(), row);
                }
                appendInbound(savepoint.dsl(), row, now);
            });
            return true;
        } catch (RuntimeException e) {
            if (!ApplyFailures.isRowFault(e)) {
                throw e;
            }
            tx.insertInto(REPLICA_QUARANTINE)
                    .set(REPLICA_QUARANTINE.SHOP_SEQ, row.seq())
                    .set(REPLICA_QUARANTINE.TABLE_NAME, row.table())
                    .set(REPLICA_QUARANTINE.RECORD_ID, row.recordId())
                    .set(REPLICA_QUARANTINE.OP, row.op().name())
                    .set(REPLICA_QUARANTINE.PAYLOAD, SyncJson.writePayload(row.payload()))
                    .set(REPLICA_QUARANTINE.HLC, row.hlc())
                    .set(REPLICA_QUARANTINE.REASON, ApplyFailures.reason(e))
                    .set(REPLICA_QUARANTINE.CREATED_AT, now)
                    .onConflict(REPLICA_QUARANTINE.SHOP_SEQ).doNothing()
                    .execute();
            return false;
        }
    }

    static void appendInbound(DSLContext tx, ChangeRow row, String now) {
        tx.insertInto(REPLICA_INBOUND_LOG)
                .set(REPLICA_INBOUND_LOG.SEQ, row.seq())
                // The ETL's order: next in append order, also for a row retried from quarantine long after.
                .set(REPLICA_INBOUND_LOG.ETL_SEQ, DSL.select(DSL.coalesce(DSL.max(REPLICA_INBOUND_LOG.ETL_SEQ), 0L).plus(1L))
                        .from(REPLICA_INBOUND_LOG))
                .set(REPLICA_INBOUND_LOG.TABLE_NAME, row.table())
                .set(REPLICA_INBOUND_LOG.RECORD_ID, row.recordId())
                .set(REPLICA_INBOUND_LOG.OP, row.op().name())
                .set(REPLICA_INBOUND_LOG.PAYLOAD, SyncJson.writePayload(row.payload()))
                .set(REPLICA_INBOUND_LOG.HLC, row.hlc())
                .set(REPLICA_INBOUND_LOG.APPLIED_AT, now)
                .execute();
    }

    /**
     * The inbound-log insert of the bulk path, prepared once per batch: the ETL order ({@code etl_seq})
     * is read once and counted up in the transaction instead of a {@code max()} sub-select per row.
     */
    private static final class InboundLog {

        private static final String INSERT = "INSERT INTO replica_inbound_log"
                + " (seq, etl_seq, table_name, record_id, op, payload, hlc, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

        private final PreparedStatement insert;
        private final String now;
        private long nextEtlSeq;

        private InboundLog(PreparedStatement insert, String now, long nextEtlSeq) {
            this.insert = insert;
            this.now = now;
            this.nextEtlSeq = nextEtlSeq;
        }

        static InboundLog prepare(DSLContext tx, PreparedWrites writes, String now) {
            long next = tx.select(DSL.coalesce(DSL.max(REPLICA_INBOUND_LOG.ETL_SEQ), 0L).plus(1L)).from(REPLICA_INBOUND_LOG)
                    .fetchSingle().value1();
            return new InboundLog(writes.statement(INSERT), now, next);
        }

        void append(ChangeRow row) {
            try {
                insert.setLong(1, row.seq());
                insert.setLong(2, nextEtlSeq++);
                insert.setString(3, row.table());
                insert.setString(4, row.recordId());
                insert.setString(5, row.op().name());
                insert.setString(6, SyncJson.writePayload(row.payload()));
                insert.setString(7, row.hlc());
                insert.setString(8, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("Inbound log insert of seq " + row.seq() + " failed: " + e.getMessage(), e);
            }
        }
    }
}
