package com.lightningpos.etl.testing;

import com.lightningpos.db.EmbeddedHubDatabase;
import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * One real PostgreSQL per test JVM, and a fresh, migrated database in it for each test that asks,
 * so tests never see each other's rows.
 */
public final class HubTestDatabase {

    private static EmbeddedHubDatabase server;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private HubTestDatabase() {
    }

    private static synchronized EmbeddedHubDatabase server() {
        if (server == null) {
            server = EmbeddedHubDatabase.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** A new migrated hub database with its own pool; close it when done. */
    public static HikariDataSource freshDatabase() {
        String name = "hub_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = server().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        HikariDataSource ds = pool(name);
        SchemaMigrator.migrate(SchemaKind.HUB, ds);
        return ds;
    }

    /** Another pool on the same database, as a second hub process would have. */
    public static HikariDataSource pool(String database) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server().jdbcUrl().replace("/postgres?", "/" + database + "?"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(8);
        return ds;
    }

    public static String databaseName(HikariDataSource ds) {
        String url = ds.getJdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    public static DSLContext dsl(javax.sql.DataSource ds) {
        return DSL.using(ds, SQLDialect.POSTGRES);
    }
}
