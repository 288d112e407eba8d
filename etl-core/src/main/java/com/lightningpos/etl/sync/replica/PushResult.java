package com.lightningpos.etl.sync.replica;

import com.lightningpos.etl.sync.PushResponse;

/** What applying a pushed batch to a replica did. */
public sealed interface PushResult {

    /** The batch is stored (applied, skipped as already applied, or quarantined). */
    record Accepted(PushResponse response) implements PushResult {
    }

    /**
     * The batch starts after the replica's high-water mark + 1: rows are missing in between, so
     * nothing was applied. The client resends from {@code resumeFrom}.
     */
    record Gap(long resumeFrom, long highWaterSeq) implements PushResult {
    }
}
