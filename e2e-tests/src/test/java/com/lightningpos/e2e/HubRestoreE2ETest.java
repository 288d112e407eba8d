package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.E2e;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "Must show": the hub is backed up, two shops sell on, the hub is restored from the older
 * backup, and at the end every sale of both shops is in PostgreSQL exactly once. Real processes: the
 * hub (embedded PostgreSQL on a fixed port, so the test reads it) and two enrolled tills.
 * <p>
 * After the restore the hub's PostgreSQL and replicas are back at the backup, while both tills have
 * already had the later sales acknowledged. The tills sell nothing new after the restore: a plain
 * {@code POST /api/sync} must find out that the hub lacks those sales and send them again.
 * Logs and data dirs in target/e2e-artifacts/HubRestoreE2ETest.
 */
class HubRestoreE2ETest {

    private static final String NAME = "HubRestoreE2ETest";
    private static final int BEFORE_BACKUP = 4;
    private static final int AFTER_BACKUP = 5;

    private HubProcess hub;
    private final List<PosProcess> tills = new ArrayList<>();

    @AfterEach
    void stopAll() {
        try {
            tills.forEach(PosProcess::stop);
        } finally {
            if (hub != null) {
                hub.stop();
            }
        }
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (PosProcess t : tills) {
            b.append(t.name()).append(" log tail:\n").append(t.logTail(30)).append('\n');
        }
        return b.append("hub log tail:\n").append(hub.logTail(40)).toString();
    }

    @Test
    void hubRestoredFromAnOlderBackup_endsWithEverySaleOfBothShopsInPostgresExactlyOnce() throws Exception {
        Instant begin = Instant.now();
        Supplier<String> logs = this::logs;
        int pgPort = E2e.freePort();
        hub = HubProcess.start(NAME, "--hub.demo-data=true", "--hub.embedded-db-port=" + pgPort,
                "--hub.backup.enabled=false");

        String[] shops = new String[2];
        for (int i = 0; i < 2; i++) {
            String[] shop = Tills.provisionShop(hub, "E2E restore shop " + (i + 1));
            shops[i] = shop[0];
            tills.add(PosProcess.named(NAME, "pos" + (i + 1), "--pos.hub-url=" + hub.baseUrl(),
                    "--pos.enrolment-code=" + shop[1]));
        }
        for (PosProcess t : tills) {
            t.start();
        }
        for (PosProcess t : tills) {
            Tills.awaitEnrolled(t.http(), logs);
        }
        List<JsonNode> items = Catalog.pick(tills.get(0).http(), 2, Catalog.scannableEach());

        // --- sales before the backup, synced and loaded ---
        List<Set<String>> beforeBackup = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonHttp api = tills.get(i).http();
            Set<String> ids = new HashSet<>();
            for (int n = 0; n < BEFORE_BACKUP + i; n++) {
                ids.add(Tills.sell(api, items.subList(0, 1 + n % 2)));
            }
            Tills.syncUntilOk(api, Duration.ofSeconds(30), logs);
            beforeBackup.add(ids);
        }
        for (int i = 0; i < 2; i++) {
            List<String> pg = Tills.awaitPgOrders(pgPort, shops[i], beforeBackup.get(i), Duration.ofSeconds(30));
            assertThat(pg).as("shop %d's sales in PostgreSQL before the backup\n%s", i + 1, logs())
                    .containsExactlyInAnyOrderElementsOf(beforeBackup.get(i));
        }

        // --- the backup ---
        JsonHttp.Response backup = hub.admin().post("/api/admin/backups", Map.of());
        assertThat(backup.status()).as("%s", backup).isIn(200, 201);
        assertThat(backup.json().path("databaseIncluded").asBoolean()).as("%s", backup).isTrue();
        System.out.println("backup: " + backup);

        // --- more sales after it, synced and loaded ---
        List<Set<String>> all = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonHttp api = tills.get(i).http();
            Set<String> ids = new HashSet<>(beforeBackup.get(i));
            for (int n = 0; n < AFTER_BACKUP + i; n++) {
                ids.add(Tills.sell(api, items.subList(0, 1 + n % 2)));
            }
            Tills.syncUntilOk(api, Duration.ofSeconds(30), logs);
            all.add(ids);
        }
        for (int i = 0; i < 2; i++) {
            List<String> pg = Tills.awaitPgOrders(pgPort, shops[i], all.get(i), Duration.ofSeconds(30));
            assertThat(pg).as("shop %d's sales in PostgreSQL before the restore\n%s", i + 1, logs())
                    .containsExactlyInAnyOrderElementsOf(all.get(i));
        }
        long[] highWaterBefore = new long[2];
        for (int i = 0; i < 2; i++) {
            highWaterBefore[i] = replicaHighWater(shops[i]);
        }

        // --- stop the hub, restore the older backup ---
        hub.stop();
        Duration restoreTook = hub.startWith("--hub.restore-backup=latest");
        System.out.println("hub restored and up in " + restoreTook.toMillis() + " ms");
        assertThat(hub.log()).as("the hub log shows a restore").containsIgnoringCase("restor");
        try (Connection pg = Tills.postgres(pgPort)) {
            for (int i = 0; i < 2; i++) {
                assertThat(Tills.pgOrderIds(pg, shops[i])).as("shop %d's sales in the restored PostgreSQL", i + 1)
                        .containsExactlyInAnyOrderElementsOf(beforeBackup.get(i));
                long hw = replicaHighWater(shops[i]);
                System.out.println("shop " + (i + 1) + ": replica high-water " + highWaterBefore[i]
                        + " before the restore, " + hw + " after it");
                assertThat(hw).as("shop %d's replica high-water mark after the restore", i + 1)
                        .isLessThan(highWaterBefore[i]);
            }
        }

        // --- both tills sync (nothing new sold): the hub gets back what it lost ---
        for (PosProcess t : tills) {
            JsonNode synced = Tills.syncUntilOk(t.http(), Duration.ofSeconds(30), logs);
            System.out.println(t.name() + " synced after the restore: " + synced);
        }
        for (int i = 0; i < 2; i++) {
            JsonHttp api = tills.get(i).http();
            Set<String> tillIds = Tills.listOrders(api).keySet();
            assertThat(tillIds).as("shop %d: GET /api/orders at the till", i + 1)
                    .containsExactlyInAnyOrderElementsOf(all.get(i));
            List<String> pg = Tills.awaitPgOrders(pgPort, shops[i], tillIds, Duration.ofSeconds(45));
            try (Connection c = Tills.postgres(pgPort)) {
                long rows = Tills.count(c, "SELECT count(*) FROM sales_orders WHERE shop_id = ?::uuid", shops[i]);
                long distinct = Tills.count(c, "SELECT count(DISTINCT id) FROM sales_orders WHERE shop_id = ?::uuid",
                        shops[i]);
                System.out.println("shop " + (i + 1) + ": till " + tillIds.size() + " orders, PostgreSQL " + rows
                        + " rows, " + distinct + " distinct ids");
                assertThat(pg).as("shop %d: order ids in PostgreSQL after the restore and a sync vs the till "
                                + "(PostgreSQL had %d rows, %d distinct)\n%s", i + 1, rows, distinct, logs())
                        .containsExactlyInAnyOrderElementsOf(tillIds);
                assertThat(rows).as("shop %d: count(*) = count(distinct id)", i + 1).isEqualTo(distinct);
                assertThat(rows).as("shop %d: rows in PostgreSQL vs the till", i + 1).isEqualTo(tillIds.size());
            }
        }
        System.out.println(NAME + " took " + Duration.between(begin, Instant.now()).toMillis() + " ms");
    }

    /** The replica's high-water mark ({@code replica_state.high_water_seq}), read-only from the file. */
    private long replicaHighWater(String shopId) throws Exception {
        java.nio.file.Path replica = hub.dataDir().resolve("replicas").resolve(shopId + ".db");
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + replica, readOnly.toProperties())) {
            return Tills.count(db, "SELECT high_water_seq FROM replica_state");
        }
    }
}
