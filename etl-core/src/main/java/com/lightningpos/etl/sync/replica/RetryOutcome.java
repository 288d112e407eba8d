package com.lightningpos.etl.sync.replica;

/**
 * What a support person's "retry" of a quarantined row did.
 *
 * @param result what happened
 * @param reason why it still fails, or what superseded it
 */
public record RetryOutcome(Result result, String reason) {

    public enum Result {
        /** Applied now and appended to the inbound log. */
        APPLIED,
        /** Still fails; the row stays open with the new reason. */
        STILL_FAILING,
        /** A later change of the same record is already applied; applying this older one would undo it, so it is discarded. */
        SUPERSEDED,
        /** No open quarantined row with that id. */
        NOT_FOUND
    }
}
