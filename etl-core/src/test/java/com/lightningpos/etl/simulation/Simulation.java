package com.lightningpos.etl.simulation;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.replica.BatchValidator;
import com.lightningpos.etl.sync.replica.PlantedBugs;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.etl.testing.HubTestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * One deterministic run: a hub and a chain of shops on one simulated time line, driven by one
 * seed. Phase one (the configured minutes): cashiers sell, refund, void, open and close cash
 * sessions and book expenses; managers and head office edit the catalog (the same hot items
 * everywhere); new shops are provisioned and enrol; the required schema version is raised and the
 * tills are updated one by one; and faults hit: lost, late, duplicated and replayed messages,
 * partitions of a shop or of the hub, shop and hub crashes at any database operation, skewed and
 * jumping shop clocks. Phase two: faults stop and the system syncs and runs its ETL until nothing
 * is left to do. Then every invariant is checked ({@link Invariants}).
 */
final class Simulation {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long SETTLE_ROUND = 15 * SECOND;

    /** What the hub's schema gate says now (kept in step with hub_settings). */
    static final class HubSettings {
        private int required;
        private int minUpload;

        int required() {
            return required;
        }

        int minUpload() {
            return minUpload;
        }

        void set(int required, int minUpload) {
            this.required = required;
            this.minUpload = Math.min(required, minUpload);
        }
    }

    private final SimConfig config;
    private final Trace trace = new Trace();
    private final Stats stats = new Stats();
    private final Violations violations = new Violations();
    private final EventLoop loop;
    private final SplittableRandom root;
    private final RandomGenerator random;
    private final HubSettings settings = new HubSettings();
    private final List<SimShop> shops = new ArrayList<>();
    private final Ledger ledger = new Ledger(violations);
    private final SimClock hubClock;
    private final long faultEnd;
    private Path dir;
    private HikariDataSource postgres;
    private SimHub hub;
    private Network network;
    private HeadOffice headOffice;
    private Faults faults;
    private boolean faultPhase = true;
    private SoakMonitor monitor;
    private long wallStart;
    /** The shop schema version of the newest till release; the hub starts requiring it, one behind may upload. */
    private int releasedVersion = SchemaKind.SHOP.latestVersion();

    Simulation(SimConfig config) {
        this.config = config;
        this.loop = new EventLoop(START.toEpochMilli(), trace);
        this.root = new SplittableRandom(config.seed());
        this.random = root.split();
        this.hubClock = new SimClock(loop::now);
        this.faultEnd = START.toEpochMilli() + config.faultPhase().toMillis();
    }

    static SimulationResult run(SimConfig config) {
        return new Simulation(config).run();
    }

    /** Samples heap, file handles and file sizes every {@code minutes} simulated minutes (soak runs). */
    Simulation monitor(SoakMonitor soakMonitor, long minutes) {
        this.monitor = soakMonitor;
        loop.after(minutes * MINUTE, "soak sample", () -> sample(minutes));
        return this;
    }

    SimulationResult run() {
        wallStart = System.nanoTime();
        try {
            setUp();
            loop.runUntil(faultEnd);
            if (settle()) {
                new Invariants(shops, hub, HubTestDatabase.dsl(postgres), ledger, violations, stats).checkAll();
            }
        } catch (Throwable t) {
            StringWriter text = new StringWriter();
            t.printStackTrace(new PrintWriter(text));
            violations.add("harness", "the simulation itself failed: " + text);
        } finally {
            tearDown();
        }
        return new SimulationResult(config, violations.list(), violations.count(), violations.knownFindings(), stats.asMap(),
                trace.digest(), loop.processed(), Duration.ofMillis(loop.now() - START.toEpochMilli()),
                Duration.ofNanos(System.nanoTime() - wallStart), trace.tail(), String.valueOf(dir));
    }

    // ------------------------------------------------------------------ set-up and schedule

    private void setUp() throws IOException {
        dir = RunFiles.newRunDirectory(config.seed());
        postgres = HubTestDatabase.freshDatabase();
        SimHub.ReplicaStores stores = config.skipHighWaterCheck()
                ? (d, clock, applier) -> PlantedBugs.replicaStoreWithoutHighWaterCheck(d, clock, BatchValidator.defaults(clock), applier)
                : (d, clock, applier) -> new ReplicaStore(d, clock, BatchValidator.defaults(clock), applier);
        hub = new SimHub(dir.resolve("replicas"), postgres, hubClock, root.split(), stats, trace, loop, stores, violations);
        hub.onCrash(h -> loop.after(faultPhase ? between(2 * SECOND, 90 * SECOND) : SECOND, "hub restarts", this::restartHub));
        network = new Network(loop, root.split(), hub, stats, trace);
        faults = new Faults(loop, root.split(), hub, network, shops, stats, trace, () -> faultPhase);
        hub.start();
        headOffice = new HeadOffice(hub, root.split());
        headOffice.seedCatalog(4, 3, 30);
        hub.requireSchema(releasedVersion);
        settings.set(releasedVersion, releasedVersion - 1);

        for (int i = 0; i < config.initialShops(); i++) {
            provision(between(0, MINUTE));
        }
        for (int i = 0; i < config.newShops(); i++) {
            loop.at(fraction(0.1, 0.7), "head office provisions a shop", () -> provision(between(10 * SECOND, 5 * MINUTE)));
        }
        loop.at(fraction(0.3, 0.6), "head office raises the required schema", this::raiseSchema);
        loop.after(SECOND, "etl", () -> etlTick(1));
        loop.after(exp(90 * SECOND), "head office edits", this::headOfficeEdits);
        if (config.faults()) {
            faults.start();
        }
    }

    private void provision(long tillStartsAfter) {
        UUID id = uuid();
        String name = "s" + (shops.size() + 1);
        String code = "CODE-" + Long.toHexString(random.nextLong());
        if (!hubOp(() -> hub.provision(id, name, code))) {
            loop.after(30 * SECOND, "head office provisions again", () -> provision(tillStartsAfter));
            return;
        }
        SimClock clock = new SimClock(loop::now);
        clock.skew(config.faults() ? faults.skew() : 0);
        SimShop shop = new SimShop(id.toString(), name, dir, clock, root.split(), network, loop, stats, trace, violations,
                settings, ledger, headOffice.hotItems(), releasedVersion);
        shop.enrolmentCode(code);
        NetworkProfile profile = !config.faults() ? NetworkProfile.duplicating()
                : random.nextDouble() < config.mobileShare() ? NetworkProfile.mobile(random) : NetworkProfile.fibre();
        network.profile(shop.id, name, profile);
        shop.onCrash(s -> loop.after(faultPhase ? between(2 * SECOND, 3 * MINUTE) : SECOND, "shop " + s.name + " restarts",
                () -> restartShop(s)));
        shops.add(shop);
        stats.add("shops.provisioned");
        trace.note(loop.now(), "provisioned shop " + name + " " + profile + " skew " + clock.skew() / 1000 + " s");
        loop.after(tillStartsAfter, "till " + name + " starts", () -> enrol(shop));
    }

    private void enrol(SimShop shop) {
        shop.enrol(() -> started(shop), refused -> {
            stats.add("enrol.refused." + refused.code());
            if (Codes.ENROLMENT_CODE_INVALID.equals(refused.code())) {
                // The code is spent for good (a lost answer is retried with the same code, so this is rare): head office issues a new one.
                loop.after(faultPhase ? between(5 * MINUTE, 30 * MINUTE) : MINUTE, "head office re-issues a code", () -> reissue(shop));
            } else {
                loop.after(MINUTE, "till " + shop.name + " enrols again", () -> enrol(shop));
            }
        }, () -> loop.after(between(10 * SECOND, MINUTE), "till " + shop.name + " enrols again", () -> enrol(shop)));
    }

    private void reissue(SimShop shop) {
        String code = "CODE-" + Long.toHexString(random.nextLong());
        if (hubOp(() -> hub.reissueCode(UUID.fromString(shop.id), code))) {
            shop.enrolmentCode(code);
            enrol(shop);
        } else {
            loop.after(MINUTE, "head office re-issues a code", () -> reissue(shop));
        }
    }

    private void started(SimShop shop) {
        long every = between(30 * SECOND, 3 * MINUTE);
        loop.after(between(0, every), "shop " + shop.name + " syncs", () -> syncs(shop, every));
        loop.after(exp(40 * SECOND), "shop " + shop.name + " sells", () -> activity(shop));
        if (config.faults()) {
            faults.start(shop);
        }
        if (shop.clientVersion() < releasedVersion) {
            loop.after(between(MINUTE, 40 * MINUTE), "till " + shop.name + " is updated", () -> shop.update(releasedVersion));
        }
    }

    private void syncs(SimShop shop, long every) {
        if (!faultPhase) {
            return; // the settling phase syncs every shop itself
        }
        shop.sync();
        loop.after(every, "shop " + shop.name + " syncs", () -> syncs(shop, every));
    }

    private void activity(SimShop shop) {
        if (!faultPhase) {
            return;
        }
        if (!network.reachable(shop.id) || !hub.up()) {
            stats.add("till.actions_while_offline");
        }
        shop.act();
        loop.after(exp(40 * SECOND), "shop " + shop.name + " sells", () -> activity(shop));
    }

    private void etlTick(long n) {
        hub.etlStep(n % 30 == 0);
        loop.after(SECOND, "etl", () -> etlTick(n + 1));
    }

    private void headOfficeEdits() {
        if (!faultPhase) {
            return;
        }
        if (hubOp(headOffice::edit)) {
            stats.add("hub.catalog_edits");
        }
        loop.after(exp(90 * SECOND), "head office edits", this::headOfficeEdits);
    }

    /** A new till release needs schema version + 1; tills one behind keep uploading until they are updated. */
    private void raiseSchema() {
        int next = releasedVersion + 1;
        if (!hubOp(() -> hub.requireSchema(next))) {
            loop.after(30 * SECOND, "head office raises the required schema", this::raiseSchema);
            return;
        }
        settings.set(next, next - 1);
        releasedVersion = next;
        trace.note(loop.now(), "required schema raised to " + next + " (uploads from " + (next - 1) + ")");
        for (SimShop shop : shops) {
            loop.after(between(MINUTE, 40 * MINUTE), "till " + shop.name + " is updated", () -> {
                if (faultPhase) {
                    shop.update(next);
                }
            });
        }
    }

    private void sample(long minutes) {
        long outbox = 0;
        long inbound = 0;
        long outbound = 0;
        for (SimShop shop : shops) {
            if (shop.state() != SimShop.State.WAITING_FOR_ENROLMENT) {
                outbox += shop.inspect().fetchCount(com.lightningpos.db.shop.Tables.SYNC_CHANGES);
            }
            if (hub.up() && hub.replicas().exists(shop.id)) {
                inbound += hub.replicas().dsl(shop.id).fetchCount(com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG);
                outbound += hub.replicas().dsl(shop.id).fetchCount(com.lightningpos.db.shop.Tables.REPLICA_OUTBOUND_LOG);
            }
        }
        monitor.sample(loop.now(), (System.nanoTime() - wallStart) / 1e9, shops.size(), ledger.count(), dir, outbox, inbound,
                outbound, loop.processed());
        loop.after(minutes * MINUTE, "soak sample", () -> sample(minutes));
    }

    private void restartHub() {
        if (!hub.up()) {
            hub.start();
            trace.note(loop.now(), "hub restarted");
        }
    }

    private void restartShop(SimShop shop) {
        shop.restart();
    }

    // ------------------------------------------------------------------ settling

    /** Faults stop; everybody syncs and the ETL runs until nothing is pending anywhere. */
    private boolean settle() {
        faultPhase = false;
        network.calm();
        hub.crash.disarm();
        restartHub();
        for (SimShop shop : shops) {
            shop.crash.disarm();
            restartShop(shop);
            shop.update(settings.required());
        }
        long limit = loop.now() + config.settleLimit().toMillis();
        long settleStart = loop.now();
        Quiescence quiescence = new Quiescence(shops, hub, HubTestDatabase.dsl(postgres), network, settings);
        int quietRounds = 0;
        while (loop.now() < limit) {
            shops.forEach(SimShop::sync);
            loop.runUntil(loop.now() + SETTLE_ROUND);
            List<String> pending = quiescence.pending();
            quietRounds = pending.isEmpty() ? quietRounds + 1 : 0;
            if (quietRounds >= 2) {
                stats.add("settle.seconds", (loop.now() - settleStart) / 1000);
                return true;
            }
        }
        violations.add("settles", "still busy " + config.settleLimit().toHours() + " h after the faults stopped: "
                + String.join("; ", quiescence.pending()));
        return false;
    }

    private void tearDown() {
        for (SimShop shop : shops) {
            shop.shutdown();
        }
        if (hub != null && hub.replicas() != null) {
            hub.replicas().close();
        }
        if (postgres != null) {
            RunFiles.dropDatabase(postgres);
        }
        if (dir != null && !violations.any()) {
            RunFiles.delete(dir);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Runs a head-office action on the hub; false when the hub is down or died doing it. */
    private boolean hubOp(Runnable action) {
        if (!hub.up()) {
            return false;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            if (!hub.crashedNow()) {
                throw e;
            }
            return false;
        }
        return !hub.crashedNow();
    }

    private long between(long min, long max) {
        return min >= max ? min : random.nextLong(min, max);
    }

    private long exp(long meanMillis) {
        return Math.max(1, (long) (-meanMillis * Math.log(1 - random.nextDouble())));
    }

    private long fraction(double from, double to) {
        long span = config.faultPhase().toMillis();
        return START.toEpochMilli() + (long) (span * (from + (to - from) * random.nextDouble()));
    }

    private UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x7000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
