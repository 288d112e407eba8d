package com.lightningpos.hub.consistency;

import com.lightningpos.db.EmbeddedHubDatabase;
import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SchemaMigrator;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The consistency check as a command: {@code java -jar admin-console.jar --hub.consistency-check}
 * (optionally {@code --hub.consistency-check.shop=<id>}) checks every shop (or one), stores the
 * results as the console's check does, prints the tables that differ or could not be compared, and
 * exits 0 when everything compared is consistent, 1 when something differs, 2 when it could not check.
 *
 * <p>Runs like the restore command, as soon as the configuration is read (registered in
 * {@code META-INF/spring.factories}) and before the application context, so no web server starts.
 * It works beside a running hub: its embedded PostgreSQL is reached on the port in its
 * {@code postmaster.pid}, and SQLite lets the replicas be read while the hub writes them.
 */
public class ConsistencyCheckCommand implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String PROPERTY = "hub.consistency-check";
    public static final String SHOP_PROPERTY = "hub.consistency-check.shop";

    public static final int CONSISTENT = 0;
    public static final int DIFFERS = 1;
    public static final int FAILED = 2;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 90; // after a restore, should both be asked for
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!requested(env)) {
            return;
        }
        int exitCode = run(env, System.out, System.err);
        System.out.flush();
        System.exit(exitCode);
    }

    static boolean requested(ConfigurableEnvironment env) {
        // "--hub.consistency-check" without a value is an empty property
        return env.containsProperty(PROPERTY) && !"false".equalsIgnoreCase(env.getProperty(PROPERTY))
                || env.containsProperty(SHOP_PROPERTY);
    }

    /** Runs the check as configured in {@code env}; returns the exit code. */
    public static int run(ConfigurableEnvironment env, PrintStream out, PrintStream err) {
        UUID onlyShop;
        try {
            String shop = env.getProperty(SHOP_PROPERTY);
            onlyShop = shop == null || shop.isBlank() ? null : UUID.fromString(shop.trim());
        } catch (IllegalArgumentException e) {
            err.println("--" + SHOP_PROPERTY + " must be a shop id (a UUID)");
            return FAILED;
        }
        Path dataDir = Path.of(env.getProperty("hub.data-dir", "./data/hub"));
        EmbeddedHubDatabase started = null;
        try (HikariDataSource ds = new HikariDataSource(); ReplicaStore replicas = new ReplicaStore(dataDir.resolve("replicas"), Clock.systemUTC())) {
            String url = env.getProperty("spring.datasource.url");
            if (url != null && !url.isBlank()) {
                ds.setJdbcUrl(url);
                ds.setUsername(env.getProperty("spring.datasource.username"));
                ds.setPassword(env.getProperty("spring.datasource.password"));
            } else {
                Integer runningPort = runningEmbeddedPort(dataDir.resolve("postgres"));
                if (runningPort != null) {
                    ds.setJdbcUrl("jdbc:postgresql://localhost:" + runningPort + "/postgres");
                } else {
                    started = EmbeddedHubDatabase.start(dataDir.resolve("postgres"), env.getProperty("hub.embedded-db-port", Integer.class, 0));
                    ds.setJdbcUrl(started.jdbcUrl());
                }
                ds.setUsername("postgres");
            }
            ds.setPoolName("consistency-check");
            ds.setMaximumPoolSize(2);
            SchemaMigrator.migrate(SchemaKind.HUB, ds);
            DSLContext hub = DSL.using(ds, SQLDialect.POSTGRES);
            ConsistencyCheck check = new ConsistencyCheck(hub, replicas, Clock.systemUTC());
            List<ConsistencyComparison> comparisons;
            if (onlyShop != null) {
                if (!hub.fetchExists(com.lightningpos.db.hub.Tables.SHOPS, com.lightningpos.db.hub.Tables.SHOPS.ID.eq(onlyShop))) {
                    err.println("No shop " + onlyShop);
                    return FAILED;
                }
                comparisons = List.of(check.check(onlyShop));
            } else {
                comparisons = check.checkAll(done -> { });
            }
            List<ConsistencyResult> results = check.results(onlyShop);
            out.print(ConsistencyTable.format(comparisons.size(), results));
            return comparisons.stream().allMatch(ConsistencyComparison::consistent) ? CONSISTENT : DIFFERS;
        } catch (RuntimeException e) {
            err.println("The consistency check failed: " + e.getMessage());
            return FAILED;
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    /** The port of the hub's embedded PostgreSQL when it is running (line 4 of {@code postmaster.pid}). */
    static Integer runningEmbeddedPort(Path postgresDir) {
        Path pidFile = postgresDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            if (lines.size() < 4 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return null;
            }
            return Integer.parseInt(lines.get(3).trim());
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: a crashed server's leftover, which PostgreSQL cleans up when started
        }
    }
}
