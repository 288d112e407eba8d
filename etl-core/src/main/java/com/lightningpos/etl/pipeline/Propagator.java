package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.SHOP_PROPAGATION_CURSORS;
import static com.lightningpos.db.shop.Tables.REPLICA_OUTBOUND_LOG;
import static com.lightningpos.db.shop.Tables.SYNC_CONTEXT;
import static org.jooq.impl.DSL.max;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.hub.HubTables;
import com.lightningpos.etl.hub.WireValues;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Delivers hub catalog changes to one shop's replica (sync_hub_to_shop). Each change is appended to
 * the replica's outbound log, where the shop pulls it, and applied to the replica's own tables so
 * the replica keeps mirroring the shop. Changes the shop itself made are skipped. A shop seen for the
 * first time receives the current catalog instead of the whole history.
 *
 * <p>The replica write commits before the hub cursor moves; a crash in between only repeats the
 * delivery, which the unique {@code hub_change_seq} and the newer-HLC-wins apply make harmless.
 */
public final class Propagator {

    private final ReplicaOpener replicas;
    private final ReplicaCatalogApplier applier;
    private final Clock clock;
    private final int batchSize;

    public Propagator(ReplicaOpener replicas, Clock clock, int batchSize) {
        this.replicas = replicas;
        this.applier = new ReplicaCatalogApplier();
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Delivers what is pending for {@code shopId}, in the caller's hub transaction; returns rows delivered. */
    public int propagate(DSLContext hubTx, UUID shopId) {
        var cursor = hubTx.selectFrom(SHOP_PROPAGATION_CURSORS)
                .where(SHOP_PROPAGATION_CURSORS.SHOP_ID.eq(shopId))
                .forUpdate()
                .fetchOne();
        if (cursor == null) {
            return bootstrap(hubTx, shopId);
        }
        int delivered = 0;
        long last = cursor.getLastSeq();
        while (true) {
            var changes = hubTx.selectFrom(CATALOG_CHANGES)
                    .where(CATALOG_CHANGES.SEQ.gt(last))
                    .orderBy(CATALOG_CHANGES.SEQ)
                    .limit(batchSize)
                    .fetch();
            if (changes.isEmpty()) {
                break;
            }
            List<Outbound> outbound = new ArrayList<>();
            for (var change : changes) {
                if (!shopId.equals(change.getOriginShopId())) {
                    outbound.add(new Outbound(change.getSeq(), change.getTableName(), change.getRecordId().toString(),
                            change.getOp(), Extractor.parse(change.getPayload().data()), change.getHlc()));
                }
            }
            writeToReplica(shopId, outbound);
            delivered += outbound.size();
            last = changes.get(changes.size() - 1).getSeq();
        }
        if (last != cursor.getLastSeq()) {
            hubTx.update(SHOP_PROPAGATION_CURSORS)
                    .set(SHOP_PROPAGATION_CURSORS.LAST_SEQ, last)
                    .set(SHOP_PROPAGATION_CURSORS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(SHOP_PROPAGATION_CURSORS.SHOP_ID.eq(shopId))
                    .execute();
        }
        return delivered;
    }

    private int bootstrap(DSLContext hubTx, UUID shopId) {
        // Read the sequence first: rows read afterwards may be newer than it, and those changes are
        // delivered again later, which the newer-HLC-wins apply makes harmless; the other order could lose one.
        Long upTo = hubTx.select(max(CATALOG_CHANGES.SEQ)).from(CATALOG_CHANGES).fetchOne(0, Long.class);
        List<Outbound> outbound = new ArrayList<>();
        for (SyncedTable table : SyncedTable.catalog()) {
            var hub = HubTables.of(table);
            for (var row : hubTx.selectFrom(hub).orderBy(hub.field("id")).fetch()) {
                Map<String, Object> wire = WireValues.toWire(row, table.shopTable());
                outbound.add(new Outbound(null, table.tableName(), wire.get("id").toString(), "INSERT", wire,
                        String.valueOf(wire.get("last_modified_at"))));
            }
        }
        writeToReplica(shopId, outbound);
        hubTx.insertInto(SHOP_PROPAGATION_CURSORS)
                .set(SHOP_PROPAGATION_CURSORS.SHOP_ID, shopId)
                .set(SHOP_PROPAGATION_CURSORS.LAST_SEQ, upTo == null ? 0L : upTo)
                .set(SHOP_PROPAGATION_CURSORS.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
        return outbound.size();
    }

    private void writeToReplica(UUID shopId, List<Outbound> rows) {
        if (rows.isEmpty()) {
            return;
        }
        DSLContext replica = DSL.using(replicas.replica(shopId), SQLDialect.SQLITE);
        String now = Instant.now(clock).toString();
        replica.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, true).execute();
            for (Outbound row : rows) {
                int inserted = tx.insertInto(REPLICA_OUTBOUND_LOG)
                        .set(REPLICA_OUTBOUND_LOG.HUB_CHANGE_SEQ, row.hubSeq())
                        .set(REPLICA_OUTBOUND_LOG.TABLE_NAME, row.table())
                        .set(REPLICA_OUTBOUND_LOG.RECORD_ID, row.recordId())
                        .set(REPLICA_OUTBOUND_LOG.OP, row.op())
                        .set(REPLICA_OUTBOUND_LOG.PAYLOAD, com.lightningpos.etl.hub.HubJson.write(row.payload()))
                        .set(REPLICA_OUTBOUND_LOG.HLC, row.hlc())
                        .set(REPLICA_OUTBOUND_LOG.CREATED_AT, now)
                        .onConflictDoNothing()
                        .execute();
                if (inserted > 0) {
                    applier.apply(tx, SyncedTable.byName(row.table()).orElseThrow(), row.payload());
                }
            }
            tx.update(SYNC_CONTEXT).set(SYNC_CONTEXT.APPLYING_REMOTE, false).execute();
        });
    }

    private record Outbound(Long hubSeq, String table, String recordId, String op, Map<String, Object> payload,
                            String hlc) {
    }
}
