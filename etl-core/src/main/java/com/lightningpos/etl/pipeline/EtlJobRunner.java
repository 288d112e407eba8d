package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SYNC_RUNS;

import com.lightningpos.etl.change.ChangeRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one shop's ETL job: extract → transform → load in batches, then propagate catalog changes to
 * the shop's replica. Each batch is one PostgreSQL transaction that first claims the shop's
 * {@code etl_jobs} row with {@code FOR UPDATE SKIP LOCKED} and ends by moving the cursor: two hub
 * processes never run the same shop at once, and a crash anywhere replays the batch, which the
 * id-keyed upserts make harmless. A shop that keeps failing is put aside with a growing back-off
 * so that it cannot hold up the others.
 */
public final class EtlJobRunner {

    private static final Logger log = LoggerFactory.getLogger(EtlJobRunner.class);

    private final DSLContext hub;
    private final Extractor extractor;
    private final Loader loader;
    private final Propagator propagator;
    private final Clock clock;
    private final int batchSize;
    private final String workerName;
    private volatile java.util.function.Consumer<UUID> afterLoadHook = shopId -> { };

    public EtlJobRunner(DSLContext hub, Extractor extractor, Loader loader, Propagator propagator, Clock clock,
                        int batchSize, String workerName) {
        this.hub = hub;
        this.extractor = extractor;
        this.loader = loader;
        this.propagator = propagator;
        this.clock = clock;
        this.batchSize = batchSize;
        this.workerName = workerName;
    }

    /** Runs the job for {@code shopId} until its inbound log is drained; never throws. */
    public EtlRun run(UUID shopId) {
        Instant started = clock.instant();
        ensureJobRow(shopId);
        int loaded = 0;
        int propagated = 0;
        try {
            while (true) {
                BatchResult batch = hub.transactionResult(cfg -> loadOneBatch(cfg.dsl(), shopId, started));
                if (batch == null) {
                    return new EtlRun(shopId, false, loaded, propagated, -1, started, clock.instant(), null);
                }
                loaded += batch.rows();
                if (batch.rows() < batchSize) {
                    break;
                }
            }
            Integer delivered = hub.transactionResult(cfg -> claim(cfg.dsl(), shopId) == null ? null
                    : propagator.propagate(cfg.dsl(), shopId));
            propagated = delivered == null ? 0 : delivered;
            EtlRun run = new EtlRun(shopId, true, loaded, propagated, 0, started, clock.instant(), null);
            recordSuccess(run);
            return run;
        } catch (RuntimeException e) {
            String message = describe(e);
            log.warn("ETL for shop {} failed after {} rows: {}", shopId, loaded, message);
            EtlRun run = new EtlRun(shopId, true, loaded, propagated, -1, started, clock.instant(), message);
            recordFailure(run);
            return run;
        }
    }

    private BatchResult loadOneBatch(DSLContext tx, UUID shopId, Instant started) {
        var job = claim(tx, shopId);
        if (job == null) {
            return null;
        }
        if (job.getWakeRequestedAt() != null && !job.getWakeRequestedAt().toInstant().isAfter(started)) {
            job.setWakeRequestedAt(null);
        }
        List<ChangeRow> rows = extractor.after(shopId, job.getInboundCursor(), batchSize);
        if (!rows.isEmpty()) {
            loader.load(tx, shopId, rows);
            afterLoadHook.accept(shopId);
            job.setInboundCursor(rows.get(rows.size() - 1).seq());
        }
        job.setLastRunAt(now());
        job.store();
        return new BatchResult(rows.size());
    }

    /** Test seam: runs after a batch is loaded and before the cursor moves, in the same transaction. */
    void afterLoad(java.util.function.Consumer<UUID> hook) {
        this.afterLoadHook = hook;
    }

    private com.lightningpos.db.hub.tables.records.EtlJobsRecord claim(DSLContext tx, UUID shopId) {
        return tx.selectFrom(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(shopId)).forUpdate().skipLocked().fetchOne();
    }

    private void ensureJobRow(UUID shopId) {
        hub.insertInto(ETL_JOBS).set(ETL_JOBS.SHOP_ID, shopId).onConflictDoNothing().execute();
    }

    private void recordSuccess(EtlRun run) {
        hub.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            long cursor = tx.select(ETL_JOBS.INBOUND_CURSOR).from(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(run.shopId()))
                    .fetchOne(ETL_JOBS.INBOUND_CURSOR);
            Extractor.Backlog backlog = extractor.backlog(run.shopId(), cursor);
            tx.update(ETL_JOBS)
                    .set(ETL_JOBS.LAST_SUCCESS_AT, now())
                    .set(ETL_JOBS.CONSECUTIVE_FAILURES, 0)
                    .setNull(ETL_JOBS.PUT_ASIDE_UNTIL)
                    .setNull(ETL_JOBS.LAST_ERROR)
                    .where(ETL_JOBS.SHOP_ID.eq(run.shopId()))
                    .execute();
            if (run.loaded() > 0 || run.propagated() > 0) {
                insertRun(tx, run, backlog);
            }
        });
    }

    private void recordFailure(EtlRun run) {
        try {
            hub.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                var job = tx.selectFrom(ETL_JOBS).where(ETL_JOBS.SHOP_ID.eq(run.shopId())).fetchOne();
                int failures = job.getConsecutiveFailures() + 1;
                job.setConsecutiveFailures(failures);
                job.setLastError(run.error());
                job.setPutAsideUntil(now().plus(backoff(failures)));
                job.store();
                insertRun(tx, run, null);
            });
        } catch (RuntimeException e) {
            log.error("Could not record the ETL failure of shop {}: {}", run.shopId(), describe(e));
        }
    }

    private void insertRun(DSLContext tx, EtlRun run, Extractor.Backlog backlog) {
        tx.insertInto(SYNC_RUNS)
                .set(SYNC_RUNS.SHOP_ID, run.shopId())
                .set(SYNC_RUNS.KIND, "etl")
                .set(SYNC_RUNS.STARTED_AT, run.startedAt().atOffset(ZoneOffset.UTC))
                .set(SYNC_RUNS.FINISHED_AT, run.finishedAt().atOffset(ZoneOffset.UTC))
                .set(SYNC_RUNS.ROWS_DONE, run.loaded() + run.propagated())
                .set(SYNC_RUNS.ROWS_WAITING, backlog == null ? null : backlog.rows())
                .set(SYNC_RUNS.OLDEST_WAITING_AT, backlog == null || backlog.oldestAppliedAt() == null ? null
                        : Instant.parse(backlog.oldestAppliedAt()).atOffset(ZoneOffset.UTC))
                .set(SYNC_RUNS.OK, run.ok())
                .set(SYNC_RUNS.ERROR, run.error())
                .set(SYNC_RUNS.WORKER, workerName)
                .execute();
    }

    /** 10 s, 20 s, 40 s … at most 10 minutes. */
    static Duration backoff(int failures) {
        long seconds = 10L << Math.min(failures - 1, 6);
        return Duration.ofSeconds(Math.min(seconds, 600));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record BatchResult(int rows) {
    }
}
