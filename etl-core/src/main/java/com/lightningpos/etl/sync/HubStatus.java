package com.lightningpos.etl.sync;

import java.time.Instant;

/**
 * What the hub tells a shop before a sync run.
 *
 * @param requiredSchemaVersion  shops below this may not download (pull, snapshot)
 * @param minUploadSchemaVersion shops at or above this may still upload (push)
 * @param highWaterSeq           the last of this shop's seqs the hub has stored
 * @param quarantinedCount       this shop's rows waiting for support (not applied)
 * @param serverTime             the hub's clock, so a till can warn about its own
 */
public record HubStatus(int requiredSchemaVersion, int minUploadSchemaVersion, long highWaterSeq,
                        long quarantinedCount, Instant serverTime) {
}
