package com.lightningpos.hub.dashboard;

import java.util.UUID;

/**
 * Checks that a shop's cloud replica is an exact copy of what the shop reported (row counts,
 * checksums, outbox high-water mark...). Implemented by the sync package, which owns the replicas;
 * the console shows "not available" while no bean implements it.
 */
public interface ReplicaConsistencyProvider {

    /** Runs the check now; may take a moment for a large replica. */
    ReplicaConsistency check(UUID shopId);
}
