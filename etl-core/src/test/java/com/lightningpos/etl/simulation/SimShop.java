package com.lightningpos.etl.simulation;

import static com.lightningpos.db.shop.Tables.CATEGORIES;
import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.PAYMENT_METHODS;
import static com.lightningpos.db.shop.Tables.SHOP_CONFIG;
import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.TAX_RATES;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SchemaMigrator;
import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.clock.Hlc;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.SyncTransport;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.TransportResponse;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.etl.sync.client.ShopCredentials;
import com.lightningpos.etl.sync.client.SyncClient;
import com.lightningpos.etl.sync.client.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.DefaultTransactionListenerProvider;

/**
 * One shop's till server: its SQLite file (migrated with the real shop schema), its HLC (started
 * no lower than the newest stored timestamp, as the till does), the cashiers' {@link Till}, and
 * the real {@link SyncClient} and {@link HubApi} talking through the simulated network. A crash
 * drops everything in memory (connection, token, HLC, a sync run in progress) and the restart
 * reopens the file.
 */
final class SimShop {

    enum State { WAITING_FOR_ENROLMENT, UP, DOWN }

    final String id;
    final String name;
    final SimClock clock;
    final CrashSwitch crash;
    private final Path file;
    private final RandomGenerator random;
    private final Network network;
    private final EventLoop loop;
    private final Stats stats;
    private final Trace trace;
    private final Violations violations;
    private final Simulation.HubSettings settings;
    private final int pushBatch;
    private final int pullPage;
    final Till till;
    private State state = State.WAITING_FOR_ENROLMENT;
    private Consumer<SimShop> onCrash = s -> { };
    private int clientVersion;
    private String enrolmentCode;
    private ShopCredentials credentials;
    private Connection connection;
    private DSLContext db;
    private HybridLogicalClock hlc;
    private UuidV7 ids;
    private HubApi hub;
    private Fiber fiber;
    private SyncOutcome lastOutcome;
    private long refusedSince = -1;

    SimShop(String id, String name, Path dir, SimClock clock, RandomGenerator random, Network network, EventLoop loop,
            Stats stats, Trace trace, Violations violations, Simulation.HubSettings settings, Ledger ledger,
            List<String> hotItems, int clientVersion) {
        this.id = id;
        this.name = name;
        this.file = dir.resolve("shop-" + name + ".db");
        this.clock = clock;
        this.random = random;
        this.network = network;
        this.loop = loop;
        this.stats = stats;
        this.trace = trace;
        this.violations = violations;
        this.settings = settings;
        this.clientVersion = clientVersion;
        this.crash = new CrashSwitch("shop " + name);
        this.pushBatch = 10 + random.nextInt(200);
        this.pullPage = 5 + random.nextInt(100);
        this.till = new Till(this, ledger, stats, violations, random, hotItems);
    }

    State state() {
        return state;
    }

    boolean up() {
        return state == State.UP;
    }

    boolean busy() {
        return fiber != null;
    }

    int clientVersion() {
        return clientVersion;
    }

    SyncOutcome lastOutcome() {
        return lastOutcome;
    }

    /** The till process's own connection (crash switch included). */
    DSLContext db() {
        return db;
    }

    /**
     * An observer's view of the till's file (checks, quiet detection, soak samples): its own
     * connections, outside the till process, so looking never counts as one of the till's
     * operations and cannot change the run.
     */
    DSLContext inspect() {
        return DSL.using(SqliteDatabases.dataSource(file), SQLDialect.SQLITE);
    }

    HybridLogicalClock hlc() {
        return hlc;
    }

    UuidV7 ids() {
        return ids;
    }

    void onCrash(Consumer<SimShop> listener) {
        this.onCrash = listener;
    }

    void enrolmentCode(String code) {
        this.enrolmentCode = code;
    }

    // ------------------------------------------------------------------ the till process

    private void open() {
        var dataSource = SqliteDatabases.dataSource(file);
        SchemaMigrator.migrate(SchemaKind.SHOP, dataSource); // as the till does at every start
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file, e);
        }
        db = DSL.using(new DefaultConfiguration().set(new DefaultConnectionProvider(connection)).set(SQLDialect.SQLITE)
                .set(new DefaultExecuteListenerProvider(crash)).set(new DefaultTransactionListenerProvider(crash)));
        Hlc newest = newestStored(db);
        hlc = new HybridLogicalClock(SimClock.floored(clock, newest.physicalMillis()), id);
        hlc.observe(newest);
        ids = new UuidV7(clock, random);
        hub = null;
    }

    /** The newest HLC in the file (the till's HybridClockConfiguration), so a restart never goes back in time. */
    private static Hlc newestStored(DSLContext db) {
        List<TableField<?, String>> columns = List.of(ITEMS.LAST_MODIFIED_AT, CATEGORIES.LAST_MODIFIED_AT,
                TAX_RATES.LAST_MODIFIED_AT, PAYMENT_METHODS.LAST_MODIFIED_AT, SYNC_CHANGES.HLC);
        Hlc newest = Hlc.ZERO;
        for (TableField<?, String> column : columns) {
            String text = db.select(DSL.max(column)).from(column.getTable()).fetchOne(0, String.class);
            if (text != null) {
                try {
                    Hlc h = Hlc.parse(text);
                    newest = h.isAfter(newest) ? h : newest;
                } catch (IllegalArgumentException e) {
                    // the seeded payment methods carry a placeholder
                }
            }
        }
        return newest;
    }

    /** The till dies: the open transaction, the token, the HLC in memory and a sync in progress are gone. */
    void crash(String why) {
        if (state != State.UP) {
            return;
        }
        state = State.DOWN;
        stats.add("shop.crashes");
        stats.add("shop.crash " + why.replace("shop " + name + " ", ""));
        trace.note(loop.now(), "shop " + name + " crashed: " + why);
        Fiber running = fiber;
        fiber = null;
        if (running != null) {
            running.kill();
        }
        close();
        onCrash.accept(this);
    }

    void restart() {
        if (state != State.DOWN) {
            return;
        }
        crash.reset();
        open();
        state = State.UP;
        trace.note(loop.now(), "shop " + name + " restarted");
        guarded(till::settleInDoubt);
    }

    /** A new till version is installed: a clean restart that reports the new schema version. */
    void update(int version) {
        if (clientVersion >= version) {
            return;
        }
        clientVersion = version;
        stats.add("shop.updates");
        trace.note(loop.now(), "shop " + name + " updated to schema version " + version);
        if (state == State.UP) {
            Fiber running = fiber;
            fiber = null;
            if (running != null) {
                running.kill();
            }
            close();
            guarded(this::open);
        }
    }

    /** The run is over: stop a sync in progress and close the file. */
    void shutdown() {
        Fiber running = fiber;
        fiber = null;
        if (running != null) {
            running.kill();
        }
        close();
    }

    private void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // a dying process does not care
        }
        connection = null;
        db = null;
        hub = null;
    }

    /** Something happens at the till (a sale, a refund ...). */
    void act() {
        if (state == State.UP) {
            guarded(till::act);
        }
    }

    /** Runs a local operation; a simulated crash inside it crashes the shop. */
    void guarded(Runnable operation) {
        try {
            operation.run();
        } catch (RuntimeException e) {
            if (!crash.fired()) {
                throw e;
            }
        }
        if (crash.fired()) {
            crash(crash.firedAt());
        }
    }

    // ------------------------------------------------------------------ network tasks

    /** The transport the real client code uses: each call parks the running fiber until the network answers. */
    private final SyncTransport link = this::exchange;

    private TransportResponse exchange(com.lightningpos.etl.sync.TransportRequest request) throws TransportException {
        if (crash.fired()) {
            throw new Fiber.Killed(); // a dead process sends nothing, whatever the code caught on the way
        }
        if (connection != null) {
            try {
                if (!connection.getAutoCommit()) {
                    violations.add("no-transaction-across-network", "shop " + name + " sent " + request.path()
                            + " while holding a database transaction open");
                }
            } catch (SQLException e) {
                // closed: the shop is dying
            }
        }
        Object answer = fiber.park(request);
        if (answer instanceof TransportException e) {
            throw new TransportException(e.getMessage());
        }
        return (TransportResponse) answer;
    }

    /** Trades the enrolment code for credentials; exactly one of the three callbacks hears how it went. */
    void enrol(Runnable onEnrolled, Consumer<HubCallException> onRefused, Runnable onUnreachable) {
        if (state != State.WAITING_FOR_ENROLMENT || fiber != null) {
            return;
        }
        EnrolResponse[] answer = new EnrolResponse[1];
        HubCallException[] refusal = new HubCallException[1];
        int version = clientVersion;
        String code = enrolmentCode;
        start("enrol-" + name, () -> {
            try {
                answer[0] = HubApi.enrol(link, code, version);
            } catch (TransportException e) {
                stats.add("enrol.unreachable");
            } catch (HubCallException e) {
                refusal[0] = e;
            }
        }, failure -> {
            if (failure != null) {
                violations.add("client", "enrolment of shop " + name + " threw " + failure);
                onUnreachable.run();
            } else if (answer[0] != null) {
                enrolled(answer[0]);
                onEnrolled.run();
            } else if (refusal[0] != null) {
                onRefused.accept(refusal[0]);
            } else {
                onUnreachable.run();
            }
        });
    }

    private void enrolled(EnrolResponse response) {
        if (!Objects.equals(response.shopId(), id)) {
            violations.add("enrolment", "shop " + name + " was enrolled as " + response.shopId());
        }
        credentials = new ShopCredentials(response.shopId(), response.secret());
        boolean fresh = !Files.exists(file);
        open();
        if (fresh) {
            db.insertInto(SHOP_CONFIG).set(SHOP_CONFIG.ID, id).set(SHOP_CONFIG.NAME, response.shopName())
                    .set(SHOP_CONFIG.ENROLLED_AT, clock.instant().toString()).set(SHOP_CONFIG.CREATED_AT, clock.instant().toString())
                    .execute();
        }
        state = State.UP;
        stats.add("shop.enrolled");
        trace.note(loop.now(), "shop " + name + " enrolled");
    }

    /** One run of the real sync client, unless one is running or the till is down. */
    void sync() {
        if (state != State.UP || fiber != null) {
            return;
        }
        if (hub == null) {
            hub = new HubApi(link, credentials, clientVersion, clock);
        }
        SyncClient client = new SyncClient(db, hub, clock, hlc, pushBatch, pullPage);
        int version = clientVersion;
        int requiredAtStart = settings.required();
        SyncOutcome[] outcome = new SyncOutcome[1];
        start("sync-" + name, () -> outcome[0] = client.run(), failure -> {
            if (crash.fired()) {
                crash(crash.firedAt()); // died during the run, whatever the code did with the exception
            } else if (failure != null && !(failure instanceof Fiber.Killed)) {
                violations.add("client", "a sync run of shop " + name + " threw " + failure);
            } else if (failure == null) {
                finished(outcome[0], version, requiredAtStart);
            }
        });
    }

    private void finished(SyncOutcome outcome, int version, int requiredAtStart) {
        lastOutcome = outcome;
        stats.add(outcome.ok() ? "sync.ok" : "sync.failed");
        stats.add("sync.rows_pushed", outcome.pushed());
        stats.add("sync.rows_pulled", outcome.pulled());
        if (outcome.errorCode() != null) {
            stats.add("sync.error." + outcome.errorCode());
        }
        measureUploadStall(outcome);
        trace.note(loop.now(), "shop " + name + " sync: ok=" + outcome.ok() + " pushed=" + outcome.pushed() + " pulled="
                + outcome.pulled() + " error=" + outcome.errorCode());
        if ("schema_update_required".equals(outcome.errorCode()) && version >= settings.minUpload()) {
            violations.add("upload-window", "shop " + name + " at schema " + version + " was refused an upload while the hub"
                    + " accepts uploads from version " + settings.minUpload());
        }
        if (version < requiredAtStart && outcome.pushed() > 0) {
            stats.add("sync.uploads_while_behind_required_schema");
        }
        // Behind for the whole run: no catalog row may arrive (a raise during a run may follow pages pulled before it).
        if (version < requiredAtStart && outcome.pulled() > 0) {
            violations.add("download-gate", "shop " + name + " at schema " + version + " received catalog rows while the hub"
                    + " required version " + requiredAtStart);
        }
    }

    /** How long the hub refused this till's uploads as "from the future" before one got through. */
    private void measureUploadStall(SyncOutcome outcome) {
        if ("hlc_too_far_ahead".equals(outcome.errorCode())) {
            if (refusedSince < 0) {
                refusedSince = loop.now();
            }
        } else if (outcome.ok() && refusedSince >= 0) {
            stats.max("sync.longest_upload_stall_minutes", (loop.now() - refusedSince) / 60_000);
            refusedSince = -1;
        }
    }

    private void start(String label, Runnable body, Consumer<Throwable> done) {
        Fiber f = new Fiber(label, body);
        fiber = f;
        drive(f, f.start(), done);
    }

    private void drive(Fiber f, Fiber.Signal signal, Consumer<Throwable> done) {
        if (signal instanceof Fiber.Parked parked) {
            network.send(id, parked.request(), answer -> {
                if (fiber == f && !f.done()) {
                    drive(f, f.resume(answer), done);
                }
            });
            return;
        }
        if (fiber == f) {
            fiber = null;
        }
        done.accept(((Fiber.Done) signal).failure());
    }
}
