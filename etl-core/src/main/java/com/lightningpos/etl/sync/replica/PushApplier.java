package com.lightningpos.etl.sync.replica;

import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_QUARANTINE;
import static com.lightningpos.db.shop.Tables.REPLICA_STATE;

import com.lightningpos.etl.change.ApplyFailures;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.RemoteWrites;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.SyncJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one validated batch to a replica in ONE SQLite transaction: rows at or below the
 * high-water mark are skipped (so repeats are harmless), each new row is applied under its own
 * savepoint and logged for the ETL, a row that fails by its own fault is quarantined instead, and
 * the high-water mark moves to the batch's last seq. Any other failure rolls everything back.
 */
final class PushApplier {

    private static final Logger log = LoggerFactory.getLogger(PushApplier.class);

    private final RowApplier applier;
    private final Clock clock;
    private final boolean skipAtOrBelowHighWater;

    PushApplier(RowApplier applier, Clock clock) {
        this(applier, clock, true);
    }

    /** {@code skipAtOrBelowHighWater = false} only plants a bug for the simulation's self-test. */
    PushApplier(RowApplier applier, Clock clock, boolean skipAtOrBelowHighWater) {
        this.applier = applier;
        this.clock = clock;
        this.skipAtOrBelowHighWater = skipAtOrBelowHighWater;
    }

    PushResult apply(DSLContext replica, String shopId, PushRequest batch) {
        return replica.transactionResult(c -> {
            DSLContext tx = c.dsl();
            long highWater = tx.select(REPLICA_STATE.HIGH_WATER_SEQ).from(REPLICA_STATE).where(REPLICA_STATE.ID.eq(1)).fetchSingle().value1();
            if (batch.firstSeq() > highWater + 1) {
                return new PushResult.Gap(highWater + 1, highWater);
            }
            String now = Instant.now(clock).toString();
            RemoteWrites.begin(tx);
            int applied = 0;
            int skipped = 0;
            List<Long> quarantined = new ArrayList<>();
            for (ChangeRow row : batch.rows()) {
                if (skipAtOrBelowHighWater && row.seq() <= highWater) {
                    skipped++;
                } else if (applyOne(tx, row, now)) {
                    applied++;
                } else {
                    quarantined.add(row.seq());
                }
            }
            long acked = Math.max(highWater, batch.lastSeq());
            tx.update(REPLICA_STATE).set(REPLICA_STATE.HIGH_WATER_SEQ, acked).set(REPLICA_STATE.UPDATED_AT, now)
                    .where(REPLICA_STATE.ID.eq(1)).execute();
            RemoteWrites.end(tx);
            if (!quarantined.isEmpty()) {
                log.warn("Shop {}: {} row(s) quarantined (seq {})", shopId, quarantined.size(), quarantined);
            }
            return new PushResult.Accepted(new PushResponse(acked, applied, skipped, quarantined));
        });
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
}
