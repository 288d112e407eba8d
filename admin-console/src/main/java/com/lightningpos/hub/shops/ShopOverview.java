package com.lightningpos.hub.shops;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One shop at a glance: identity, schema version and sync health. Health fields are null where
 * the ETL has not recorded anything for the shop yet.
 *
 * @param lastSyncAt   when the shop last called the hub ({@code shops.last_seen_at})
 * @param pending      rows of the shop waiting at the hub for the ETL (latest run's count)
 * @param lagSeconds   age of the oldest waiting row, 0 when nothing waits
 */
public record ShopOverview(
        UUID id,
        String name,
        ShopStatus status,
        boolean active,
        boolean canary,
        boolean enrolled,
        Integer schemaVersion,
        int requiredSchemaVersion,
        OffsetDateTime createdAt,
        OffsetDateTime lastSyncAt,
        OffsetDateTime lastPushAt,
        OffsetDateTime lastSuccessAt,
        int consecutiveFailures,
        Long pending,
        Long lagSeconds,
        String lastError) {
}
