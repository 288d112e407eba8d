package com.lightningpos.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the schema version this application was built with, at start-up.
 * Each migration runs in its own transaction and records its version in {@code schema_version}
 * in that same transaction. A database that is newer than the application is refused.
 */
public final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /** The latest schema version shipped with this build. */
    public static int latestVersion(SchemaKind kind) {
        return kind.latestVersion();
    }

    /** Migrates {@code dataSource} to the latest version; returns the versions before and after. */
    public static MigrationResult migrate(SchemaKind kind, DataSource dataSource) {
        Flyway flyway = flyway(kind, dataSource);
        MigrationInfoService info = flyway.info();
        int latest = versionOf(lastResolved(info));
        MigrationInfo current = info.current();
        int before = current == null ? 0 : versionOf(current.getVersion());
        if (before > latest) {
            throw new SchemaTooNewException(kind, before, latest);
        }
        flyway.migrate();
        if (before != latest) {
            log.info("Schema updated from version {} to {} ({} database)", before, latest, kind.name().toLowerCase());
        }
        return new MigrationResult(before, latest);
    }

    private static MigrationVersion lastResolved(MigrationInfoService info) {
        MigrationVersion last = null;
        for (MigrationInfo m : info.all()) {
            if (m.getState().isResolved() && (last == null || m.getVersion().isNewerThan(last.getVersion()))) {
                last = m.getVersion();
            }
        }
        return last;
    }

    private static int versionOf(MigrationVersion version) {
        return version == null ? 0 : Integer.parseInt(version.getVersion());
    }

    private static Flyway flyway(SchemaKind kind, DataSource dataSource) {
        var config = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .locations(kind.location())
                .validateOnMigrate(true);
        return config.dataSource(dataSource).load();
    }

    /** Schema versions before and after a migration run. */
    public record MigrationResult(int fromVersion, int toVersion) {
        public boolean changed() {
            return fromVersion != toVersion;
        }
    }
}
