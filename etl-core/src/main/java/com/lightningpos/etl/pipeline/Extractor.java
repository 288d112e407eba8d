package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lightningpos.etl.change.ChangeOp;
import com.lightningpos.etl.change.ChangeRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Reads a replica's inbound log after the shop's ETL cursor, in bounded batches. The cursor follows
 * the log's append order ({@code etl_seq}); the returned rows carry it as their {@code seq}.
 */
public final class Extractor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() { };

    private final ReplicaOpener replicas;

    public Extractor(ReplicaOpener replicas) {
        this.replicas = replicas;
    }

    public List<ChangeRow> after(UUID shopId, long cursor, int limit) {
        DSLContext replica = DSL.using(replicas.replica(shopId), SQLDialect.SQLITE);
        return replica.selectFrom(REPLICA_INBOUND_LOG)
                .where(REPLICA_INBOUND_LOG.ETL_SEQ.gt(cursor))
                .orderBy(REPLICA_INBOUND_LOG.ETL_SEQ)
                .limit(limit)
                .fetch(r -> new ChangeRow(r.getEtlSeq(), r.getTableName(), r.getRecordId(), ChangeOp.valueOf(r.getOp()),
                        parse(r.getPayload()), r.getHlc(), shopId.toString()));
    }

    /** Rows waiting after {@code cursor} and when the oldest of them was applied to the replica. */
    public Backlog backlog(UUID shopId, long cursor) {
        DSLContext replica = DSL.using(replicas.replica(shopId), SQLDialect.SQLITE);
        var row = replica.select(DSL.count(), DSL.min(REPLICA_INBOUND_LOG.APPLIED_AT))
                .from(REPLICA_INBOUND_LOG)
                .where(REPLICA_INBOUND_LOG.ETL_SEQ.gt(cursor))
                .fetchOne();
        return new Backlog(row.value1(), row.value2());
    }

    /** What the ETL has not loaded yet. */
    public record Backlog(long rows, String oldestAppliedAt) {
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, ROW);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable change payload", e);
        }
    }
}
