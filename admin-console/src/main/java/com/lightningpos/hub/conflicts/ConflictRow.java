package com.lightningpos.hub.conflicts;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A conflict in the list: what collided, the rule the hub applied and who won; settlement if any. */
public record ConflictRow(long id, UUID shopId, String shopName, String table, UUID recordId, String recordLabel,
                          String rule, String winner, String status, OffsetDateTime createdAt, String resolution,
                          String settledBy, OffsetDateTime settledAt) {

    public boolean isOpen() {
        return "open".equals(status);
    }
}
