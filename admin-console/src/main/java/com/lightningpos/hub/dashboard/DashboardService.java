package com.lightningpos.hub.dashboard;

import static com.lightningpos.db.hub.Tables.SYNC_CONFLICTS;
import static com.lightningpos.db.hub.Tables.SYNC_RUNS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import com.lightningpos.hub.api.ProblemException;
import com.lightningpos.hub.sales.SalesReportService;
import com.lightningpos.hub.shops.ShopOverview;
import com.lightningpos.hub.shops.ShopOverviewQuery;
import com.lightningpos.hub.shops.ShopStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The sync health dashboard's data. A handful of queries whatever the number of shops: one for
 * all shops with their health, one aggregate per plot (grouped per time bucket in PostgreSQL over
 * the {@code sync_runs (started_at)} index), one for today's sales.
 */
@Service
public class DashboardService {

    /** The time range a plot covers and the width of its buckets. */
    public enum Window {
        LAST_HOUR(Duration.ofHours(1), Duration.ofMinutes(1)),
        LAST_DAY(Duration.ofDays(1), Duration.ofMinutes(30)),
        LAST_WEEK(Duration.ofDays(7), Duration.ofHours(6));

        private final Duration span;
        private final Duration bucket;

        Window(Duration span, Duration bucket) {
            this.span = span;
            this.bucket = bucket;
        }
    }

    /** The run kind whose rows have reached the hub's database: what "rows synced" counts. */
    static final String LOADED = "etl";

    private final DSLContext db;
    private final ShopOverviewQuery shops;
    private final SalesReportService sales;
    private final Clock clock;
    private final ObjectProvider<ReplicaConsistencyProvider> consistency;

    public DashboardService(DSLContext db, ShopOverviewQuery shops, SalesReportService sales, Clock clock,
                            ObjectProvider<ReplicaConsistencyProvider> consistency) {
        this.db = db;
        this.shops = shops;
        this.sales = sales;
        this.clock = clock;
        this.consistency = consistency;
    }

    public DashboardSnapshot snapshot(Window window) {
        Instant now = clock.instant();
        List<ShopOverview> all = shops.all();
        Map<ShopStatus, Long> counts = new EnumMap<>(ShopStatus.class);
        for (ShopStatus status : ShopStatus.values()) {
            counts.put(status, 0L);
        }
        all.forEach(s -> counts.merge(s.status(), 1L, Long::sum));
        SalesReportService.Totals today = sales.today();
        long lastHour = db.select(coalesce(sum(SYNC_RUNS.ROWS_DONE), BigDecimal.ZERO))
                .from(SYNC_RUNS)
                .where(SYNC_RUNS.STARTED_AT.ge(at(now.minus(Duration.ofHours(1)))).and(SYNC_RUNS.KIND.eq(LOADED)))
                .fetchSingle().value1().longValue();
        int openConflicts = db.fetchCount(SYNC_CONFLICTS, SYNC_CONFLICTS.STATUS.eq("open"));
        return new DashboardSnapshot(now, all, counts, today.orders(), today.netCents(), lastHour, openConflicts,
                throughput(window, null, now), lag(window, now));
    }

    public ShopDetail shop(UUID shopId) {
        ShopOverview shop = shops.byId(shopId).orElseThrow(() -> ProblemException.notFound("No shop " + shopId));
        List<SyncRunRow> runs = runs(SYNC_RUNS.SHOP_ID.eq(shopId), 100);
        List<SyncRunRow> errors = runs(SYNC_RUNS.SHOP_ID.eq(shopId).and(SYNC_RUNS.OK.isFalse()), 20);
        int conflicts = db.fetchCount(SYNC_CONFLICTS, SYNC_CONFLICTS.SHOP_ID.eq(shopId).and(SYNC_CONFLICTS.STATUS.eq("open")));
        return new ShopDetail(shop, runs, errors, conflicts, throughput(Window.LAST_DAY, shopId, clock.instant()));
    }

    /** Present when the sync package provides a consistency check of the replicas. */
    public Optional<ReplicaConsistencyProvider> consistencyCheck() {
        return Optional.ofNullable(consistency.getIfAvailable());
    }

    private TimeSeries throughput(Window window, UUID shopId, Instant now) {
        Field<OffsetDateTime> bucket = bucket(window);
        Condition condition = SYNC_RUNS.STARTED_AT.ge(at(now.minus(window.span))).and(SYNC_RUNS.KIND.eq(LOADED));
        if (shopId != null) {
            condition = condition.and(SYNC_RUNS.SHOP_ID.eq(shopId));
        }
        Map<Instant, Double> values = new HashMap<>();
        db.select(bucket, sum(SYNC_RUNS.ROWS_DONE))
                .from(SYNC_RUNS)
                .where(condition)
                .groupBy(bucket)
                .forEach(r -> values.put(r.value1().toInstant(), r.value2().doubleValue()));
        return series("rows loaded", "rows", window, now, values);
    }

    /** The worst lag (age of the oldest waiting row, in minutes) any shop reported per bucket. */
    private TimeSeries lag(Window window, Instant now) {
        Field<OffsetDateTime> bucket = bucket(window);
        Field<BigDecimal> seconds = DSL.field("extract(epoch from {0} - {1})", BigDecimal.class,
                SYNC_RUNS.FINISHED_AT, SYNC_RUNS.OLDEST_WAITING_AT);
        Map<Instant, Double> values = new HashMap<>();
        db.select(bucket, max(seconds))
                .from(SYNC_RUNS)
                .where(SYNC_RUNS.STARTED_AT.ge(at(now.minus(window.span)))
                        .and(SYNC_RUNS.ROWS_WAITING.gt(0L))
                        .and(SYNC_RUNS.OLDEST_WAITING_AT.isNotNull()))
                .groupBy(bucket)
                .forEach(r -> values.put(r.value1().toInstant(), Math.max(0, r.value2().doubleValue() / 60)));
        return series("worst lag", "min", window, now, values);
    }

    private List<SyncRunRow> runs(Condition condition, int limit) {
        return db.selectFrom(SYNC_RUNS)
                .where(condition)
                .orderBy(SYNC_RUNS.STARTED_AT.desc())
                .limit(limit)
                .fetch(r -> new SyncRunRow(r.getId(), r.getKind(), r.getStartedAt(), r.getFinishedAt(), r.getRowsDone(),
                        r.getRowsWaiting(), r.getOk(), r.getError(), r.getWorker()));
    }

    /** Buckets aligned to the epoch (so Java and PostgreSQL agree on their starts). */
    private static Field<OffsetDateTime> bucket(Window window) {
        return DSL.field("date_bin(cast({0} as interval), {1}, timestamptz '1970-01-01 00:00:00+00')", OffsetDateTime.class,
                DSL.inline(window.bucket.toSeconds() + " seconds"), SYNC_RUNS.STARTED_AT);
    }

    private static TimeSeries series(String name, String unit, Window window, Instant now, Map<Instant, Double> values) {
        long size = window.bucket.toSeconds();
        long last = Math.floorDiv(now.getEpochSecond(), size) * size;
        long first = last - window.span.toSeconds() + size;
        List<TimeSeries.Point> points = new ArrayList<>();
        for (long t = first; t <= last; t += size) {
            Instant at = Instant.ofEpochSecond(t);
            points.add(new TimeSeries.Point(at, values.getOrDefault(at, 0.0)));
        }
        return new TimeSeries(name, unit, window.bucket, points);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
