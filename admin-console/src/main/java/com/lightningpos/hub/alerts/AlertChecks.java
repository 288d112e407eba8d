package com.lightningpos.hub.alerts;

import static com.lightningpos.db.hub.Tables.CONSISTENCY_RESULTS;
import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SYNC_RUNS;

import com.lightningpos.hub.config.HubProperties;
import com.lightningpos.hub.quarantine.QuarantineProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The queries behind each {@link AlertRule}: what matches now, with a message a person can act on. */
@Component
public class AlertChecks {

    // The newest ETL run that measured the shop's backlog at the hub (the dashboard's "rows waiting").
    private static final Table<?> LAST_BACKLOG = DSL.select(SYNC_RUNS.ROWS_WAITING, SYNC_RUNS.OLDEST_WAITING_AT)
            .from(SYNC_RUNS)
            .where(SYNC_RUNS.SHOP_ID.eq(SHOPS.ID).and(SYNC_RUNS.ROWS_WAITING.isNotNull()))
            .orderBy(SYNC_RUNS.STARTED_AT.desc())
            .limit(1)
            .asTable("last_backlog");

    private final DSLContext db;
    private final AlertProperties properties;
    private final Path dataDir;
    private final ObjectProvider<QuarantineProvider> quarantine;

    public AlertChecks(DSLContext db, AlertProperties properties, HubProperties hub, ObjectProvider<QuarantineProvider> quarantine) {
        this.db = db;
        this.properties = properties;
        this.dataDir = hub.dataDir();
        this.quarantine = quarantine;
    }

    public List<Finding> check(AlertRule rule, Instant now) {
        return switch (rule) {
            case SHOP_UNSYNCED -> unsyncedShops(now);
            case ETL_ERRORS -> failingEtlJobs(now);
            case QUARANTINED_ROWS -> quarantinedRows();
            case CONSISTENCY_MISMATCH -> consistencyMismatches();
            case HUB_DATABASE_FULL -> storageNearlyFull();
        };
    }

    /**
     * Active shops whose sales are pending at the hub and not in PostgreSQL for longer than
     * {@code unsynced-after}: rows have waited that long, or the shop has not called since while its
     * last measured backlog was not empty. The hub cannot see sales still in a silent till's outbox;
     * the dashboard's "lagging" status covers silence alone.
     */
    List<Finding> unsyncedShops(Instant now) {
        OffsetDateTime cutoff = now.minus(properties.unsyncedAfter()).atOffset(ZoneOffset.UTC);
        var waiting = LAST_BACKLOG.field(SYNC_RUNS.ROWS_WAITING);
        var oldest = LAST_BACKLOG.field(SYNC_RUNS.OLDEST_WAITING_AT);
        return db.select(SHOPS.ID, SHOPS.LAST_SEEN_AT, waiting, oldest)
                .from(SHOPS.leftJoin(DSL.lateral(LAST_BACKLOG)).on(DSL.trueCondition()))
                .where(SHOPS.IS_ACTIVE.isTrue())
                .and(waiting.gt(0L))
                .and(oldest.lt(cutoff).or(SHOPS.LAST_SEEN_AT.lt(cutoff)))
                .orderBy(SHOPS.ID)
                .fetch(r -> Finding.forShop(AlertRule.SHOP_UNSYNCED, r.get(SHOPS.ID), String.format(Locale.ROOT,
                        "%,d rows pending, the oldest for %s; last call from the shop %s (threshold %s)",
                        r.get(waiting), since(r.get(oldest), now), ago(r.get(SHOPS.LAST_SEEN_AT), now),
                        duration(properties.unsyncedAfter()))));
    }

    /** Active shops whose ETL job keeps failing: {@code etl-error-count} failures in a row, or no success for {@code etl-failing-for}. */
    List<Finding> failingEtlJobs(Instant now) {
        OffsetDateTime cutoff = now.minus(properties.etlFailingFor()).atOffset(ZoneOffset.UTC);
        return db.select(ETL_JOBS.SHOP_ID, ETL_JOBS.CONSECUTIVE_FAILURES, ETL_JOBS.LAST_SUCCESS_AT, ETL_JOBS.PUT_ASIDE_UNTIL,
                        ETL_JOBS.LAST_ERROR)
                .from(ETL_JOBS.join(SHOPS).on(SHOPS.ID.eq(ETL_JOBS.SHOP_ID)))
                .where(SHOPS.IS_ACTIVE.isTrue())
                .and(ETL_JOBS.CONSECUTIVE_FAILURES.gt(0))
                .and(ETL_JOBS.CONSECUTIVE_FAILURES.ge(properties.etlErrorCount()).or(ETL_JOBS.LAST_SUCCESS_AT.lt(cutoff)))
                .orderBy(ETL_JOBS.SHOP_ID)
                .fetch(r -> Finding.forShop(AlertRule.ETL_ERRORS, r.get(ETL_JOBS.SHOP_ID), String.format(Locale.ROOT,
                        "ETL failed %d times in a row, last success %s%s: %s",
                        r.get(ETL_JOBS.CONSECUTIVE_FAILURES),
                        ago(r.get(ETL_JOBS.LAST_SUCCESS_AT), now),
                        r.get(ETL_JOBS.PUT_ASIDE_UNTIL) != null && r.get(ETL_JOBS.PUT_ASIDE_UNTIL).toInstant().isAfter(now)
                                ? ", backing off until " + r.get(ETL_JOBS.PUT_ASIDE_UNTIL).toInstant() : "",
                        r.get(ETL_JOBS.LAST_ERROR) == null ? "no error recorded" : r.get(ETL_JOBS.LAST_ERROR))));
    }

    /** Active shops with at least {@code quarantined-rows} open rows in their replica's quarantine. */
    List<Finding> quarantinedRows() {
        QuarantineProvider provider = quarantine.getIfAvailable();
        if (provider == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (var shopId : db.select(SHOPS.ID).from(SHOPS).where(SHOPS.IS_ACTIVE.isTrue()).orderBy(SHOPS.ID).fetch(SHOPS.ID)) {
            int open = provider.countOpen(shopId);
            if (open >= properties.quarantinedRows()) {
                findings.add(Finding.forShop(AlertRule.QUARANTINED_ROWS, shopId,
                        open + (open == 1 ? " row" : " rows") + " held in quarantine"));
            }
        }
        return findings;
    }

    /** Shops whose latest three-tier consistency check found a table that differs. */
    List<Finding> consistencyMismatches() {
        var tables = DSL.arrayAgg(CONSISTENCY_RESULTS.TABLE_NAME).orderBy(CONSISTENCY_RESULTS.TABLE_NAME);
        return db.select(CONSISTENCY_RESULTS.SHOP_ID, tables)
                .from(CONSISTENCY_RESULTS.join(SHOPS).on(SHOPS.ID.eq(CONSISTENCY_RESULTS.SHOP_ID)))
                .where(CONSISTENCY_RESULTS.DIFFERS.isTrue())
                .and(SHOPS.IS_ACTIVE.isTrue())
                .groupBy(CONSISTENCY_RESULTS.SHOP_ID)
                .orderBy(CONSISTENCY_RESULTS.SHOP_ID)
                .fetch(r -> Finding.forShop(AlertRule.CONSISTENCY_MISMATCH, r.value1(),
                        "Shop, replica and hub differ in " + String.join(", ", r.value2())));
    }

    /** The hub database near {@code database-max-bytes}, or the data directory's file system near full. */
    List<Finding> storageNearlyFull() {
        List<Finding> findings = new ArrayList<>();
        if (properties.databaseMaxBytes() != null) {
            long max = properties.databaseMaxBytes().toBytes();
            long size = db.select(DSL.field("pg_database_size(current_database())", Long.class)).fetchSingle().value1();
            if (size * 100 >= max * properties.databaseFullPercent()) {
                findings.add(Finding.forHub(AlertRule.HUB_DATABASE_FULL, "database", String.format(Locale.ROOT,
                        "Hub database uses %,d MB of %,d MB allowed (%d%%; alert at %d%%)", size >> 20, max >> 20,
                        size * 100 / Math.max(1, max), properties.databaseFullPercent())));
            }
        }
        if (properties.diskFreeMinPercent() > 0) {
            FileStore store = fileStore(dataDir);
            try {
                long total = store.getTotalSpace();
                long free = store.getUsableSpace();
                if (total > 0 && free * 100 < total * properties.diskFreeMinPercent()) {
                    findings.add(Finding.forHub(AlertRule.HUB_DATABASE_FULL, "disk", String.format(Locale.ROOT,
                            "%,d MB free of %,d MB (%d%%) on the file system of %s (alert below %d%%)", free >> 20,
                            total >> 20, free * 100 / total, dataDir.toAbsolutePath(), properties.diskFreeMinPercent())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return findings;
    }

    /** The file system of the data directory, or of its nearest existing parent before the first start. */
    private static FileStore fileStore(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return Files.getFileStore(existing == null ? Path.of("/") : existing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String since(OffsetDateTime at, Instant now) {
        return at == null ? "an unknown time" : duration(Duration.between(at.toInstant(), now));
    }

    private static String ago(OffsetDateTime at, Instant now) {
        return at == null ? "never" : duration(Duration.between(at.toInstant(), now)) + " ago";
    }

    /** Whole minutes, hours or days: alert messages are read by people, thresholds are minutes. */
    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 120) {
            return minutes + " min";
        }
        return minutes < 48 * 60 ? minutes / 60 + " h" : minutes / (24 * 60) + " d";
    }
}
