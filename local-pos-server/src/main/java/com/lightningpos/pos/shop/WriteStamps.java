package com.lightningpos.pos.shop;

import static com.lightningpos.db.shop.Tables.SYNC_CONTEXT;

import com.lightningpos.etl.clock.HybridLogicalClock;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Starts a local business write. The capture triggers take the outbox row's {@code hlc} from
 * {@code sync_context.hlc}, so it is set first, inside the same transaction: a rollback also
 * undoes it, and SQLite's single writer means no other transaction can see or change it meanwhile.
 */
@Component
public class WriteStamps {

    private final HybridLogicalClock hlc;
    private final ShopIdentityService identity;
    private final Clock clock;

    public WriteStamps(HybridLogicalClock hlc, ShopIdentityService identity, Clock clock) {
        this.hlc = hlc;
        this.identity = identity;
        this.clock = clock;
    }

    /** Call at the start of a write transaction, with the transaction's {@code DSLContext}. */
    public WriteStamp begin(DSLContext tx) {
        String stamp = hlc.now().encode();
        tx.update(SYNC_CONTEXT).set(SYNC_CONTEXT.HLC, stamp).where(SYNC_CONTEXT.ID.eq(1)).execute();
        return new WriteStamp(identity.current().shopId(), stamp, Timestamps.format(clock.instant()));
    }

    /** This shop's id, for reads. */
    public String shopId() {
        return identity.current().shopId();
    }
}
