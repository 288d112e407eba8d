package com.lightningpos.etl.sync.client;

import java.util.List;

/**
 * What one sync run did.
 *
 * @param ok                    both streams finished (a stream held back only by the schema gate counts as finished)
 * @param hubReachable          the hub answered at all
 * @param pulled                hub changes received
 * @param pushed                outbox rows acknowledged by the hub
 * @param quarantined           seqs of this run's rows that the hub quarantined
 * @param quarantinedCount      this shop's rows waiting for support at the hub (null if unknown)
 * @param needsUpdate           this till's schema is older than the hub requires for downloads
 * @param requiredSchemaVersion the version the hub requires (null if unknown)
 * @param errorCode             machine-readable reason of the first failure, or null
 * @param error                 a sentence about it, or null
 */
public record SyncOutcome(boolean ok, boolean hubReachable, int pulled, int pushed, List<Long> quarantined,
                          Long quarantinedCount, boolean needsUpdate, Integer requiredSchemaVersion,
                          String errorCode, String error) {

    public SyncOutcome {
        quarantined = List.copyOf(quarantined);
    }
}
