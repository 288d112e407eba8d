package com.lightningpos.pos.sync;

import static com.lightningpos.db.shop.Tables.SYNC_CHANGES;
import static com.lightningpos.db.shop.Tables.SYNC_STATE;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.TransportException;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;
import com.lightningpos.etl.sync.client.SyncClient;
import com.lightningpos.etl.sync.client.SyncListener;
import com.lightningpos.etl.sync.client.SyncOutcome;
import com.lightningpos.etl.sync.client.SyncStream;
import com.lightningpos.pos.config.PosProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs the till's sync: at start, every {@code pos.sync-interval}, and on demand. Never two runs at
 * once (a second request while one runs is answered "skipped"), and never on a request thread of
 * a sale: selling only ever waits for SQLite's short write lock, which a sync takes page by page.
 */
@Service
public class SyncService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    private static final Duration FOLLOW_UP = Duration.ofSeconds(10);
    private static final Duration FOLLOW_UP_WINDOW = Duration.ofMinutes(15);

    /** What the last run left behind, for the status panel. */
    record RunState(boolean standalone, boolean running, boolean hubReachable, String lastError, long quarantinedCount,
                    SyncStatus.Bootstrap bootstrap, String shopId, String hubUrl) {

        RunState with(boolean running, SyncStatus.Bootstrap bootstrap) {
            return new RunState(standalone, running, hubReachable, lastError, quarantinedCount, bootstrap, shopId, hubUrl);
        }
    }

    /** The answer of an on-demand sync. */
    public record Result(String outcome, SyncStatus status) {
    }

    /**
     * The answer of an on-demand consistency check: {@code consistent}, {@code differs},
     * {@code pending} (changes still wait to be pushed), {@code failed} or {@code skipped}.
     */
    public record VerifyResult(String outcome, ConsistencyComparison comparison, String error) {
    }

    private final PosProperties properties;
    private final DSLContext db;
    private final Clock clock;
    private final CredentialsStore store;
    private final Enrolment enrolment;
    private final TillJoin join;
    private final SyncStatusQuery query;
    private final ObjectProvider<HybridLogicalClock> hlc;
    private final ConsistencyVerification consistency;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "till-sync");
        t.setDaemon(true);
        return t;
    });
    private volatile RunState state;
    private volatile Instant startedAt;
    private HubApi hub;
    private StoredCredentials hubFor;

    public SyncService(PosProperties properties, DSLContext db, Clock clock, SyncStatusQuery query,
                       ObjectProvider<HybridLogicalClock> hlc, ConsistencyVerification consistency) {
        this.properties = properties;
        this.db = db;
        this.clock = clock;
        this.store = new CredentialsStore(properties.dataDir());
        this.join = new TillJoin(properties.dataDir(), db, clock);
        this.enrolment = new Enrolment(properties, store, db, clock, join);
        this.query = query;
        this.hlc = hlc;
        this.consistency = consistency;
        Optional<StoredCredentials> stored = readQuietly(store);
        this.state = new RunState(standalone(stored), false, false, null, 0, SyncStatus.Bootstrap.IDLE,
                stored.map(StoredCredentials::shopId).orElse(null), hubUrl(stored));
    }

    /** A damaged credentials file must not stop the till from selling; the sync reports it instead. */
    private static Optional<StoredCredentials> readQuietly(CredentialsStore store) {
        try {
            return store.read();
        } catch (RuntimeException e) {
            log.error("{}: sync is off until it is fixed or removed", e.getMessage());
            return Optional.empty();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startBackgroundSync() {
        if (state.standalone()) {
            log.info("No hub configured: this till works standalone and does not sync");
            return;
        }
        long period = Math.max(1_000, properties.syncInterval().toMillis());
        startedAt = clock.instant();
        background.scheduleWithFixedDelay(this::runQuietly, 0, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Soon after start, a till that has no catalog yet (a new shop: the hub fills its replica with the
     * catalog in the background, which takes a while at 100,000 items) or whose join waits for the
     * hub to load its history syncs again in {@link #FOLLOW_UP} instead of waiting a whole interval.
     */
    private boolean needsFollowUp() {
        if (startedAt == null || clock.instant().isAfter(startedAt.plus(FOLLOW_UP_WINDOW)) || !state.hubReachable()) {
            return false;
        }
        Long catalogCursor = db.select(SYNC_STATE.CURSOR).from(SYNC_STATE)
                .where(SYNC_STATE.STREAM.eq(SyncStream.CATALOG_DOWN.key())).fetchOne(SYNC_STATE.CURSOR);
        return catalogCursor == null || catalogCursor == 0 || join.awaitingVerification();
    }

    public SyncStatus status() {
        return query.status(state, join.history());
    }

    /** Runs a sync now on the caller's thread, unless one is running already. */
    public Result syncNow() {
        if (state.standalone()) {
            return new Result("skipped", status());
        }
        if (!lock.tryLock()) {
            return new Result("skipped", status());
        }
        try {
            return new Result(run() ? "ok" : "failed", status());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Syncs, then sends the till's consistency report to the hub and answers its three-tier
     * comparison (unless a sync is running or changes are still pending after this one).
     */
    public VerifyResult verifyNow() {
        if (state.standalone() || !lock.tryLock()) {
            return new VerifyResult("skipped", null, null);
        }
        try {
            if (!run()) {
                return new VerifyResult("failed", null, state.lastError());
            }
            Optional<StoredCredentials> credentials = enrolment.credentials();
            if (credentials.isEmpty()) {
                return new VerifyResult("failed", null, "not_enrolled");
            }
            return consistency.verifyWithHub(hub(credentials.get()))
                    .map(c -> new VerifyResult(c.consistent() ? "consistent" : "differs", c, null))
                    .orElseGet(() -> new VerifyResult("pending", null, "changes still wait to be pushed"));
        } catch (TransportException e) {
            return new VerifyResult("failed", null, "hub_unreachable");
        } catch (HubCallException e) {
            return new VerifyResult("failed", null, e.code() + ": " + e.error().detail());
        } finally {
            lock.unlock();
        }
    }

    /** Called whenever the status may have changed (run started, progress, run ended). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void runQuietly() {
        try {
            syncNow();
            if (needsFollowUp()) {
                background.schedule(this::runQuietly, FOLLOW_UP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            log.warn("Background sync failed: {}", e.toString());
        }
    }

    private boolean run() {
        update(state.with(true, SyncStatus.Bootstrap.IDLE));
        try {
            Optional<StoredCredentials> credentials = enrolment.credentials();
            if (credentials.isEmpty()) {
                finish(false, "not_enrolled: start the till with pos.enrolment-code from head office", null, null);
                return false;
            }
            if (!credentials.get().shopId().equals(state.shopId())) {
                // Just enrolled: the status shows the issued id while the first run (a join's upload) goes on.
                RunState s = state;
                update(new RunState(false, true, s.hubReachable(), s.lastError(), s.quarantinedCount(), s.bootstrap(),
                        credentials.get().shopId(), hubUrl(credentials)));
            }
            SyncClient client = new SyncClient(db, hub(credentials.get()), clock, hlc.getIfAvailable(),
                    SyncClient.DEFAULT_PUSH_BATCH, SyncClient.DEFAULT_PULL_PAGE);
            SyncOutcome outcome = client.run(progress());
            if (outcome.ok()) {
                verifyJoinIfDue(client, credentials.get());
                consistency.afterSync(hub(credentials.get()));
            }
            finish(outcome.hubReachable(), outcome.ok() ? null : errorOf(outcome), outcome.quarantinedCount(), credentials.get());
            return outcome.ok();
        } catch (TransportException e) {
            finish(false, "hub_unreachable", null, null);
            return false;
        } catch (HubCallException e) {
            finish(true, e.code() + ": " + e.error().detail(), null, null);
            return false;
        } catch (RuntimeException e) {
            log.error("Sync run failed", e);
            finish(false, e.getMessage(), null, null);
            return false;
        }
    }

    /**
     * Step 5 of a join: once the whole history is up, the three tiers are compared; equal means the
     * join is verified (and no longer undoable). Not equal yet (the hub still loading) → next run.
     */
    private void verifyJoinIfDue(SyncClient client, StoredCredentials credentials) throws TransportException, HubCallException {
        if (!join.awaitingVerification() || db.fetchExists(SYNC_CHANGES, SYNC_CHANGES.SYNC_STATUS.eq("pending"))) {
            return;
        }
        List<String> differing = JoinVerification.unverifiedHistoryTables(db, hub(credentials), client);
        if (differing.isEmpty()) {
            join.markVerified(new HubApiJoinHub(hub(credentials)));
        } else {
            log.info("Join not verified yet: {} not yet equal at the shop, its replica and the hub", differing);
        }
    }

    private SyncListener progress() {
        return new SyncListener() {
            @Override
            public void bootstrapProgress(long received, long total) {
                update(state.with(true, new SyncStatus.Bootstrap(received < total, received, total)));
            }

            @Override
            public void pushed(long ackedSeq) {
                notifyListeners();
            }
        };
    }

    private void finish(boolean reachable, String error, Long quarantined, StoredCredentials credentials) {
        Optional<StoredCredentials> stored = credentials != null ? Optional.of(credentials) : readQuietly(store);
        update(new RunState(standalone(stored), false, reachable, error,
                quarantined != null ? quarantined : state.quarantinedCount(), SyncStatus.Bootstrap.IDLE,
                stored.map(StoredCredentials::shopId).orElse(null), hubUrl(stored)));
    }

    private static String errorOf(SyncOutcome outcome) {
        return switch (outcome.errorCode() == null ? "" : outcome.errorCode()) {
            case "hub_unreachable", "schema_update_required" -> outcome.errorCode();
            case "unauthorized", "token_expired", "bad_credentials" -> "unauthorized";
            default -> outcome.error();
        };
    }

    private synchronized HubApi hub(StoredCredentials credentials) {
        if (hub == null || !credentials.equals(hubFor)) {
            URI url = HubUrls.check(hubUrl(Optional.of(credentials)), properties.allowInsecureHub());
            hub = new HubApi(new HttpSyncTransport(url), credentials.credentials(), SchemaKind.SHOP.latestVersion(), clock);
            hubFor = credentials;
        }
        return hub;
    }

    /** {@code pos.hub-url} when given, else the hub the till enrolled with. */
    private String hubUrl(Optional<StoredCredentials> stored) {
        return properties.standalone() ? stored.map(StoredCredentials::hubUrl).orElse(null) : properties.hubUrl();
    }

    private boolean standalone(Optional<StoredCredentials> stored) {
        return properties.standalone() && stored.isEmpty();
    }

    private void update(RunState next) {
        state = next;
        notifyListeners();
    }

    private void notifyListeners() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("Sync status listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
