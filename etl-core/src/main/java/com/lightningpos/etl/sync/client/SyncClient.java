package com.lightningpos.etl.sync.client;

import com.lightningpos.etl.change.ChangeRow;
import com.lightningpos.etl.change.RowApplier;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.HubStatus;
import com.lightningpos.etl.sync.PullResponse;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.TransportException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shop's sync run: ask the hub's status (schema gate) → pull hub changes page by page (each
 * page and the cursor in one local transaction) → push pending outbox rows in bounded batches
 * (marking them synced on the ack) → record the outcome in {@code sync_state}.
 *
 * <p>Every step is safe to repeat, so a run that fails anywhere (no network, a dropped response,
 * a crash) is simply run again: the hub skips rows it already has, and the shop re-applies a page
 * it did not record. The two streams are independent: a schema gate or a hub error on one does not
 * stop the other; only an unreachable hub stops both. Not thread-safe: the caller runs one at a time.
 */
public final class SyncClient {

    private static final Logger log = LoggerFactory.getLogger(SyncClient.class);

    public static final int DEFAULT_PUSH_BATCH = 500;
    public static final int DEFAULT_PULL_PAGE = 500;
    private static final int MAX_REWINDS = 3;

    private final DSLContext db;
    private final HubApi hub;
    private final Clock clock;
    private final LocalSyncState state;
    private final PulledChangeApplier puller;
    private final int pushBatch;
    private final int pullPage;

    public SyncClient(DSLContext db, HubApi hub, Clock clock, HybridLogicalClock hlc, int pushBatch, int pullPage) {
        this.db = db;
        this.hub = hub;
        this.clock = clock;
        this.state = new LocalSyncState(db);
        this.puller = new PulledChangeApplier(new RowApplier(), hub.shopId(), hlc);
        this.pushBatch = pushBatch;
        this.pullPage = pullPage;
    }

    public SyncClient(DSLContext db, HubApi hub, Clock clock) {
        this(db, hub, clock, null, DEFAULT_PUSH_BATCH, DEFAULT_PULL_PAGE);
    }

    public SyncOutcome run() {
        return run(SyncListener.NONE);
    }

    public SyncOutcome run(SyncListener listener) {
        Run run = new Run();
        state.markAttempt(clock.instant());
        HubStatus status;
        try {
            status = hub.status();
        } catch (TransportException e) {
            return unreachable(run, e);
        } catch (HubCallException e) {
            run.fail(e.code(), e.getMessage());
            state.recordError(SyncStream.SALES_UP, lastError(e));
            state.recordError(SyncStream.CATALOG_DOWN, lastError(e));
            return run.outcome(true);
        }
        run.required = status.requiredSchemaVersion();
        run.quarantinedCount = status.quarantinedCount();
        state.recordRequiredVersion(status.requiredSchemaVersion());
        try {
            if (hub.schemaVersion() >= status.requiredSchemaVersion()) {
                pullAll(run, listener);
            } else {
                run.needsUpdate = true;
                state.recordError(SyncStream.CATALOG_DOWN, Codes.SCHEMA_UPDATE_REQUIRED);
            }
            if (hub.schemaVersion() >= status.minUploadSchemaVersion()) {
                pushAll(run, listener, status.highWaterSeq());
            } else {
                run.fail(Codes.SCHEMA_UPDATE_REQUIRED, "This till must be updated before it can upload.");
                state.recordError(SyncStream.SALES_UP, Codes.SCHEMA_UPDATE_REQUIRED);
            }
        } catch (TransportException e) {
            return unreachable(run, e);
        }
        return run.outcome(true);
    }

    /** Compares this shop's synced tables with its replica; meaningful when nothing is pending either way. */
    public List<String> consistencyDifferences() throws TransportException, HubCallException {
        ConsistencyReport remote = hub.consistency();
        ConsistencyReport local = db.transactionResult(c -> TableChecksum.report(c.dsl(), LocalSyncState.cursor(c.dsl(), SyncStream.SALES_UP)));
        return local.differencesFrom(remote);
    }

    private void pullAll(Run run, SyncListener listener) throws TransportException {
        long cursor = state.cursor(SyncStream.CATALOG_DOWN);
        boolean bootstrap = cursor == 0;
        try {
            while (true) {
                PullResponse page = hub.pull(cursor, pullPage);
                puller.apply(db, page);
                run.pulled += page.rows().size();
                if (bootstrap) {
                    listener.bootstrapProgress(run.pulled, run.pulled + page.remaining());
                }
                cursor = page.nextCursor();
                if (!page.hasMore() || page.rows().isEmpty()) {
                    break;
                }
            }
            state.markSynced(SyncStream.CATALOG_DOWN, clock.instant());
        } catch (HubCallException e) {
            if (Codes.SCHEMA_UPDATE_REQUIRED.equals(e.code())) {
                run.needsUpdate = true;
                run.required = e.error().requiredVersion();
            } else {
                run.fail(e.code(), e.getMessage());
            }
            state.recordError(SyncStream.CATALOG_DOWN, lastError(e));
        }
    }

    private void pushAll(Run run, SyncListener listener, long hubHighWater) throws TransportException {
        int rewinds = 0;
        long acked = state.cursor(SyncStream.SALES_UP);
        if (hubHighWater < acked) {
            // The hub lost changes it had acknowledged (restored from an older backup). With nothing new
            // pending no push would reach it to answer seq_gap, so resend from its high-water mark now.
            log.warn("The hub has this shop's changes up to seq {} only, but acknowledged up to {}: sending them again",
                    hubHighWater, acked);
            state.rewindSales(hubHighWater + 1);
        }
        try {
            while (true) {
                long cursor = state.cursor(SyncStream.SALES_UP);
                List<ChangeRow> rows = state.outboxAfter(cursor, pushBatch);
                if (rows.isEmpty()) {
                    break;
                }
                PushRequest batch = new PushRequest(hub.shopId(), cursor + 1, rows.get(rows.size() - 1).seq(), rows);
                try {
                    PushResponse ack = hub.push(batch);
                    state.acknowledge(ack.ackedSeq(), clock.instant());
                    run.pushed += ack.applied() + ack.quarantined().size();
                    run.quarantined.addAll(ack.quarantined());
                    listener.pushed(ack.ackedSeq());
                } catch (HubCallException e) {
                    if (!Codes.SEQ_GAP.equals(e.code()) || e.error().resumeFrom() == null || ++rewinds > MAX_REWINDS) {
                        throw e;
                    }
                    log.warn("The hub is missing this shop's changes from seq {}: sending them again", e.error().resumeFrom());
                    state.rewindSales(e.error().resumeFrom());
                }
            }
            state.markSynced(SyncStream.SALES_UP, clock.instant());
        } catch (HubCallException e) {
            run.fail(e.code(), e.getMessage());
            state.recordError(SyncStream.SALES_UP, lastError(e));
        }
    }

    private SyncOutcome unreachable(Run run, TransportException e) {
        log.info("Hub not reachable: {}", e.getMessage());
        state.recordError(SyncStream.SALES_UP, "hub_unreachable");
        state.recordError(SyncStream.CATALOG_DOWN, "hub_unreachable");
        run.fail("hub_unreachable", e.getMessage());
        return run.outcome(false);
    }

    /** Codes the till's panel turns into words; other failures keep the hub's sentence. */
    private static String lastError(HubCallException e) {
        return switch (e.code()) {
            case Codes.SCHEMA_UPDATE_REQUIRED -> Codes.SCHEMA_UPDATE_REQUIRED;
            case Codes.UNAUTHORIZED, Codes.TOKEN_EXPIRED, Codes.BAD_CREDENTIALS -> "unauthorized";
            default -> e.error().detail() != null ? e.error().detail() : e.code();
        };
    }

    /** Mutable tally of one run. */
    private static final class Run {
        int pulled;
        int pushed;
        final List<Long> quarantined = new ArrayList<>();
        Long quarantinedCount;
        boolean needsUpdate;
        Integer required;
        String errorCode;
        String error;

        void fail(String code, String message) {
            if (errorCode == null) {
                errorCode = code;
                error = message;
            }
        }

        SyncOutcome outcome(boolean reachable) {
            if (quarantinedCount != null) {
                quarantinedCount += quarantined.size();
            }
            return new SyncOutcome(errorCode == null, reachable, pulled, pushed, quarantined, quarantinedCount,
                    needsUpdate, required, errorCode, error);
        }
    }
}
