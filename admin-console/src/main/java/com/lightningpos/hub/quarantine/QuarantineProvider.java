package com.lightningpos.hub.quarantine;

import java.util.List;
import java.util.UUID;

/**
 * Access to quarantined rows across the shops' replicas. Implemented by the sync package, which
 * owns the replica store; the console shows "not available" while no bean implements it. The
 * console audits every retry and discard itself, so implementations need not.
 */
public interface QuarantineProvider {

    /** Open (neither applied nor discarded) rows, oldest first; {@code shopId} null means all shops. */
    List<QuarantinedRow> open(UUID shopId, int offset, int limit);

    int countOpen(UUID shopId);

    /** Tries to apply the row again (e.g. after the missing reference was fixed). */
    RetryOutcome retry(String id);

    /** Gives up on the row; it stays recorded as discarded with the reason and the person. */
    void discard(String id, String reason, String discardedBy);

    /** The result of a retry: applied, or still quarantined with the current reason. */
    record RetryOutcome(boolean applied, String reason) {
    }
}
