package com.lightningpos.hub.consistency;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The latest check of one shop's table, as stored in {@code consistency_results}. */
public record ConsistencyResult(UUID shopId, String shopName, String table, OffsetDateTime checkedAt,
                                Long shopRows, String shopChecksum, Long replicaRows, String replicaChecksum,
                                Long hubRows, String hubChecksum, boolean differs, String note) {

    /** A difference, or a tier left out (stale or missing shop report, changes in flight). */
    public boolean needsAttention() {
        return differs || note != null;
    }
}
