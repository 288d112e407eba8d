package com.lightningpos.hub.consistency;

import static com.lightningpos.db.hub.Tables.CATALOG_CHANGES;
import static com.lightningpos.db.hub.Tables.CONSISTENCY_RESULTS;
import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.SHOP_CONSISTENCY_REPORTS;
import static com.lightningpos.db.hub.Tables.SHOP_PROPAGATION_CURSORS;
import static com.lightningpos.db.shop.Tables.REPLICA_INBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_OUTBOUND_LOG;
import static com.lightningpos.db.shop.Tables.REPLICA_STATE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.change.TableChecksum;
import com.lightningpos.etl.hub.HubTableChecksum;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.SyncJson;
import com.lightningpos.etl.sync.TableComparison;
import com.lightningpos.etl.sync.TableSummary;
import com.lightningpos.etl.sync.TierSummary;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.consistency.TierComparator.Tier;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The three-tier consistency check: per shop and synced table, the count and checksum in the shop's
 * own database (its last report), in its hub replica and in PostgreSQL, compared, and the result
 * stored in {@code consistency_results} (the latest per shop and table).
 *
 * <p>Changes on their way are not differences: PostgreSQL's side is read in one snapshot together
 * with the ETL and propagation cursors, and a tier that cannot be comparable yet (the ETL has not
 * loaded everything the replica applied, catalog changes not yet propagated, a shop report taken at
 * another high-water mark or before later catalog changes reached the replica) is left out with a
 * note. Plain Java so that the command can run it without the web application.
 */
public class ConsistencyCheck {

    private static final TypeReference<List<TableSummary>> SUMMARIES = new TypeReference<>() { };

    private final DSLContext hub;
    private final ReplicaStore replicas;
    private final Clock clock;

    public ConsistencyCheck(DSLContext hub, ReplicaStore replicas, Clock clock) {
        this.hub = hub;
        this.replicas = replicas;
        this.clock = clock;
    }

    /** Stores the till's own report (replacing the previous one) and checks the shop against it. */
    public ConsistencyComparison acceptShopReport(UUID shopId, ConsistencyReport report) {
        JSONB tables = JSONB.valueOf(new String(SyncJson.write(report.tables()), java.nio.charset.StandardCharsets.UTF_8));
        OffsetDateTime now = OffsetDateTime.now(clock);
        hub.insertInto(SHOP_CONSISTENCY_REPORTS)
                .set(SHOP_CONSISTENCY_REPORTS.SHOP_ID, shopId)
                .set(SHOP_CONSISTENCY_REPORTS.REPORTED_AT, now)
                .set(SHOP_CONSISTENCY_REPORTS.HIGH_WATER_SEQ, report.highWaterSeq())
                .set(SHOP_CONSISTENCY_REPORTS.TABLES, tables)
                .onConflict(SHOP_CONSISTENCY_REPORTS.SHOP_ID).doUpdate()
                .set(SHOP_CONSISTENCY_REPORTS.REPORTED_AT, now)
                .set(SHOP_CONSISTENCY_REPORTS.HIGH_WATER_SEQ, report.highWaterSeq())
                .set(SHOP_CONSISTENCY_REPORTS.TABLES, tables)
                .execute();
        return check(shopId);
    }

    /** Checks one shop now. */
    public ConsistencyComparison check(UUID shopId) {
        HubSide hubSide = readHub(shopId);
        return checkAndStore(shopId, hubSide);
    }

    /**
     * Checks every shop; PostgreSQL's tables are read once for all of them. {@code progress} hears
     * how many shops are done.
     */
    public List<ConsistencyComparison> checkAll(IntConsumer progress) {
        HubSide hubSide = readHub(null);
        List<ConsistencyComparison> results = new ArrayList<>();
        for (UUID shopId : hub.select(SHOPS.ID).from(SHOPS).orderBy(SHOPS.NAME).fetch(SHOPS.ID)) {
            results.add(checkAndStore(shopId, hubSide));
            progress.accept(results.size());
        }
        return results;
    }

    /** The latest results, of one shop or (null) of all, differing ones first. */
    public List<ConsistencyResult> results(UUID shopId) {
        Condition which = shopId == null ? DSL.noCondition() : CONSISTENCY_RESULTS.SHOP_ID.eq(shopId);
        return hub.select(CONSISTENCY_RESULTS.asterisk(), SHOPS.NAME)
                .from(CONSISTENCY_RESULTS).join(SHOPS).on(SHOPS.ID.eq(CONSISTENCY_RESULTS.SHOP_ID))
                .where(which)
                .orderBy(CONSISTENCY_RESULTS.DIFFERS.desc(), SHOPS.NAME, CONSISTENCY_RESULTS.SHOP_ID, CONSISTENCY_RESULTS.TABLE_NAME)
                .fetch(r -> new ConsistencyResult(r.get(CONSISTENCY_RESULTS.SHOP_ID), r.get(SHOPS.NAME),
                        r.get(CONSISTENCY_RESULTS.TABLE_NAME), r.get(CONSISTENCY_RESULTS.CHECKED_AT),
                        r.get(CONSISTENCY_RESULTS.SHOP_ROWS), r.get(CONSISTENCY_RESULTS.SHOP_CHECKSUM),
                        r.get(CONSISTENCY_RESULTS.REPLICA_ROWS), r.get(CONSISTENCY_RESULTS.REPLICA_CHECKSUM),
                        r.get(CONSISTENCY_RESULTS.HUB_ROWS), r.get(CONSISTENCY_RESULTS.HUB_CHECKSUM),
                        r.get(CONSISTENCY_RESULTS.DIFFERS), r.get(CONSISTENCY_RESULTS.NOTE)));
    }

    /** How many shop tables differed at their latest check (the alerting figure). */
    public int differingTables() {
        return hub.fetchCount(CONSISTENCY_RESULTS, CONSISTENCY_RESULTS.DIFFERS.isTrue());
    }

    // ------------------------------------------------------------------ PostgreSQL's side

    /**
     * PostgreSQL's counts and checksums with the cursors that say how far the ETL and the
     * propagator had come, all from one snapshot. {@code shopId} null: every shop.
     */
    private record HubSide(Map<SyncedTable, TableSummary> catalog, Map<SyncedTable, Map<UUID, TableSummary>> shopOwned,
                           Map<UUID, Long> etlCursors, long catalogSeq) {

        TableSummary summary(SyncedTable table, UUID shopId) {
            return table.isCatalog() ? catalog.get(table)
                    : shopOwned.get(table).getOrDefault(shopId, HubTableChecksum.empty(table));
        }
    }

    private HubSide readHub(UUID onlyShop) {
        return hub.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            Long catalogSeq = tx.select(DSL.max(CATALOG_CHANGES.SEQ)).from(CATALOG_CHANGES).fetchOne(0, Long.class);
            Map<UUID, Long> etlCursors = new HashMap<>();
            tx.select(ETL_JOBS.SHOP_ID, ETL_JOBS.INBOUND_CURSOR).from(ETL_JOBS)
                    .where(onlyShop == null ? DSL.noCondition() : ETL_JOBS.SHOP_ID.eq(onlyShop))
                    .forEach(r -> etlCursors.put(r.value1(), r.value2()));
            Map<SyncedTable, TableSummary> catalog = new EnumMap<>(SyncedTable.class);
            for (SyncedTable table : SyncedTable.catalog()) {
                catalog.put(table, HubTableChecksum.of(tx, table, null));
            }
            Map<SyncedTable, Map<UUID, TableSummary>> shopOwned = new EnumMap<>(SyncedTable.class);
            for (SyncedTable table : SyncedTable.shopOwned()) {
                shopOwned.put(table, onlyShop == null ? HubTableChecksum.byShop(tx, table)
                        : Map.of(onlyShop, HubTableChecksum.of(tx, table, onlyShop)));
            }
            return new HubSide(catalog, shopOwned, etlCursors, catalogSeq == null ? 0 : catalogSeq);
        });
    }

    // ------------------------------------------------------------------ the replica and the shop

    /** The replica's report with how far it had got, read in one replica transaction. */
    private record ReplicaSide(ConsistencyReport report, long appliedEtlSeq, Instant lastCatalogDeliveryAt) {
    }

    private ReplicaSide readReplica(UUID shopId) {
        if (!replicas.exists(shopId.toString())) {
            return null;
        }
        return replicas.dsl(shopId).transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long highWater = tx.select(REPLICA_STATE.HIGH_WATER_SEQ).from(REPLICA_STATE).fetchSingle().value1();
            ConsistencyReport report = TableChecksum.report(tx, highWater);
            Long applied = tx.select(DSL.max(REPLICA_INBOUND_LOG.ETL_SEQ)).from(REPLICA_INBOUND_LOG).fetchOne(0, Long.class);
            String lastDelivery = tx.select(REPLICA_OUTBOUND_LOG.CREATED_AT).from(REPLICA_OUTBOUND_LOG)
                    .orderBy(REPLICA_OUTBOUND_LOG.SEQ.desc()).limit(1).fetchOne(REPLICA_OUTBOUND_LOG.CREATED_AT);
            return new ReplicaSide(report, applied == null ? 0 : applied, lastDelivery == null ? null : Instant.parse(lastDelivery));
        });
    }

    private record ShopSide(ConsistencyReport report, OffsetDateTime reportedAt) {
    }

    private ShopSide readShopReport(UUID shopId) {
        var row = hub.selectFrom(SHOP_CONSISTENCY_REPORTS).where(SHOP_CONSISTENCY_REPORTS.SHOP_ID.eq(shopId)).fetchOne();
        if (row == null) {
            return null;
        }
        try {
            List<TableSummary> tables = SyncJson.mapper().readValue(row.getTables().data(), SUMMARIES);
            return new ShopSide(new ConsistencyReport(row.getHighWaterSeq(), tables), row.getReportedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable consistency report of shop " + shopId + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ comparing

    private ConsistencyComparison checkAndStore(UUID shopId, HubSide hubSide) {
        ReplicaSide replica = readReplica(shopId);
        // read after the replica: a replica that got newer catalog changes than the snapshot has a moved cursor
        Long propagated = hub.select(SHOP_PROPAGATION_CURSORS.LAST_SEQ).from(SHOP_PROPAGATION_CURSORS)
                .where(SHOP_PROPAGATION_CURSORS.SHOP_ID.eq(shopId)).fetchOne(SHOP_PROPAGATION_CURSORS.LAST_SEQ);
        ShopSide shop = readShopReport(shopId);
        Instant checkedAt = clock.instant();
        List<TableComparison> tables = new ArrayList<>();
        for (SyncedTable table : SyncedTable.values()) {
            tables.add(compare(table, shopId, hubSide, replica, propagated, shop));
        }
        ConsistencyComparison comparison = new ConsistencyComparison(shopId.toString(), checkedAt,
                tables.stream().noneMatch(TableComparison::differs), tables);
        store(shopId, comparison);
        return comparison;
    }

    private TableComparison compare(SyncedTable table, UUID shopId, HubSide hubSide, ReplicaSide replica, Long propagated,
                                    ShopSide shop) {
        String name = table.tableName();
        TableSummary inHub = hubSide.summary(table, shopId);
        TableSummary inShop = shop == null ? null : shop.report().table(name).orElse(null);
        if (replica == null) {
            return new TableComparison(name, TierSummary.of(inShop), null, TierSummary.of(inHub), false,
                    "no replica yet: the shop has never pushed");
        }
        TableSummary inReplica = replica.report().table(name).orElse(null);

        String shopLeftOut = null;
        if (shop == null) {
            shopLeftOut = "no report from the shop yet";
        } else if (shop.report().highWaterSeq() != replica.report().highWaterSeq()) {
            shopLeftOut = "shop report stale (taken at seq " + shop.report().highWaterSeq() + ", the replica is at "
                    + replica.report().highWaterSeq() + ")";
        } else if (table.isCatalog() && replica.lastCatalogDeliveryAt() != null
                && replica.lastCatalogDeliveryAt().isAfter(shop.reportedAt().toInstant())) {
            shopLeftOut = "shop report older than catalog changes sent to the shop since";
        } else if (inShop == null) {
            shopLeftOut = "the shop's report has no " + name;
        }

        String hubLeftOut = null;
        long etlCursor = hubSide.etlCursors().getOrDefault(shopId, 0L);
        if (replica.appliedEtlSeq() > etlCursor) {
            // a shop's catalog edits reach PostgreSQL through the ETL too, so this holds for every table
            hubLeftOut = (replica.appliedEtlSeq() - etlCursor) + " replica changes not yet loaded into PostgreSQL by the ETL";
        } else if (table.isCatalog() && (propagated == null || propagated != hubSide.catalogSeq())) {
            hubLeftOut = "catalog changes not yet propagated to the replica";
        }
        return TierComparator.compare(name,
                shopLeftOut == null ? Tier.compared("shop", inShop) : Tier.leftOut("shop", inShop, shopLeftOut),
                Tier.compared("replica", inReplica),
                hubLeftOut == null ? Tier.compared("hub", inHub) : Tier.leftOut("hub", inHub, hubLeftOut));
    }

    private void store(UUID shopId, ConsistencyComparison comparison) {
        OffsetDateTime at = comparison.checkedAt().atOffset(ZoneOffset.UTC);
        hub.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            for (TableComparison t : comparison.tables()) {
                var values = new HashMap<org.jooq.Field<?>, Object>();
                values.put(CONSISTENCY_RESULTS.CHECKED_AT, at);
                values.put(CONSISTENCY_RESULTS.SHOP_ROWS, t.shop() == null ? null : t.shop().rows());
                values.put(CONSISTENCY_RESULTS.SHOP_CHECKSUM, t.shop() == null ? null : t.shop().checksum());
                values.put(CONSISTENCY_RESULTS.REPLICA_ROWS, t.replica() == null ? null : t.replica().rows());
                values.put(CONSISTENCY_RESULTS.REPLICA_CHECKSUM, t.replica() == null ? null : t.replica().checksum());
                values.put(CONSISTENCY_RESULTS.HUB_ROWS, t.hub() == null ? null : t.hub().rows());
                values.put(CONSISTENCY_RESULTS.HUB_CHECKSUM, t.hub() == null ? null : t.hub().checksum());
                values.put(CONSISTENCY_RESULTS.DIFFERS, t.differs());
                values.put(CONSISTENCY_RESULTS.NOTE, t.note());
                tx.insertInto(CONSISTENCY_RESULTS)
                        .set(CONSISTENCY_RESULTS.SHOP_ID, shopId)
                        .set(CONSISTENCY_RESULTS.TABLE_NAME, t.table())
                        .set(values)
                        .onConflict(CONSISTENCY_RESULTS.SHOP_ID, CONSISTENCY_RESULTS.TABLE_NAME).doUpdate()
                        .set(values)
                        .execute();
            }
        });
    }
}
