package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The hub's bookkeeping of what shops do: when each was last seen and last pushed, which schema
 * it runs, and waking its ETL job after a push (the job row for other hub instances, the Spring
 * event for this one).
 */
@Component
class ShopActivity {

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShopActivity(DSLContext db, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    void seen(UUID shopId, Integer schemaVersion) {
        var update = db.update(SHOPS).set(SHOPS.LAST_SEEN_AT, now());
        (schemaVersion == null ? update : update.set(SHOPS.SCHEMA_VERSION, schemaVersion))
                .where(SHOPS.ID.eq(shopId)).execute();
    }

    void pushed(UUID shopId, int schemaVersion) {
        OffsetDateTime now = now();
        db.transaction(c -> {
            DSLContext tx = c.dsl();
            tx.update(SHOPS).set(SHOPS.LAST_SEEN_AT, now).set(SHOPS.LAST_PUSH_AT, now).set(SHOPS.SCHEMA_VERSION, schemaVersion)
                    .where(SHOPS.ID.eq(shopId)).execute();
            wakeEtl(tx, shopId, now);
        });
        events.publishEvent(new ShopChangesPushed(shopId));
    }

    /** A newly enrolled shop needs the catalog in its replica before its first pull. */
    void enrolled(UUID shopId) {
        db.transaction(c -> wakeEtl(c.dsl(), shopId, now()));
        events.publishEvent(new ShopChangesPushed(shopId));
    }

    private static void wakeEtl(DSLContext tx, UUID shopId, OffsetDateTime now) {
        tx.insertInto(ETL_JOBS).set(ETL_JOBS.SHOP_ID, shopId).set(ETL_JOBS.WAKE_REQUESTED_AT, now)
                .onConflict(ETL_JOBS.SHOP_ID).doUpdate().set(ETL_JOBS.WAKE_REQUESTED_AT, now)
                .execute();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
