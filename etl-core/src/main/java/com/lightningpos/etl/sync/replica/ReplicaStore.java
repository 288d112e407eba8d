package com.lightningpos.etl.sync.replica;

import static com.lightningpos.db.shop.Tables.REPLICA_STATE;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SchemaMigrator;
import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.PullResponse;
import com.lightningpos.etl.sync.PushRequest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The hub's cloud replicas: one shop-schema SQLite file per shop at {@code {dir}/{shopId}.db},
 * created and migrated on first use, an exact copy of the shop's synced tables as far as it has
 * pushed, plus the inbound log (what the ETL extracts), the outbound log (what the shop pulls) and
 * the quarantine. Open files are cached with a small connection pool each, shared by the sync API
 * and the ETL; every write is a short {@code BEGIN IMMEDIATE} transaction, so writers queue.
 *
 * <p>Thread-safe. Plain Java: the hub app makes one instance rooted at its data directory.
 */
public final class ReplicaStore implements AutoCloseable {

    /** Page cache per replica connection, KiB (SQLite's default is 2,000; 256 cost a fifth of the push speed). */
    static final int REPLICA_CACHE_KIB = 1024;
    /** An idle replica connection is closed after this long (HikariCP's minimum). */
    static final long REPLICA_IDLE_MILLIS = 10_000;

    private final Path dir;
    private final Clock clock;
    private final BatchValidator validator;
    private final PushApplier pushes;
    private final OutboundLog outbound;
    private final QuarantineDesk quarantine;
    private final Map<String, HikariDataSource> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replica-pool-housekeeping");
        t.setDaemon(true);
        return t;
    });

    public ReplicaStore(Path dir, Clock clock) {
        this(dir, clock, BatchValidator.defaults(clock), new RowApplier());
    }

    public ReplicaStore(Path dir, Clock clock, BatchValidator validator, RowApplier applier) {
        this(dir, clock, validator, applier, true);
    }

    /**
     * Test seam: {@code highWaterCheck = false} re-applies rows at or below the high-water mark, a
     * bug planted on purpose to show that the simulation notices (see the simulation's tests).
     */
    ReplicaStore(Path dir, Clock clock, BatchValidator validator, RowApplier applier, boolean highWaterCheck) {
        this(dir, clock, validator, applier, highWaterCheck, true);
    }

    /** Benchmark seam: {@code bulkFirst = false} applies every push row by row (the reference path). */
    ReplicaStore(Path dir, Clock clock, BatchValidator validator, RowApplier applier, boolean highWaterCheck, boolean bulkFirst) {
        this.dir = dir;
        this.clock = clock;
        this.validator = validator;
        this.pushes = new PushApplier(applier, clock, highWaterCheck, bulkFirst);
        this.outbound = new OutboundLog(applier, clock);
        this.quarantine = new QuarantineDesk(applier, clock);
    }

    /** The replica file of a shop (it may not exist yet). */
    public Path file(String shopId) {
        return dir.resolve(ShopIds.canonical(shopId) + ".db");
    }

    public boolean exists(String shopId) {
        return Files.exists(file(shopId));
    }

    /** The pooled data source of a shop's replica, created and migrated on first use. */
    public DataSource dataSource(String shopId) {
        return open.computeIfAbsent(ShopIds.canonical(shopId), this::openReplica);
    }

    /** Same as {@link #dataSource(String)}; fits {@code ReplicaOpener}. */
    public DataSource dataSource(UUID shopId) {
        return dataSource(shopId.toString());
    }

    public DSLContext dsl(String shopId) {
        return DSL.using(dataSource(shopId), SQLDialect.SQLITE);
    }

    public DSLContext dsl(UUID shopId) {
        return dsl(shopId.toString());
    }

    /** The last shop seq stored (applied or quarantined). */
    public long highWaterSeq(String shopId) {
        return dsl(shopId).select(REPLICA_STATE.HIGH_WATER_SEQ).from(REPLICA_STATE).fetchSingle().value1();
    }

    /**
     * Validates and applies a pushed batch in one transaction.
     *
     * @throws BatchRejectedException when the batch as a whole is refused (nothing written)
     */
    public PushResult applyPush(String shopId, PushRequest batch) {
        String id = ShopIds.canonical(shopId);
        validator.validate(id, batch);
        return pushes.apply(dsl(id), id, batch);
    }

    /** Up to {@code limit} hub changes after {@code after} for the shop. */
    public PullResponse pull(String shopId, long after, int limit) {
        return outbound.pull(dsl(shopId), after, limit);
    }

    /**
     * For the propagator: applies hub changes to the replica's tables and queues them for the
     * shop, in one transaction, skipping changes already queued. Returns how many were queued now.
     */
    public int appendOutbound(String shopId, List<OutboundChange> changes) {
        return outbound.append(dsl(shopId), changes);
    }

    /**
     * A consistent copy of the replica (SQLite {@code VACUUM INTO}) in a new temporary file that
     * the caller deletes when done.
     */
    public Path snapshot(String shopId) throws IOException {
        Path snapshots = Files.createDirectories(dir.resolve(".snapshots"));
        Path target = snapshots.resolve(ShopIds.canonical(shopId) + "-" + UUID.randomUUID() + ".db");
        dsl(shopId).execute("VACUUM INTO ?", target.toAbsolutePath().toString());
        return target;
    }

    /** Row counts and checksums of the replica's synced tables, comparable with the shop's own. */
    public ConsistencyReport consistency(String shopId) {
        DSLContext db = dsl(shopId);
        return db.transactionResult(c -> TableChecksum.report(c.dsl(),
                c.dsl().select(REPLICA_STATE.HIGH_WATER_SEQ).from(REPLICA_STATE).fetchSingle().value1()));
    }

    public List<QuarantinedRow> quarantine(String shopId, boolean openOnly) {
        return quarantine.list(dsl(shopId), openOnly);
    }

    public long openQuarantineCount(String shopId) {
        return quarantine.openCount(dsl(shopId));
    }

    /** Applies a quarantined row again (after support fixed its cause). */
    public RetryOutcome retryQuarantined(String shopId, long quarantineId, String by) {
        return quarantine.retry(dsl(shopId), quarantineId, by);
    }

    /** Settles a quarantined row without applying it. False when no open row has that id. */
    public boolean discardQuarantined(String shopId, long quarantineId, String by, String note) {
        return quarantine.discard(dsl(shopId), quarantineId, by, note);
    }

    /** Closes a shop's pool (before its file is replaced or deleted). */
    public void release(String shopId) {
        HikariDataSource ds = open.remove(ShopIds.canonical(shopId));
        if (ds != null) {
            ds.close();
        }
    }

    @Override
    public void close() {
        open.values().forEach(HikariDataSource::close);
        open.clear();
        housekeeping.shutdownNow();
    }

    private HikariDataSource openReplica(String shopId) {
        Path file = dir.resolve(shopId + ".db");
        var sqlite = SqliteDatabases.dataSource(file);
        // Each open SQLite connection keeps its own page cache in native memory (2 MiB by default). A hub
        // with 1,000 shops pushing had hundreds of replicas' connections open at once and a JVM RSS of
        // 3.5 GiB with -Xmx1g (docs/benchmarks.md, scale run), so replica connections get half the cache
        // (smaller slowed pushes down) and are closed soon after a shop goes quiet.
        sqlite.setCacheSize(-REPLICA_CACHE_KIB);
        SchemaMigrator.migrate(SchemaKind.SHOP, sqlite);
        HikariConfig config = new HikariConfig();
        config.setDataSource(sqlite);
        config.setPoolName("replica-" + shopId.substring(0, 8));
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        config.setIdleTimeout(REPLICA_IDLE_MILLIS);
        config.setScheduledExecutor(housekeeping);
        HikariDataSource ds = new HikariDataSource(config);
        DSL.using(ds, SQLDialect.SQLITE).insertInto(REPLICA_STATE)
                .set(REPLICA_STATE.ID, 1)
                .set(REPLICA_STATE.SHOP_ID, shopId)
                .set(REPLICA_STATE.HIGH_WATER_SEQ, 0L)
                .set(REPLICA_STATE.UPDATED_AT, Instant.now(clock).toString())
                .onConflictDoNothing()
                .execute();
        return ds;
    }
}
