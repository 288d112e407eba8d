package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.hub.HubTables;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.dashboard.ReplicaConsistency;
import com.lightningpos.hub.dashboard.ReplicaConsistencyProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Compares a shop's cloud replica with what PostgreSQL holds for the shop: per shop-owned table the
 * row counts, and whether the ETL has loaded everything the replica applied. (The shop compares
 * itself with its replica through {@code GET /sync/v1/shops/{id}/consistency}, checksums included.)
 */
@Component
class ReplicaVersusHubCheck implements ReplicaConsistencyProvider {

    private final ReplicaStore replicas;
    private final DSLContext hub;
    private final Clock clock;

    ReplicaVersusHubCheck(ReplicaStore replicas, DSLContext hub, Clock clock) {
        this.replicas = replicas;
        this.hub = hub;
        this.clock = clock;
    }

    @Override
    public ReplicaConsistency check(UUID shopId) {
        if (!replicas.exists(shopId.toString())) {
            return new ReplicaConsistency(true, Instant.now(clock), "No replica yet: the shop has never pushed.", List.of());
        }
        DSLContext replica = replicas.dsl(shopId);
        List<String> differences = new ArrayList<>();
        Long loadedUpTo = hub.select(ETL_JOBS.INBOUND_CURSOR).from(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(shopId))
                .fetchOne(ETL_JOBS.INBOUND_CURSOR);
        Long applied = replica.select(DSL.max(REPLICA_INBOUND_LOG.ETL_SEQ)).from(REPLICA_INBOUND_LOG).fetchOne(0, Long.class);
        long waiting = (applied == null ? 0 : applied) - (loadedUpTo == null ? 0 : loadedUpTo);
        for (SyncedTable table : SyncedTable.shopOwned()) {
            long inReplica = replica.fetchCount(table.shopTable());
            var hubTable = HubTables.of(table);
            long inHub = hub.fetchCount(hubTable, HubTables.field(hubTable, "shop_id", UUID.class).eq(shopId));
            if (inReplica != inHub) {
                differences.add(table.tableName() + ": replica " + inReplica + " rows, hub " + inHub);
            }
        }
        String summary = differences.isEmpty()
                ? "Replica and hub agree on every shop-owned table."
                : waiting > 0 ? waiting + " replica changes are still waiting for the ETL; differences may be that backlog."
                : "Replica and hub differ although nothing is waiting: see the tables listed.";
        return new ReplicaConsistency(differences.isEmpty(), Instant.now(clock), summary, differences);
    }
}
