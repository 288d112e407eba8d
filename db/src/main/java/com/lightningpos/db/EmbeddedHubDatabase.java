package com.lightningpos.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server started from a Maven artifact: the hub's default database when no URL
 * is configured, and the database of the tests. Data kept in {@code dataDir} survives restarts.
 * As root, zonky runs the server in a user namespace, because PostgreSQL refuses to run as root.
 */
public final class EmbeddedHubDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedHubDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server whose files live in {@code dataDir} (kept between starts). */
    public static EmbeddedHubDatabase start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    // zonky's defaults are made for throw-away test databases (no fsync, asynchronous
                    // commit); the hub's own database is the source of truth, so it must be durable.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedHubDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Starts a throw-away server on a free port (tests). */
    public static EmbeddedHubDatabase startEphemeral() {
        try {
            return new EmbeddedHubDatabase(EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
