package com.lightningpos.db;

/** The two schemas this project migrates, each with its own Flyway location. */
public enum SchemaKind {
    /** A shop's local SQLite database, and the hub's cloud replica of it. */
    SHOP("classpath:db/shop"),
    /** The hub's central PostgreSQL database. */
    HUB("classpath:db/hub");

    private final String location;

    SchemaKind(String location) {
        this.location = location;
    }

    public String location() {
        return location;
    }
}
