package com.lightningpos.etl.simulation;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SHOP_PROPAGATION_CURSORS;
import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_OUTBOUND_LOG;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;

import com.lightningpos.etl.sync.client.SyncOutcome;
import com.lightningpos.etl.sync.client.SyncStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Is anything left to do? Nothing on the wire; every till up, enrolled, updated, idle, its last
 * run clean, its outbox drained and its catalog cursor at the end of its replica's outbound log;
 * the hub up, its ETL cursor at the end of every replica's inbound log and every shop's
 * propagation cursor at the newest catalog change. Lists what is still pending (empty = quiet).
 */
final class Quiescence {

    private final List<SimShop> shops;
    private final SimHub hub;
    private final DSLContext postgres;
    private final Network network;
    private final Simulation.HubSettings settings;

    Quiescence(List<SimShop> shops, SimHub hub, DSLContext postgres, Network network, Simulation.HubSettings settings) {
        this.shops = shops;
        this.hub = hub;
        this.postgres = postgres;
        this.network = network;
        this.settings = settings;
    }

    List<String> pending() {
        List<String> pending = new ArrayList<>();
        if (!hub.up()) {
            pending.add("the hub is down");
            return pending;
        }
        if (!network.idle()) {
            pending.add("messages on the wire");
        }
        Long newest = postgres.select(DSL.max(CATALOG_CHANGES.SEQ)).from(CATALOG_CHANGES).fetchOne(0, Long.class);
        for (SimShop shop : shops) {
            if (!shop.up()) {
                pending.add("shop " + shop.name + " is " + shop.state());
                continue;
            }
            if (shop.clientVersion() < settings.required()) {
                pending.add("shop " + shop.name + " runs schema " + shop.clientVersion());
            }
            if (shop.busy()) {
                pending.add("shop " + shop.name + " is syncing");
            }
            SyncOutcome last = shop.lastOutcome();
            if (last == null || !last.ok()) {
                pending.add("shop " + shop.name + "'s last sync: " + (last == null ? "none" : last.errorCode() + " " + last.error()));
            }
            DSLContext till = shop.inspect();
            int outbox = till.fetchCount(SYNC_CHANGES, SYNC_CHANGES.SYNC_STATUS.eq("pending"));
            if (outbox > 0) {
                pending.add("shop " + shop.name + " has " + outbox + " pending outbox rows");
            }
            DSLContext replica = hub.replicas().dsl(shop.id);
            long outbound = replica.select(DSL.coalesce(DSL.max(REPLICA_OUTBOUND_LOG.SEQ), 0L)).from(REPLICA_OUTBOUND_LOG).fetchOne(0, Long.class);
            long cursor = till.select(SYNC_STATE.CURSOR).from(SYNC_STATE)
                    .where(SYNC_STATE.STREAM.eq(SyncStream.CATALOG_DOWN.key())).fetchOne(SYNC_STATE.CURSOR);
            if (cursor != outbound) {
                pending.add("shop " + shop.name + " pulled up to " + cursor + " of " + outbound);
            }
            UUID id = UUID.fromString(shop.id);
            long inbound = replica.select(DSL.coalesce(DSL.max(REPLICA_INBOUND_LOG.ETL_SEQ), 0L)).from(REPLICA_INBOUND_LOG).fetchOne(0, Long.class);
            Long etl = postgres.select(ETL_JOBS.INBOUND_CURSOR).from(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(id)).fetchOne(ETL_JOBS.INBOUND_CURSOR);
            if (inbound > 0 && (etl == null || etl < inbound)) {
                pending.add("the ETL loaded shop " + shop.name + " up to " + etl + " of " + inbound);
            }
            Long propagated = postgres.select(SHOP_PROPAGATION_CURSORS.LAST_SEQ).from(SHOP_PROPAGATION_CURSORS)
                    .where(SHOP_PROPAGATION_CURSORS.SHOP_ID.eq(id)).fetchOne(SHOP_PROPAGATION_CURSORS.LAST_SEQ);
            if (propagated == null || (newest != null && propagated < newest)) {
                pending.add("catalog changes up to " + propagated + " of " + newest + " propagated to shop " + shop.name);
            }
        }
        return pending;
    }
}
