package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;

import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Reads the catalog change sequence, so head office (and acceptance tests) can see what an edit
 * queued for the shops. Keyed by sequence and by record (the {@code catalog_changes_record} index).
 */
@Component
public class CatalogChanges {

    private final DSLContext db;

    public CatalogChanges(DSLContext db) {
        this.db = db;
    }

    /** Changes after {@code afterSeq}, oldest first; only those of {@code recordId} when given. */
    public List<CatalogChangeRow> after(long afterSeq, UUID recordId, int limit) {
        Condition condition = CATALOG_CHANGES.SEQ.gt(afterSeq);
        if (recordId != null) {
            condition = condition.and(CATALOG_CHANGES.RECORD_ID.eq(recordId));
        }
        return db.selectFrom(CATALOG_CHANGES)
                .where(condition)
                .orderBy(CATALOG_CHANGES.SEQ)
                .limit(limit)
                .fetch(r -> new CatalogChangeRow(r.getSeq(), r.getTableName(), r.getRecordId(), r.getOp(), r.getHlc(),
                        r.getOriginShopId(), r.getChangedBy(), r.getCreatedAt(), r.getPayload().data()));
    }
}
