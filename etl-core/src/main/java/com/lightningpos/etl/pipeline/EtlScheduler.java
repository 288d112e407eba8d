package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SHOPS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hybrid scheduling of the per-shop ETL jobs. Event-driven: a push marks the shop's job row
 * ({@code etl_jobs.wake_requested_at}), which every hub process polls every few hundred
 * milliseconds, and an in-process {@link #wake} starts it at once. A periodic sweep catches
 * anything missed. Within a process a shop runs at most once at a time; across processes the
 * row lock in {@link EtlJobRunner} guarantees the same.
 */
public final class EtlScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EtlScheduler.class);

    private final DSLContext hub;
    private final EtlJobRunner runner;
    private final Clock clock;
    private final Duration sweepInterval;
    private final Duration wakePollInterval;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Set<UUID> queuedOrRunning = ConcurrentHashMap.newKeySet();
    private final Set<UUID> rerun = ConcurrentHashMap.newKeySet();
    private final Consumer<EtlRun> listener;
    private volatile long lastCatalogSeq = -1;

    public EtlScheduler(DSLContext hub, EtlJobRunner runner, Clock clock, Duration sweepInterval,
                        Duration wakePollInterval, int workerThreads, Consumer<EtlRun> listener) {
        this.hub = hub;
        this.runner = runner;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.wakePollInterval = wakePollInterval;
        this.listener = listener;
        this.workers = Executors.newFixedThreadPool(workerThreads, named("etl-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("etl-timer"));
    }

    public void start() {
        timer.scheduleWithFixedDelay(guarded(this::sweep), 1_000, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(guarded(this::pollWakeRequests), wakePollInterval.toMillis(),
                wakePollInterval.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(guarded(this::pollCatalogChanges), wakePollInterval.toMillis(),
                wakePollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the shop's job soon; if it is running now it runs once more afterwards. */
    public void wake(UUID shopId) {
        if (!queuedOrRunning.add(shopId)) {
            rerun.add(shopId);
            return;
        }
        workers.execute(() -> runLoop(shopId));
    }

    /** Wakes every enrolled shop, e.g. after a hub catalog change that all of them must receive. */
    public void wakeAll() {
        enrolledShops().forEach(this::wake);
    }

    private void runLoop(UUID shopId) {
        try {
            do {
                rerun.remove(shopId);
                EtlRun run = runner.run(shopId);
                listener.accept(run);
                if (!run.ok()) {
                    break;
                }
            } while (rerun.contains(shopId));
        } finally {
            queuedOrRunning.remove(shopId);
        }
    }

    void sweep() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        hub.select(SHOPS.ID).from(SHOPS)
                .leftJoin(ETL_JOBS).on(ETL_JOBS.SHOP_ID.eq(SHOPS.ID))
                .where(SHOPS.ENROLLED_AT.isNotNull().or(ETL_JOBS.SHOP_ID.isNotNull()))
                .and(ETL_JOBS.PUT_ASIDE_UNTIL.isNull().or(ETL_JOBS.PUT_ASIDE_UNTIL.lt(now)))
                .fetch(SHOPS.ID)
                .forEach(this::wake);
    }

    void pollWakeRequests() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        hub.select(ETL_JOBS.SHOP_ID).from(ETL_JOBS)
                .where(ETL_JOBS.WAKE_REQUESTED_AT.isNotNull())
                .and(ETL_JOBS.PUT_ASIDE_UNTIL.isNull().or(ETL_JOBS.PUT_ASIDE_UNTIL.lt(now)))
                .fetch(ETL_JOBS.SHOP_ID)
                .forEach(this::wake);
    }

    /**
     * A new hub catalog change (from the console, the admin API or any hub instance's ETL) wakes
     * every shop, so it reaches all replicas within a poll interval instead of the next sweep.
     */
    void pollCatalogChanges() {
        Long newest = hub.select(DSL.max(CATALOG_CHANGES.SEQ)).from(CATALOG_CHANGES).fetchOne(0, Long.class);
        long seq = newest == null ? 0 : newest;
        if (lastCatalogSeq >= 0 && seq > lastCatalogSeq) {
            wakeAll();
        }
        lastCatalogSeq = seq;
    }

    private List<UUID> enrolledShops() {
        return hub.select(SHOPS.ID).from(SHOPS)
                .where(SHOPS.ENROLLED_AT.isNotNull().or(DSL.exists(
                        DSL.selectOne().from(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(SHOPS.ID)))))
                .fetch(SHOPS.ID);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("ETL scheduling round failed (will retry): {}", e.getMessage());
            }
        };
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
