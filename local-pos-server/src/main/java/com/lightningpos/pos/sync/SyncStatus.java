package com.lightningpos.pos.sync;

/**
 * The till's sync state as {@code GET /api/sync/status} shows it (docs/pos-api.md, "Sync").
 *
 * @param state                 online, offline, syncing or standalone
 * @param lastSyncedAt          when the sales last reached the hub completely
 * @param pendingCount          sales (orders and refunds) not yet acknowledged by the hub
 * @param pendingChanges        outbox rows of any kind not yet acknowledged (a sale is several rows)
 * @param oldestPendingAt       when the oldest pending change was made
 * @param quarantinedCount      this shop's changes the hub holds for support (as of the last sync)
 * @param needsUpdate           the hub requires a newer schema for catalog downloads
 * @param history               upload of the history of a standalone till that joined the chain; null when it never did
 */
public record SyncStatus(String state, boolean standalone, String shopId, String hubUrl, String lastSyncedAt,
                         long pendingCount, long pendingChanges, String oldestPendingAt, long quarantinedCount, boolean needsUpdate,
                         int localSchemaVersion, Integer requiredSchemaVersion, String lastError, Streams streams,
                         Bootstrap bootstrap, History history) {

    public record Streams(SalesUp salesUp, CatalogDown catalogDown) {
    }

    public record SalesUp(long pendingCount, long pendingChanges, String oldestPendingAt, String lastSyncedAt, String lastError) {
    }

    public record CatalogDown(String lastSyncedAt, String lastError, long cursor) {
    }

    /** Progress of the first catalog download, so the cashier sees the till getting ready. */
    public record Bootstrap(boolean inProgress, long received, Long total) {
        public static final Bootstrap IDLE = new Bootstrap(false, 0, null);
    }

    /**
     * A joining till's history upload (docs/pos-api.md, "Sync").
     *
     * @param total      outbox changes of history to upload
     * @param uploaded   of which the hub has acknowledged
     * @param remaining  still to upload
     * @param etaSeconds estimate from the pace so far; null until something went up
     * @param state      started, catalog_matched, verified or undone
     */
    public record History(long total, long uploaded, long remaining, Long etaSeconds, String state) {
    }
}
