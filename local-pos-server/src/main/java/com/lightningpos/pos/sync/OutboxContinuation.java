package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;

import com.lightningpos.etl.sync.client.SyncStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A till that enrols for a shop whose changes the hub already holds (a replacement machine, a
 * re-enrolment after rotated credentials) continues the shop's change numbering after the hub's
 * high-water mark. Without this its first changes would carry numbers the hub has seen, and the
 * hub, which skips what it already applied, would drop them.
 */
final class OutboxContinuation {

    private static final Logger log = LoggerFactory.getLogger(OutboxContinuation.class);

    private OutboxContinuation() {
    }

    /** Renumbers the outbox after {@code highWater} unless it already lies above it; idempotent. */
    static void continueAfter(DSLContext db, long highWater) {
        if (highWater <= 0) {
            return;
        }
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Long lowest = tx.select(DSL.min(SYNC_CHANGES.SEQ)).from(SYNC_CHANGES).fetchOne(0, Long.class);
            if (lowest != null && lowest <= highWater) {
                // Two steps, so no renumbered row collides with a row not yet renumbered.
                tx.update(SYNC_CHANGES).set(SYNC_CHANGES.SEQ, SYNC_CHANGES.SEQ.neg()).execute();
                tx.update(SYNC_CHANGES).set(SYNC_CHANGES.SEQ, SYNC_CHANGES.SEQ.neg().plus(highWater)).execute();
                log.info("The hub already holds changes 1..{} of this shop: local changes renumbered after them", highWater);
            }
            long newest = DSL.using(tx.configuration()).select(DSL.coalesce(DSL.max(SYNC_CHANGES.SEQ), 0L))
                    .from(SYNC_CHANGES).fetchOne(0, Long.class);
            long next = Math.max(newest, highWater);
            // AUTOINCREMENT continues from sqlite_sequence; it has no jOOQ table of its own.
            if (tx.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_changes' AND seq < ?", next, next) == 0
                    && tx.fetchCount(DSL.table("sqlite_sequence"), DSL.field("name").eq("sync_changes")) == 0) {
                tx.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_changes', ?)", next);
            }
            tx.update(SYNC_STATE).set(SYNC_STATE.CURSOR, DSL.greatest(SYNC_STATE.CURSOR, DSL.val(highWater)))
                    .where(SYNC_STATE.STREAM.eq(SyncStream.SALES_UP.key())).execute();
        });
    }
}
