package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.db.EmbeddedHubDatabase;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.E2e;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "Must show": a rolling upgrade of the hub. Two hub processes share one PostgreSQL (an
 * embedded server started by this test, on a port of its own), one replica directory ({@code hub.data-dir})
 * and one token key ({@code hub.jwt-secret}); till 1 syncs with hub A, till 2 with hub B. While a
 * thread sells at both tills and syncs them every second, hub A is stopped and started again (its
 * "upgrade"), then hub B. At the end every sale of both tills is in PostgreSQL exactly once, and ETL
 * runs were recorded by more than one hub process ({@code sync_runs.worker} is {@code pid@host}).
 * Logs and data dirs in target/e2e-artifacts/RollingHubUpgradeE2ETest.
 */
class RollingHubUpgradeE2ETest {

    private static final String NAME = "RollingHubUpgradeE2ETest";
    /** How long a hub stays down during its "upgrade". */
    private static final Duration DOWN = Duration.ofSeconds(3);

    private EmbeddedHubDatabase postgres;
    private HubProcess hubA;
    private HubProcess hubB;
    private final List<PosProcess> tills = new ArrayList<>();
    private Thread traffic;
    private final AtomicBoolean stopTraffic = new AtomicBoolean();

    @AfterEach
    void stopAll() throws Exception {
        stopTraffic.set(true);
        if (traffic != null) {
            traffic.join(10_000);
        }
        try {
            tills.forEach(PosProcess::stop);
            for (HubProcess h : new HubProcess[] {hubA, hubB}) {
                if (h != null) {
                    h.stop();
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (PosProcess t : tills) {
            b.append(t.name()).append(" log tail:\n").append(t.logTail(25)).append('\n');
        }
        for (HubProcess h : new HubProcess[] {hubA, hubB}) {
            if (h != null) {
                b.append(h.name()).append(" log tail:\n").append(h.logTail(30)).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void twoHubsOnOnePostgres_restartedOneAfterTheOther_whileTillsSellAndSync_loseAndDoubleNothing() throws Exception {
        Instant begin = Instant.now();
        int pgPort = E2e.freePort();
        postgres = EmbeddedHubDatabase.start(E2e.freshDir(NAME, "postgres-"), pgPort);
        Path sharedDataDir = E2e.freshDir(NAME, "hub-data-");
        String password = HubProcess.newAdminPassword();
        String[] shared = {
                "--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--hub.jwt-secret=e2e-rolling-upgrade-shared-signing-key-0123456789",
                "--hub.backup.enabled=false"};
        hubA = HubProcess.instance(NAME, "hubA", sharedDataDir, password, concat(shared, "--hub.demo-data=true"));
        hubB = HubProcess.instance(NAME, "hubB", sharedDataDir, password, shared);
        hubA.start(); // first: migrates the shared database and seeds the demo catalog
        hubB.start();

        String[] shopIds = new String[2];
        HubProcess[] hubOf = {hubA, hubB};
        for (int i = 0; i < 2; i++) {
            String[] shop = Tills.provisionShop(hubA, "E2E rolling shop " + (i + 1));
            shopIds[i] = shop[0];
            tills.add(PosProcess.named(NAME, "pos" + (i + 1), "--pos.hub-url=" + hubOf[i].baseUrl(),
                    "--pos.enrolment-code=" + shop[1]));
        }
        for (PosProcess t : tills) {
            t.start();
        }
        for (PosProcess t : tills) {
            Tills.awaitEnrolled(t.http(), this::logs);
        }
        List<JsonNode> items = Catalog.pick(tills.get(0).http(), 2, Catalog.scannableEach());

        // --- traffic: a sale at each till and a sync of each, every second ---
        List<Set<String>> sold = List.of(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        AtomicLong[] lastOkSync = {new AtomicLong(), new AtomicLong()};
        List<String> trafficErrors = new CopyOnWriteArrayList<>();
        traffic = new Thread(() -> {
            int n = 0;
            while (!stopTraffic.get()) {
                long round = System.nanoTime();
                for (int i = 0; i < 2; i++) {
                    JsonHttp api = tills.get(i).http();
                    try {
                        sold.get(i).add(Tills.sell(api, items.subList(0, 1 + n % 2)));
                        JsonHttp.Response s = api.post("/api/sync", Map.of());
                        if (s.status() == 200 && "ok".equals(s.json().path("outcome").asText())) {
                            lastOkSync[i].set(System.nanoTime());
                        }
                    } catch (Throwable e) {
                        trafficErrors.add("till " + (i + 1) + ": " + e);
                    }
                }
                n++;
                long rest = 1000 - (System.nanoTime() - round) / 1_000_000;
                if (rest > 0) {
                    try {
                        Thread.sleep(rest);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "e2e-traffic");
        traffic.start();

        awaitOkSyncAfter(lastOkSync, System.nanoTime(), "both tills synced while both hubs run");

        // --- the rolling upgrade: A down and up again, then B ---
        HubProcess[] order = {hubA, hubB};
        for (HubProcess h : order) {
            h.stop();
            Thread.sleep(DOWN.toMillis()); // sales go on meanwhile
            Duration up = h.start();
            System.out.println(h.name() + " restarted, healthy after " + up.toMillis() + " ms");
            awaitOkSyncAfter(lastOkSync, System.nanoTime(), "both tills synced after " + h.name() + " came back");
        }

        stopTraffic.set(true);
        traffic.join(30_000);
        assertThat(traffic.isAlive()).as("traffic thread stopped").isFalse();
        assertThat(trafficErrors).as("errors while selling at the tills").isEmpty();

        // --- quiet: final syncs, then every sale in PostgreSQL exactly once ---
        for (int i = 0; i < 2; i++) {
            Tills.syncUntilOk(tills.get(i).http(), Duration.ofSeconds(30), this::logs);
        }
        try (Connection pg = Tills.postgres(pgPort)) {
            for (int i = 0; i < 2; i++) {
                Set<String> tillIds = Tills.listOrders(tills.get(i).http()).keySet();
                assertThat(tillIds).as("till %d: GET /api/orders vs the sales the traffic made", i + 1)
                        .containsExactlyInAnyOrderElementsOf(sold.get(i));
                List<String> ids = Tills.awaitPgOrders(pgPort, shopIds[i], tillIds, Duration.ofSeconds(45));
                long rows = Tills.count(pg, "SELECT count(*) FROM sales_orders WHERE shop_id = ?::uuid", shopIds[i]);
                long distinct = Tills.count(pg, "SELECT count(DISTINCT id) FROM sales_orders WHERE shop_id = ?::uuid",
                        shopIds[i]);
                long lines = Tills.count(pg, "SELECT count(*) FROM sales_order_items WHERE shop_id = ?::uuid", shopIds[i]);
                long tillLines = Tills.listOrders(tills.get(i).http()).values().stream()
                        .mapToLong(o -> o.path("lines").size()).sum();
                System.out.println("shop " + (i + 1) + ": " + tillIds.size() + " sales at the till, PostgreSQL " + rows
                        + " rows (" + distinct + " distinct), " + lines + " lines (till " + tillLines + ")");
                assertThat(ids).as("shop %d: order ids in PostgreSQL vs the till\n%s", i + 1, logs())
                        .containsExactlyInAnyOrderElementsOf(tillIds);
                assertThat(rows).as("shop %d: count(*) vs count(distinct id)", i + 1).isEqualTo(distinct)
                        .isEqualTo(tillIds.size());
                assertThat(lines).as("shop %d: order lines in PostgreSQL vs the till", i + 1).isEqualTo(tillLines);
            }

            // --- which hub processes did the ETL ---
            Map<String, Long> rowsByWorker = new java.util.TreeMap<>();
            try (Statement st = pg.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(worker, '?'), sum(rows_done) FROM sync_runs "
                         + "WHERE kind = 'etl' AND ok GROUP BY 1")) {
                while (rs.next()) {
                    rowsByWorker.put(rs.getString(1), rs.getLong(2));
                }
            }
            System.out.println("ETL rows loaded by worker (pid@host): " + rowsByWorker);
            assertThat(rowsByWorker.entrySet().stream().filter(e -> e.getValue() > 0).count())
                    .as("hub processes whose ETL loaded rows: %s", rowsByWorker).isGreaterThanOrEqualTo(2);
        }
        int total = sold.get(0).size() + sold.get(1).size();
        System.out.println(NAME + ": " + total + " sales, took " + Duration.between(begin, Instant.now()).toMillis()
                + " ms");
    }

    /** Waits until each till has had a sync answered ok after {@code sinceNanos} (the traffic thread syncs). */
    private void awaitOkSyncAfter(AtomicLong[] lastOk, long sinceNanos, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(45);
        while (Instant.now().isBefore(deadline)) {
            if (lastOk[0].get() > sinceNanos && lastOk[1].get() > sinceNanos) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not within 45 s: " + what + "\n" + logs());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
