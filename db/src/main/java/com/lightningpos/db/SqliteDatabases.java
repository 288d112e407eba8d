package com.lightningpos.db;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens SQLite files the way every tier of this system expects them: WAL so readers never block
 * the till, {@code synchronous=FULL} so a sale the cashier saw committed survives a power cut (not
 * only a process crash, which WAL+NORMAL already survives), foreign keys on, and write
 * transactions that take the write lock when they begin ({@code BEGIN IMMEDIATE}) so two writers
 * wait for each other instead of failing half-way with SQLITE_BUSY. The WAL is truncated back to
 * {@link #WAL_SIZE_LIMIT_BYTES} after a checkpoint: SQLite otherwise keeps it at its high-water size
 * for ever, which at the hub is one such file per replica (found by the simulation's soak run).
 */
public final class SqliteDatabases {

    public static final int WAL_SIZE_LIMIT_BYTES = 1024 * 1024;

    private SqliteDatabases() {
    }

    public static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
        return config;
    }

    /** An unpooled data source for {@code file}; its directory is created if missing. */
    public static SQLiteDataSource dataSource(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create the directory for " + file, e);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config());
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /** Opens and migrates a shop-schema database (a shop's own file or a hub replica). */
    public static DataSource openShopSchema(Path file) {
        SQLiteDataSource ds = dataSource(file);
        SchemaMigrator.migrate(SchemaKind.SHOP, ds);
        return ds;
    }
}
