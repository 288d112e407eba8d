package com.lightningpos.hub.schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the rollout of shop schema versions stands.
 *
 * @param requiredVersion        what every shop must run to download the catalog
 * @param minUploadVersion       the oldest version whose uploads (sales) are still accepted
 * @param canaryRequiredVersion  what canary shops must run, when a canary rollout is under way
 * @param latestShopSchema       the newest shop schema this hub build knows
 * @param versions               how many shops run each version (null: not reported yet)
 */
public record SchemaStatus(int requiredVersion, int minUploadVersion, Integer canaryRequiredVersion, int latestShopSchema,
                           OffsetDateTime updatedAt, String updatedBy, List<VersionCount> versions) {

    /** Shops on one schema version. */
    public record VersionCount(Integer version, int shops, int canaryShops) {
    }
}
