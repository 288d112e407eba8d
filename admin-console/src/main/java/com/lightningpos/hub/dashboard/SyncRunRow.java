package com.lightningpos.hub.dashboard;

import java.time.OffsetDateTime;

/** One recorded run of a shop's sync or ETL ({@code sync_runs}). */
public record SyncRunRow(long id, String kind, OffsetDateTime startedAt, OffsetDateTime finishedAt, int rowsDone,
                         Long rowsWaiting, boolean ok, String error, String worker) {

    public long durationMillis() {
        return java.time.Duration.between(startedAt, finishedAt).toMillis();
    }
}
