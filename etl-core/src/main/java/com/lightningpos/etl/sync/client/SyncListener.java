package com.lightningpos.etl.sync.client;

/** Progress of a sync run, for a status panel. Called on the syncing thread; keep it quick. */
public interface SyncListener {

    SyncListener NONE = new SyncListener() { };

    /** During the first catalog download: rows received so far and the total known now. */
    default void bootstrapProgress(long received, long total) {
    }

    /** After each acknowledged push batch. */
    default void pushed(long ackedSeq) {
    }
}
