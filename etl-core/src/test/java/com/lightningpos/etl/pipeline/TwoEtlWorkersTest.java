package com.lightningpos.etl.pipeline;

import static com.lightningpos.db.hub.Tables.ETL_JOBS;
import static com.lightningpos.db.hub.Tables.SALES_ORDERS;
import static com.lightningpos.db.hub.Tables.SALES_ORDER_ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightningpos.etl.clock.HybridLogicalClock;
import com.lightningpos.etl.hub.HubCatalog;
import com.lightningpos.etl.testing.HubTestDatabase;
import com.lightningpos.etl.testing.ReplicaFixture;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hub workers with separate connection pools share the per-shop jobs through row locks. */
class TwoEtlWorkersTest {

    @TempDir
    Path dir;

    @Test
    void every_shop_is_loaded_once_and_no_shop_runs_on_two_workers_at_the_same_time() throws Exception {
        try (HikariDataSource poolOne = HubTestDatabase.freshDatabase();
             HikariDataSource poolTwo = HubTestDatabase.pool(HubTestDatabase.databaseName(poolOne))) {
            DSLContext hubOne = HubTestDatabase.dsl(poolOne);
            DSLContext hubTwo = HubTestDatabase.dsl(poolTwo);
            ReplicaFixture replicas = new ReplicaFixture(dir);
            List<UUID> shops = new ArrayList<>();
            for (int s = 0; s < 12; s++) {
                UUID shop = UUID.randomUUID();
                shops.add(shop);
                hubOne.insertInto(SHOPS).set(SHOPS.ID, shop).set(SHOPS.NAME, "Shop " + s)
                        .set(SHOPS.ENROLLED_AT, OffsetDateTime.now()).execute();
                for (int i = 1; i <= 40; i++) {
                    replicas.pushedSale(shop, i, 100 + i);
                }
            }
            Set<UUID> inProgress = ConcurrentHashMap.newKeySet();
            List<String> overlaps = new CopyOnWriteArrayList<>();
            List<String> runsPerWorker = new CopyOnWriteArrayList<>();
            EtlJobRunner one = runner(hubOne, replicas, "one");
            EtlJobRunner two = runner(hubTwo, replicas, "two");
            for (EtlJobRunner runner : List.of(one, two)) {
                runner.afterLoad(shop -> {
                    if (!inProgress.add(shop)) {
                        overlaps.add(shop.toString());
                    }
                    sleep(3);
                    inProgress.remove(shop);
                });
            }

            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < shops.size(); i++) {
                    UUID shop = shops.get(i);
                    Runnable byOne = () -> record(runsPerWorker, one.run(shop), "one");
                    Runnable byTwo = () -> record(runsPerWorker, two.run(shop), "two");
                    // Alternate who asks first, so both workers win some claims and contend for the rest.
                    pool.execute(i % 2 == 0 ? byOne : byTwo);
                    pool.execute(i % 2 == 0 ? byTwo : byOne);
                }
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            // Whatever was skipped because the other worker held the lock is picked up by a final sweep.
            for (UUID shop : shops) {
                one.run(shop);
            }

            assertThat(overlaps).as("a shop's job ran on both workers at once").isEmpty();
            assertThat(hubOne.fetchCount(SALES_ORDERS)).isEqualTo(12 * 40);
            assertThat(hubOne.fetchCount(SALES_ORDER_ITEMS)).isEqualTo(12 * 40);
            assertThat(hubOne.fetchCount(ETL_JOBS, ETL_JOBS.INBOUND_CURSOR.eq(120L))).isEqualTo(12);
            assertThat(runsPerWorker).as("both workers did real work").contains("one", "two");
        }
    }

    private static void record(List<String> runs, EtlRun run, String worker) {
        if (run.claimed() && run.loaded() > 0) {
            runs.add(worker);
        }
    }

    private static EtlJobRunner runner(DSLContext hub, ReplicaFixture replicas, String name) {
        HubCatalog catalog = new HubCatalog(new HybridLogicalClock(Clock.systemUTC(), "hub-" + name));
        return new EtlJobRunner(hub, new Extractor(replicas), new Loader(catalog),
                new Propagator(replicas, Clock.systemUTC(), 500), Clock.systemUTC(), 10, name);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
