package com.lightningpos.etl.sync.client;

/** The two independent directions of sync, as named in the shop's {@code sync_state} table. */
public enum SyncStream {
    SALES_UP("sales_up"), CATALOG_DOWN("catalog_down");

    private final String key;

    SyncStream(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
