package com.lightningpos.db;

/** A database was written by a newer version of the application than the one now starting. */
public class SchemaTooNewException extends IllegalStateException {

    private final int databaseVersion;
    private final int applicationVersion;

    public SchemaTooNewException(SchemaKind kind, int databaseVersion, int applicationVersion) {
        super("The " + kind.name().toLowerCase() + " database is at schema version " + databaseVersion
                + " but this application only knows version " + applicationVersion
                + ". It was used by a newer release: install that release (or newer) instead of downgrading.");
        this.databaseVersion = databaseVersion;
        this.applicationVersion = applicationVersion;
    }

    public int databaseVersion() {
        return databaseVersion;
    }

    public int applicationVersion() {
        return applicationVersion;
    }
}
