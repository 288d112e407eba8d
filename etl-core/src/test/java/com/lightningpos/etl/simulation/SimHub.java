package com.lightningpos.etl.simulation;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.HUB_SETTINGS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.hub.HubTables;
import com.lightningpos.etl.pipeline.EtlJobRunner;
import com.lightningpos.etl.pipeline.EtlRun;
import com.lightningpos.etl.pipeline.Extractor;
import com.lightningpos.etl.pipeline.Loader;
import com.lightningpos.etl.pipeline.Propagator;
import com.lightningpos.etl.sync.TransportRequest;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.DefaultTransactionListenerProvider;

/**
 * The hub process: the real {@link ReplicaStore} over replica files, the real {@link HubCatalog}
 * and ETL ({@link EtlJobRunner} with {@link Extractor}, {@link Loader}, {@link Propagator}) over a
 * real PostgreSQL, the sync endpoint, and the scheduling rules of the hub's {@code EtlScheduler}
 * (wake after a push, every shop after a catalog change, a periodic sweep) run as a step of the
 * event loop instead of by threads. It can crash at any database operation and restart from its
 * files and PostgreSQL: in-memory state (tokens, open pools, its HLC) is rebuilt.
 */
final class SimHub implements Network.Hub {

    /** How the replica store is built: normally the real one; the planted-bug test swaps it. */
    interface ReplicaStores {
        ReplicaStore open(Path dir, Clock clock, RowApplier applier);
    }

    static final int ETL_BATCH = 200;

    private final Path replicaDir;
    private final DataSource postgres;
    private final SimClock clock;
    private final RandomGenerator random;
    private final Stats stats;
    private final Trace trace;
    private final EventLoop loop;
    private final ReplicaStores stores;
    private final Violations violations;
    final CrashSwitch crash = new CrashSwitch("hub");
    private boolean up;
    private DSLContext db;
    private ReplicaStore replicas;
    private HubCatalog catalog;
    private EtlJobRunner etl;
    private HubEndpoint endpoint;
    private long lastCatalogSeq = -1;
    private java.util.function.Consumer<SimHub> onCrash = h -> { };

    SimHub(Path replicaDir, DataSource postgres, SimClock clock, RandomGenerator random, Stats stats, Trace trace,
           EventLoop loop, ReplicaStores stores, Violations violations) {
        this.replicaDir = replicaDir;
        this.postgres = postgres;
        this.clock = clock;
        this.random = random;
        this.stats = stats;
        this.trace = trace;
        this.loop = loop;
        this.stores = stores;
        this.violations = violations;
    }

    void start() {
        crash.reset();
        db = DSL.using(new DefaultConfiguration().set(postgres).set(SQLDialect.POSTGRES)
                .set(new DefaultExecuteListenerProvider(crash)).set(new DefaultTransactionListenerProvider(crash)));
        replicas = stores.open(replicaDir, clock, new CrashingRowApplier(crash));
        HybridLogicalClock hlc = new HybridLogicalClock(clock, "hub");
        for (SyncedTable table : SyncedTable.catalog()) { // as the hub app does at start
            var hub = HubTables.of(table);
            String newest = db.select(DSL.max(HubTables.field(hub, "last_modified_at", String.class))).from(hub).fetchOne(0, String.class);
            if (newest != null && !newest.endsWith("-seed")) {
                hlc.advanceTo(Hlc.parse(newest));
            }
        }
        catalog = new HubCatalog(hlc);
        etl = new EtlJobRunner(db, new Extractor(replicas::dataSource), new Loader(catalog),
                new Propagator(replicas::dataSource, clock, ETL_BATCH), clock, ETL_BATCH, "sim-hub");
        endpoint = new HubEndpoint(db, replicas, clock, () -> "secret-" + Long.toHexString(random.nextLong()));
        lastCatalogSeq = -1;
        up = true;
    }

    void onCrash(java.util.function.Consumer<SimHub> listener) {
        this.onCrash = listener;
    }

    boolean up() {
        return up;
    }

    /** The hub process dies: nothing in memory survives; files and PostgreSQL stay. */
    void crash(String why) {
        if (!up) {
            return;
        }
        up = false;
        stats.add("hub.crashes");
        stats.add("hub.crash " + why.replace("hub ", ""));
        trace.note(loop.now(), "hub crashed: " + why);
        replicas.close();
        onCrash.accept(this);
    }

    /** Crashes the hub if its switch fired during the last operation; true if it did. */
    boolean crashedNow() {
        if (up && crash.fired()) {
            crash(crash.firedAt());
            return true;
        }
        return false;
    }

    @Override
    public Optional<TransportResponse> handle(TransportRequest request) {
        if (!up) {
            return Optional.empty();
        }
        try {
            TransportResponse response = endpoint.handle(request);
            return crashedNow() ? Optional.empty() : Optional.of(response);
        } catch (RuntimeException e) {
            if (crashedNow()) {
                return Optional.empty();
            }
            violations.add("hub", "the hub failed on " + request.method() + " " + request.path() + ": " + e);
            return Optional.of(new TransportResponse(500, Map.of(), new byte[0]));
        }
    }

    /** One round of the hub's ETL scheduling: woken shops, every shop after a catalog change or on a sweep. */
    void etlStep(boolean sweep) {
        if (!up) {
            return;
        }
        try {
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            Long newest = db.select(DSL.max(CATALOG_CHANGES.SEQ)).from(CATALOG_CHANGES).fetchOne(0, Long.class);
            long seq = newest == null ? 0 : newest;
            boolean catalogChanged = lastCatalogSeq >= 0 && seq > lastCatalogSeq;
            lastCatalogSeq = seq;
            var notPutAside = ETL_JOBS.PUT_ASIDE_UNTIL.isNull().or(ETL_JOBS.PUT_ASIDE_UNTIL.lt(now));
            TreeSet<UUID> due = new TreeSet<>(db.select(ETL_JOBS.SHOP_ID).from(ETL_JOBS)
                    .where(ETL_JOBS.WAKE_REQUESTED_AT.isNotNull()).and(notPutAside).fetch(ETL_JOBS.SHOP_ID));
            if (sweep || catalogChanged) {
                due.addAll(db.select(SHOPS.ID).from(SHOPS).leftJoin(ETL_JOBS).on(ETL_JOBS.SHOP_ID.eq(SHOPS.ID))
                        .where(SHOPS.ENROLLED_AT.isNotNull()).and(notPutAside).fetch(SHOPS.ID));
            }
            for (UUID shop : due) {
                EtlRun run = etl.run(shop);
                if (crashedNow()) {
                    return;
                }
                stats.add("etl.runs");
                stats.add("etl.rows_loaded", run.loaded());
                stats.add("etl.rows_propagated", run.propagated());
                if (!run.ok()) {
                    violations.add("etl", "the ETL failed for shop " + shop + " without a crash: " + run.error());
                }
            }
        } catch (RuntimeException e) {
            if (!crashedNow()) {
                throw e;
            }
        }
    }

    /** Head office and support act through the running hub; null when it is down. */
    DSLContext db() {
        return up ? db : null;
    }

    HubCatalog catalog() {
        return catalog;
    }

    ReplicaStore replicas() {
        return replicas;
    }

    /** A shop created in the console: a shops row and a one-time enrolment code. */
    void provision(UUID shopId, String name, String code) {
        db.insertInto(SHOPS).set(SHOPS.ID, shopId).set(SHOPS.NAME, name)
                .set(SHOPS.ENROLMENT_CODE_HASH, HubEndpoint.hash(code))
                .set(SHOPS.ENROLMENT_EXPIRES_AT, clock.instant().plus(HubEndpoint.ENROLMENT_TTL).atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Head office issues a new code (the secret is cleared, as by the console's "rotate credentials"). */
    void reissueCode(UUID shopId, String code) {
        db.update(SHOPS).set(SHOPS.ENROLMENT_CODE_HASH, HubEndpoint.hash(code))
                .set(SHOPS.ENROLMENT_EXPIRES_AT, clock.instant().plus(HubEndpoint.ENROLMENT_TTL).atOffset(ZoneOffset.UTC))
                .setNull(SHOPS.SECRET_HASH)
                .where(SHOPS.ID.eq(shopId)).execute();
    }

    /** The schema rollout in the console: raise the required version, keep uploads of one version behind. */
    void requireSchema(int required) {
        db.update(HUB_SETTINGS).set(HUB_SETTINGS.REQUIRED_SHOP_SCHEMA_VERSION, required)
                .set(HUB_SETTINGS.MIN_UPLOAD_SCHEMA_VERSION, required - 1)
                .set(HUB_SETTINGS.UPDATED_BY, "simulation").where(HUB_SETTINGS.ID.eq(1)).execute();
    }

    /** Applies head office's catalog edit through the real hub catalog, in one transaction. */
    void saveFromHub(SyncedTable table, UUID id, Map<String, Object> values, boolean delete) {
        db.transaction(c -> {
            if (delete) {
                catalog.deleteFromHub(c.dsl(), table, id, "head-office");
            } else {
                catalog.saveFromHub(c.dsl(), table, id, values, "head-office");
            }
        });
    }
}
