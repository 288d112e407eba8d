package com.lightningpos.etl.sync.replica;

import static com.lightningpos.db.shop.Tables.REPLICA_OUTBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_STATE;

import com.lightningpos.etl.change.ApplyFailures;
import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.NewerCatalogRow;
import com.lightningpos.etl.change.RemoteWrites;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.sync.PullResponse;
import com.lightningpos.etl.sync.SyncJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hub changes waiting for a shop: appended by the propagator, paged out to the shop on pull. */
final class OutboundLog {

    private static final Logger log = LoggerFactory.getLogger(OutboundLog.class);

    private final RowApplier applier;
    private final Clock clock;

    OutboundLog(RowApplier applier, Clock clock) {
        this.applier = applier;
        this.clock = clock;
    }

    PullResponse pull(DSLContext replica, long after, int limit) {
        if (after > 0) {
            // The shop holds everything up to `after`: what log retention may prune.
            var held = DSL.least(DSL.val(after),
                    DSL.field(DSL.select(DSL.coalesce(DSL.max(REPLICA_OUTBOUND_LOG.SEQ), 0L)).from(REPLICA_OUTBOUND_LOG)));
            // Written only when it moves, so that a shop that pulls and finds nothing costs no write.
            replica.update(REPLICA_STATE)
                    .set(REPLICA_STATE.PULLED_UP_TO_SEQ, held)
                    .where(REPLICA_STATE.PULLED_UP_TO_SEQ.lt(held))
                    .execute();
        }
        List<ChangeRow> rows = replica.selectFrom(REPLICA_OUTBOUND_LOG)
                .where(REPLICA_OUTBOUND_LOG.SEQ.gt(after))
                .orderBy(REPLICA_OUTBOUND_LOG.SEQ)
                .limit(limit)
                .fetch(r -> {
                    Map<String, Object> payload = SyncJson.readPayload(r.getPayload());
                    Object origin = payload.get("last_modified_shop_id");
                    return new ChangeRow(r.getSeq(), r.getTableName(), r.getRecordId(), ChangeOp.valueOf(r.getOp()),
                            payload, r.getHlc(), origin == null ? null : origin.toString());
                });
        long next = rows.isEmpty() ? after : rows.get(rows.size() - 1).seq();
        long remaining = replica.fetchCount(REPLICA_OUTBOUND_LOG, REPLICA_OUTBOUND_LOG.SEQ.gt(next));
        return new PullResponse(rows, next, remaining > 0, remaining);
    }

    /**
     * Applies hub changes to the replica's own tables and queues them for the shop, in one
     * transaction. A change whose hub sequence is already queued is skipped, so redelivery is
     * harmless; a catalog row older than the one the replica holds is queued but not applied. A change the replica cannot hold is still queued (the shop decides for itself).
     */
    private static boolean supersededHere(DSLContext tx, ChangeRow row) {
        return row.op() != ChangeOp.DELETE && SyncedTable.byName(row.table())
                .map(table -> NewerCatalogRow.alreadyHeld(tx, table, row.recordId(), row.payload().get("last_modified_at")))
                .orElse(false);
    }

    int append(DSLContext replica, List<OutboundChange> changes) {
        return replica.transactionResult(c -> {
            DSLContext tx = c.dsl();
            String now = Instant.now(clock).toString();
            RemoteWrites.begin(tx);
            int appended = 0;
            for (OutboundChange change : changes) {
                if (tx.fetchExists(REPLICA_OUTBOUND_LOG, REPLICA_OUTBOUND_LOG.HUB_CHANGE_SEQ.eq(change.hubChangeSeq()))) {
                    continue;
                }
                ChangeRow row = change.change();
                try {
                    if (!supersededHere(tx, row)) { // the newer HLC wins, as at the shops
                        tx.transaction(savepoint -> applier.apply(savepoint.dsl(), row));
                    }
                } catch (RuntimeException e) {
                    if (!ApplyFailures.isRowFault(e)) {
                        throw e;
                    }
                    log.warn("Hub change {} ({} {}) does not fit this replica: {}", change.hubChangeSeq(), row.table(),
                            row.recordId(), ApplyFailures.reason(e));
                }
                tx.insertInto(REPLICA_OUTBOUND_LOG)
                        .set(REPLICA_OUTBOUND_LOG.HUB_CHANGE_SEQ, change.hubChangeSeq())
                        .set(REPLICA_OUTBOUND_LOG.TABLE_NAME, row.table())
                        .set(REPLICA_OUTBOUND_LOG.RECORD_ID, row.recordId())
                        .set(REPLICA_OUTBOUND_LOG.OP, row.op().name())
                        .set(REPLICA_OUTBOUND_LOG.PAYLOAD, SyncJson.writePayload(row.payload()))
                        .set(REPLICA_OUTBOUND_LOG.HLC, row.hlc())
                        .set(REPLICA_OUTBOUND_LOG.CREATED_AT, now)
                        .execute();
                appended++;
            }
            RemoteWrites.end(tx);
            return appended;
        });
    }
}
