package com.lightningpos.etl.sync;

import java.util.List;

/**
 * The hub's answer to a push.
 *
 * @param ackedSeq    everything up to and including this seq is stored at the hub (applied or
 *                    quarantined); the shop may mark those rows synced
 * @param applied     rows of this batch applied now
 * @param skipped     rows of this batch already applied before (a repeated or overlapping batch)
 * @param quarantined seqs of this batch's rows that could not be applied and wait for support
 */
public record PushResponse(long ackedSeq, int applied, int skipped, List<Long> quarantined) {

    public PushResponse {
        quarantined = quarantined == null ? List.of() : List.copyOf(quarantined);
    }
}
