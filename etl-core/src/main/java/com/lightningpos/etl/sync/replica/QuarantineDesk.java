package com.lightningpos.etl.sync.replica;

import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_QUARANTINE;

import com.lightningpos.db.shop.tables.records.ReplicaQuarantineRecord;
import com.lightningpos.etl.change.ApplyFailures;
import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.RemoteWrites;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.sync.SyncJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Support's view of a replica's quarantined rows: list, retry (after fixing the cause), discard. */
final class QuarantineDesk {

    private final RowApplier applier;
    private final Clock clock;

    QuarantineDesk(RowApplier applier, Clock clock) {
        this.applier = applier;
        this.clock = clock;
    }

    List<QuarantinedRow> list(DSLContext replica, boolean openOnly) {
        return replica.selectFrom(REPLICA_QUARANTINE)
                .where(openOnly ? REPLICA_QUARANTINE.STATUS.eq("open") : DSL.noCondition())
                .orderBy(REPLICA_QUARANTINE.SHOP_SEQ)
                .fetch(QuarantineDesk::toRow);
    }

    long openCount(DSLContext replica) {
        return replica.fetchCount(REPLICA_QUARANTINE, REPLICA_QUARANTINE.STATUS.eq("open"));
    }

    RetryOutcome retry(DSLContext replica, long id, String by) {
        return replica.transactionResult(c -> {
            DSLContext tx = c.dsl();
            ReplicaQuarantineRecord q = open(tx, id);
            if (q == null) {
                return new RetryOutcome(RetryOutcome.Result.NOT_FOUND, null);
            }
            String now = Instant.now(clock).toString();
            Long later = tx.select(DSL.max(REPLICA_INBOUND_LOG.SEQ)).from(REPLICA_INBOUND_LOG)
                    .where(REPLICA_INBOUND_LOG.TABLE_NAME.eq(q.getTableName()), REPLICA_INBOUND_LOG.RECORD_ID.eq(q.getRecordId()),
                            REPLICA_INBOUND_LOG.SEQ.gt(q.getShopSeq()))
                    .fetchOne(0, Long.class);
            if (later != null) {
                String note = "superseded by the shop's later change seq " + later;
                settle(tx, q, "discarded", by, note, now);
                return new RetryOutcome(RetryOutcome.Result.SUPERSEDED, note);
            }
            ChangeRow row = new ChangeRow(q.getShopSeq(), q.getTableName(), q.getRecordId(), ChangeOp.valueOf(q.getOp()),
                    SyncJson.readPayload(q.getPayload()), q.getHlc(), null);
            RemoteWrites.begin(tx);
            try {
                tx.transaction(savepoint -> {
                    applier.apply(savepoint.dsl(), row);
                    PushApplier.appendInbound(savepoint.dsl(), row, now);
                });
            } catch (RuntimeException e) {
                if (!ApplyFailures.isRowFault(e)) {
                    throw e;
                }
                String reason = ApplyFailures.reason(e);
                tx.update(REPLICA_QUARANTINE).set(REPLICA_QUARANTINE.REASON, reason).where(REPLICA_QUARANTINE.ID.eq(q.getId())).execute();
                RemoteWrites.end(tx);
                return new RetryOutcome(RetryOutcome.Result.STILL_FAILING, reason);
            }
            settle(tx, q, "retried", by, null, now);
            RemoteWrites.end(tx);
            return new RetryOutcome(RetryOutcome.Result.APPLIED, null);
        });
    }

    boolean discard(DSLContext replica, long id, String by, String note) {
        return replica.transactionResult(c -> {
            ReplicaQuarantineRecord q = open(c.dsl(), id);
            if (q == null) {
                return false;
            }
            settle(c.dsl(), q, "discarded", by, note, Instant.now(clock).toString());
            return true;
        });
    }

    private static ReplicaQuarantineRecord open(DSLContext tx, long id) {
        return tx.selectFrom(REPLICA_QUARANTINE)
                .where(REPLICA_QUARANTINE.ID.eq((int) id), REPLICA_QUARANTINE.STATUS.eq("open"))
                .fetchOne();
    }

    private static void settle(DSLContext tx, ReplicaQuarantineRecord q, String status, String by, String note, String now) {
        tx.update(REPLICA_QUARANTINE)
                .set(REPLICA_QUARANTINE.STATUS, status)
                .set(REPLICA_QUARANTINE.SETTLED_AT, now)
                .set(REPLICA_QUARANTINE.SETTLED_BY, by)
                .set(REPLICA_QUARANTINE.SETTLE_NOTE, note)
                .where(REPLICA_QUARANTINE.ID.eq(q.getId()))
                .execute();
    }

    private static QuarantinedRow toRow(ReplicaQuarantineRecord r) {
        return new QuarantinedRow(r.getId(), r.getShopSeq(), r.getTableName(), r.getRecordId(), r.getOp(),
                SyncJson.readPayload(r.getPayload()), r.getHlc(), r.getReason(), r.getStatus(), r.getCreatedAt(),
                r.getSettledAt(), r.getSettledBy(), r.getSettleNote());
    }
}
