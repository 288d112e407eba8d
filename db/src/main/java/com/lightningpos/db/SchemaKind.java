package com.lightningpos.db;

/** The two schemas this project migrates, each with its own Flyway location. */
public enum SchemaKind {
    /** A shop's local SQLite database, and the hub's cloud replica of it. */
    SHOP("classpath:db/shop", 6),
    /** The hub's central PostgreSQL database. */
    HUB("classpath:db/hub", 6);

    private final String location;
    private final int latestVersion;

    SchemaKind(String location, int latestVersion) {
        this.location = location;
        this.latestVersion = latestVersion;
    }

    /**
     * The newest migration shipped in this build. Kept as a constant so that it is known without a
     * database (the sync protocol's schema header); the schema tests fail if it lags the migrations.
     */
    public int latestVersion() {
        return latestVersion;
    }

    public String location() {
        return location;
    }
}
