package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.sync.replica.RetryOutcome;
import com.lightningpos.hub.quarantine.QuarantineProvider;
import com.lightningpos.hub.quarantine.QuarantinedRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The console's view of the rows each replica quarantined. Ids are {@code <shopId>:<quarantine id>}
 * because every replica numbers its own quarantine. The retried row re-enters the replica's
 * inbound log at its end, so the ETL loads it on its next run.
 */
@Component
class ReplicaQuarantine implements QuarantineProvider {

    private final ReplicaStore replicas;
    private final DSLContext db;

    ReplicaQuarantine(ReplicaStore replicas, DSLContext db) {
        this.replicas = replicas;
        this.db = db;
    }

    @Override
    public List<QuarantinedRow> open(UUID shopId, int offset, int limit) {
        return allOpen(shopId).sorted(Comparator.comparing(QuarantinedRow::quarantinedAt)).skip(offset).limit(limit).toList();
    }

    @Override
    public int countOpen(UUID shopId) {
        return shops(shopId).stream().mapToInt(id -> (int) replicas.openQuarantineCount(id.toString())).sum();
    }

    @Override
    public RetryOutcome retry(String id) {
        Ref ref = Ref.parse(id);
        var outcome = replicas.retryQuarantined(ref.shopId(), ref.rowId(), "console");
        return new RetryOutcome(outcome.result() == com.lightningpos.etl.sync.replica.RetryOutcome.Result.APPLIED,
                outcome.reason());
    }

    @Override
    public void discard(String id, String reason, String discardedBy) {
        Ref ref = Ref.parse(id);
        replicas.discardQuarantined(ref.shopId(), ref.rowId(), discardedBy, reason);
    }

    private Stream<QuarantinedRow> allOpen(UUID shopId) {
        List<QuarantinedRow> rows = new ArrayList<>();
        for (UUID shop : shops(shopId)) {
            for (var q : replicas.quarantine(shop.toString(), true)) {
                rows.add(new QuarantinedRow(shop + ":" + q.id(), shop, q.table(), q.recordId(), q.op(),
                        SyncJson.writePayload(q.payload()), q.reason(), Instant.parse(q.createdAt()), 1));
            }
        }
        return rows.stream();
    }

    /** Shops that have a replica; a shop that never pushed has nothing quarantined. */
    private List<UUID> shops(UUID only) {
        List<UUID> ids = only != null ? List.of(only) : db.select(SHOPS.ID).from(SHOPS).fetch(SHOPS.ID);
        return ids.stream().filter(id -> replicas.exists(id.toString())).toList();
    }

    private record Ref(String shopId, long rowId) {
        static Ref parse(String id) {
            int colon = id.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Not a quarantined row id: " + id);
            }
            return new Ref(id.substring(0, colon), Long.parseLong(id.substring(colon + 1)));
        }
    }
}
