package com.lightningpos.hub.consistency;

import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.hub.api.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The consistency check for the console, the admin API and the shops' reports: one shop at once, or
 * all shops on a background thread (a thousand shops take minutes; nobody waits for them), and the
 * gauge {@code lightning.consistency.differing.tables}.
 */
@Service
public class ConsistencyService implements DisposableBean {

    public static final String DIFFERING_TABLES_GAUGE = "lightning.consistency.differing.tables";

    private static final Logger log = LoggerFactory.getLogger(ConsistencyService.class);

    /** Where a check of all shops stands. */
    public record CheckAllProgress(boolean running, int shopsDone, int shopsTotal, Instant startedAt, Instant finishedAt,
                                   Integer shopsDiffering, String error) {

        static final CheckAllProgress NEVER = new CheckAllProgress(false, 0, 0, null, null, null, null);
    }

    private final ConsistencyCheck check;
    private final DSLContext hub;
    private final Clock clock;
    private final AtomicReference<CheckAllProgress> progress = new AtomicReference<>(CheckAllProgress.NEVER);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "consistency-check");
        t.setDaemon(true);
        return t;
    });

    public ConsistencyService(ConsistencyCheck check, DSLContext hub, Clock clock, MeterRegistry registry) {
        this.check = check;
        this.hub = hub;
        this.clock = clock;
        Gauge.builder(DIFFERING_TABLES_GAUGE, check, ConsistencyCheck::differingTables)
                .description("Shop tables that differed between shop, replica and PostgreSQL at their latest check")
                .register(registry);
    }

    /** A till's own report: stored, then the shop is checked against it. */
    public ConsistencyComparison acceptShopReport(UUID shopId, ConsistencyReport report) {
        return check.acceptShopReport(shopId, report);
    }

    public ConsistencyComparison checkShop(UUID shopId) {
        requireShop(shopId);
        return check.check(shopId);
    }

    /** Starts a check of every shop unless one is running; answers at once with where it stands. */
    public synchronized CheckAllProgress startCheckAll() {
        if (progress.get().running()) {
            return progress.get();
        }
        int total = hub.fetchCount(SHOPS);
        Instant started = clock.instant();
        progress.set(new CheckAllProgress(true, 0, total, started, null, null, null));
        background.execute(() -> {
            try {
                List<ConsistencyComparison> all = check.checkAll(done ->
                        progress.set(new CheckAllProgress(true, done, Math.max(total, done), started, null, null, null)));
                int differing = (int) all.stream().filter(c -> !c.consistent()).count();
                progress.set(new CheckAllProgress(false, all.size(), all.size(), started, clock.instant(), differing, null));
                log.info("Consistency check of {} shops: {} differ", all.size(), differing);
            } catch (RuntimeException e) {
                CheckAllProgress p = progress.get();
                progress.set(new CheckAllProgress(false, p.shopsDone(), p.shopsTotal(), started, clock.instant(), null, e.getMessage()));
                log.error("Consistency check of all shops failed: {}", e.getMessage(), e);
            }
        });
        return progress.get();
    }

    public CheckAllProgress progress() {
        return progress.get();
    }

    /** Latest results of one shop, or of all shops when {@code shopId} is null. */
    public List<ConsistencyResult> results(UUID shopId) {
        if (shopId != null) {
            requireShop(shopId);
        }
        return check.results(shopId);
    }

    /** Only the results that need attention: differences and tiers left out (stale or missing reports). */
    public List<ConsistencyResult> needingAttention() {
        return check.results(null).stream().filter(ConsistencyResult::needsAttention).toList();
    }

    /** The shop tables that differ at their latest check. */
    public List<ConsistencyResult> differing() {
        return check.results(null).stream().filter(ConsistencyResult::differs).toList();
    }

    /**
     * One row per shop where some table could not be compared (stale or missing shop report, changes
     * still travelling) and none differs: a busy till's report is usually a little stale, so per
     * table this would list every table of every busy shop.
     */
    public List<ConsistencyResult> notComparedByShop() {
        java.util.Map<java.util.UUID, ConsistencyResult> firstPerShop = new java.util.LinkedHashMap<>();
        java.util.Set<java.util.UUID> differingShops = new java.util.HashSet<>();
        for (ConsistencyResult r : check.results(null)) {
            if (r.differs()) {
                differingShops.add(r.shopId());
            } else if (r.note() != null) {
                firstPerShop.putIfAbsent(r.shopId(), r);
            }
        }
        return firstPerShop.values().stream().filter(r -> !differingShops.contains(r.shopId())).toList();
    }

    public int differingTables() {
        return check.differingTables();
    }

    private void requireShop(UUID shopId) {
        if (!hub.fetchExists(SHOPS, SHOPS.ID.eq(shopId))) {
            throw ProblemException.notFound("No shop " + shopId);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
