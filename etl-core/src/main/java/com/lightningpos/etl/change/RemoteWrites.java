package com.lightningpos.etl.change;

import static com.lightningpos.db.shop.Tables.SYNC_CONTEXT;

import org.jooq.DSLContext;

/**
 * Marks a shop-schema transaction as applying rows that came from the other side, so the capture
 * triggers leave the outbox alone. Call {@link #begin} first thing in the transaction and
 * {@link #end} just before it commits; a rollback resets the flag by itself.
 */
public final class RemoteWrites {

    private RemoteWrites() {
    }

    public static void begin(DSLContext tx) {
        tx.update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, true).where(SYNC_CONTEXT.ID.eq(1)).execute();
    }

    public static void end(DSLContext tx) {
        tx.update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, false).where(SYNC_CONTEXT.ID.eq(1)).execute();
    }
}
