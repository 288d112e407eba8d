package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.E2e;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "Must show": a shop's till machine dies, a new one is restored from the shop's replica at
 * the hub ({@code --pos.restore-from-hub=true}, docs/operations.md §3.1) and goes on selling with
 * receipt numbers that continue without a gap or a repeat. Real processes: the hub (embedded
 * PostgreSQL on a fixed port, so the test reads it) and the till server, killed with {@code kill -9};
 * of the dead machine only {@code credentials.json} survives, as an operator would have it from a
 * backup. Also the documented refusal: a restore over a {@code shop.db} that still holds unsynced
 * sales does not start and keeps that database.
 * Logs and data dirs in target/e2e-artifacts/DeadTillRestoredFromReplicaE2ETest.
 */
class DeadTillRestoredFromReplicaE2ETest {

    private static final String NAME = "DeadTillRestoredFromReplicaE2ETest";
    private static final int SALES_BEFORE = 38;
    private static final int REFUNDS_BEFORE = 2;
    private static final int SALES_AFTER = 20;
    private static final String RESTORE = "--pos.restore-from-hub=true";

    private HubProcess hub;
    private PosProcess deadTill;
    private PosProcess newTill;

    @AfterEach
    void stopAll() {
        try {
            for (PosProcess t : new PosProcess[] {deadTill, newTill}) {
                if (t != null) {
                    t.stop();
                }
            }
        } finally {
            if (hub != null) {
                hub.stop();
            }
        }
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (PosProcess t : new PosProcess[] {deadTill, newTill}) {
            if (t != null) {
                b.append(t.name()).append(" log tail:\n").append(t.logTail(30)).append('\n');
            }
        }
        return b.append("hub log tail:\n").append(hub.logTail(40)).toString();
    }

    @Test
    void aDeadTillRestoredFromItsReplica_goesOnSellingWithGapFreeReceiptNumbers() throws Exception {
        Instant begin = Instant.now();
        Supplier<String> logs = this::logs;
        int pgPort = E2e.freePort();
        hub = HubProcess.start(NAME, "--hub.demo-data=true", "--hub.embedded-db-port=" + pgPort,
                "--hub.backup.enabled=false");
        String[] shop = Tills.provisionShop(hub, "E2E dead till shop");
        String shopId = shop[0];

        // --- 1. an enrolled till sells, refunds twice, syncs; the hub's PostgreSQL has it all ---
        deadTill = PosProcess.named(NAME, "pos-dead", "--pos.hub-url=" + hub.baseUrl(),
                "--pos.enrolment-code=" + shop[1]);
        deadTill.start();
        JsonHttp dead = deadTill.http();
        Tills.awaitEnrolled(dead, logs);
        List<JsonNode> items = Catalog.pick(dead, 3, Catalog.scannableEach());
        Map<String, JsonNode> answers = new LinkedHashMap<>(); // order id -> the till's 201 answer, every order
        for (int n = 0; n < SALES_BEFORE; n++) {
            sellExpectingReceipt(dead, items.subList(0, 1 + n % items.size()), answers.size() + 1, answers);
        }
        List<String> sales = new ArrayList<>(answers.keySet());
        for (int r = 0; r < REFUNDS_BEFORE; r++) {
            String refundId = UUID.randomUUID().toString();
            JsonHttp.Response refund = dead.post("/api/orders/" + sales.get(5 + 10 * r) + "/refunds",
                    Map.of("id", refundId, "method", "cash", "reason", "e2e: refund before the machine dies"));
            assertThat(refund.status()).as("%s", refund).isEqualTo(201);
            assertThat(refund.json().path("kind").asText()).as("%s", refund).isEqualTo("refund");
            assertThat(refund.json().path("receiptNo").asLong()).as("receipt of the refund: %s", refund)
                    .isEqualTo(answers.size() + 1);
            answers.put(refundId, refund.json());
        }
        int beforeDeath = answers.size();
        Tills.syncUntilOk(dead, Duration.ofSeconds(30), logs);
        List<String> pgBefore = Tills.awaitPgOrders(pgPort, shopId, answers.keySet(), Duration.ofSeconds(30));
        assertThat(pgBefore).as("the dead till's orders in PostgreSQL before it dies\n%s", logs())
                .containsExactlyInAnyOrderElementsOf(answers.keySet());
        String shopName = dead.get("/api/shop").json().path("name").asText();
        Map<String, Long> catalogPrices = prices(Catalog.items(dead));

        // --- 2. the machine dies: kill -9, its disk is gone but for credentials.json from a backup ---
        deadTill.kill9();
        newTill = PosProcess.named(NAME, "pos-new");
        Files.copy(deadTill.dataDir().resolve("credentials.json"), newTill.dataDir().resolve("credentials.json"));
        deleteRecursively(deadTill.dataDir());

        // --- 3. the new machine restores from the replica (the credentials name the hub) ---
        Duration restoreTook = newTill.startWith(RESTORE);
        System.out.println("restored from the hub and healthy in " + restoreTook.toMillis() + " ms");
        assertThat(newTill.log()).as("the till log tells of the restore").contains("Restored shop " + shopId);
        JsonHttp till = newTill.http();
        JsonNode identity = till.get("/api/shop").json();
        assertThat(identity.path("shopId").asText()).as("shop identity after the restore: %s", identity).isEqualTo(shopId);
        assertThat(identity.path("name").asText()).as("%s", identity).isEqualTo(shopName);
        assertThat(identity.path("standalone").asBoolean(true)).as("%s", identity).isFalse();
        Map<String, JsonNode> restored = Tills.listOrders(till);
        assertThat(restored.keySet()).as("GET /api/orders at the restored till")
                .containsExactlyInAnyOrderElementsOf(answers.keySet());
        assertSameOrders("restored till", restored, answers);
        assertThat(prices(Catalog.items(till))).as("the catalog (item id -> price) at the restored till")
                .isEqualTo(catalogPrices);
        JsonNode status = till.get("/api/sync/status").json();
        assertThat(status.path("pendingCount").asLong()).as("nothing to send right after the restore: %s", status)
                .isZero();

        // --- 4. it sells on: receipt numbers continue right after the last one ---
        for (int n = 0; n < SALES_AFTER; n++) {
            long expected = beforeDeath + n + 1;
            String id = sellExpectingReceipt(till, items.subList(0, 1 + n % items.size()), expected, answers);
            JsonHttp.Response found = till.get("/api/orders?q=" + expected);
            assertThat(found.status()).as("%s", found).isEqualTo(200);
            assertThat(found.json().path("orders")).as("the till finds receipt %d: %s", expected, found).hasSize(1);
            assertThat(found.json().path("orders").get(0).path("id").asText()).as("%s", found).isEqualTo(id);
        }
        Map<String, JsonNode> atTill = Tills.listOrders(till);
        assertThat(atTill.values().stream().map(o -> o.path("receiptNo").asLong()).sorted().toList())
                .as("receipt numbers at the restored till: 1..%d, no gap, no repeat", answers.size())
                .isEqualTo(LongStream.rangeClosed(1, answers.size()).boxed().toList());

        // --- the documented refusal: no restore over a shop.db with sales the hub does not have ---
        assertThat(newTill.stop()).as("graceful stop of the restored till").isIn(0, 143);
        assertThatThrownBy(() -> newTill.startWith(RESTORE))
                .as("a restore over a shop.db holding %d unsynced sales must not start", SALES_AFTER)
                .hasMessageContaining("exited with code");
        assertThat(newTill.logTail(200)).as("the refusal says why and what to do")
                .contains("change(s) the hub does not have yet; restoring would lose them")
                .contains("Sync first");
        try (Stream<Path> aside = Files.list(newTill.dataDir())) {
            assertThat(aside.map(p -> p.getFileName().toString()))
                    .as("the refused restore moved nothing aside").noneMatch(f -> f.startsWith("before-restore-"));
        }
        newTill.start();
        assertThat(Tills.listOrders(newTill.http()).keySet()).as("after the refusal the till still has every order")
                .containsExactlyInAnyOrderElementsOf(answers.keySet());

        // --- 5. sync: the hub's PostgreSQL holds every order of both machines exactly once ---
        till = newTill.http();
        Tills.syncUntilOk(till, Duration.ofSeconds(30), logs);
        List<String> pgIds = Tills.awaitPgOrders(pgPort, shopId, answers.keySet(), Duration.ofSeconds(30));
        assertThat(pgIds).as("order ids in PostgreSQL: the dead till's and the new till's\n%s", logs())
                .containsExactlyInAnyOrderElementsOf(answers.keySet());
        try (Connection pg = Tills.postgres(pgPort)) {
            Map<String, PgOrder> rows = pgOrders(pg, shopId);
            assertThat(rows).as("PostgreSQL rows of the shop").hasSize(answers.size());
            for (Map.Entry<String, JsonNode> e : answers.entrySet()) {
                JsonNode o = e.getValue();
                PgOrder r = rows.get(e.getKey());
                assertThat(r).as("order %s in PostgreSQL", e.getKey()).isNotNull();
                long paid = 0;
                for (JsonNode p : o.path("payments")) {
                    paid += p.path("amountCents").asLong();
                }
                assertThat(r).as("order %s in PostgreSQL vs the till's answer %s", e.getKey(), o).isEqualTo(new PgOrder(
                        o.path("receiptNo").asLong(), o.path("kind").asText(), o.path("totalCents").asLong(),
                        o.path("lines").size(), o.path("payments").size(), paid));
            }
            List<Long> receipts = new ArrayList<>();
            try (PreparedStatement st = pg.prepareStatement(
                    "SELECT receipt_no FROM sales_orders WHERE shop_id = ?::uuid ORDER BY receipt_no")) {
                st.setString(1, shopId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        receipts.add(rs.getLong(1));
                    }
                }
            }
            assertThat(receipts).as("the shop's receipt numbers in PostgreSQL: 1..%d, unique, no gap", answers.size())
                    .isEqualTo(LongStream.rangeClosed(1, answers.size()).boxed().toList());
        }
        status = till.get("/api/sync/status").json();
        assertThat(status.path("pendingCount").asLong()).as("%s", status).isZero();
        assertThat(status.path("pendingChanges").asLong()).as("%s", status).isZero();
        assertThat(pendingOutboxRows(newTill.dataDir().resolve("shop.db")))
                .as("sync_changes rows still pending in the restored till's shop.db").isZero();

        // The restored catalog cursor is not past the hub's outbound log: a later price change arrives.
        String itemId = items.get(0).path("id").asText();
        long newPrice = catalogPrices.get(itemId) + 77;
        JsonHttp.Response put = hub.admin().put("/api/admin/items/" + itemId, Map.of("priceCents", newPrice));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        JsonHttp restoredTill = till;
        Tills.await("the hub's new price of " + itemId + " at the restored till", Duration.ofSeconds(30), () -> {
            restoredTill.post("/api/sync", Map.of());
            return restoredTill.get("/api/items/" + itemId);
        }, i -> i.path("priceCents").asLong() == newPrice, logs);
        System.out.println(NAME + ": " + beforeDeath + " orders before the death, " + SALES_AFTER + " after the restore; took "
                + Duration.between(begin, Instant.now()).toMillis() + " ms");
    }

    /** Sells {@code basket} for cash; asserts the 201 and the receipt number printed in the answer. */
    private static String sellExpectingReceipt(JsonHttp till, List<JsonNode> basket, long receiptNo,
                                               Map<String, JsonNode> answers) {
        UUID id = UUID.randomUUID();
        JsonHttp.Response r = till.post("/api/orders", Orders.cashSale(id, basket, Orders.GENEROUS_CASH));
        assertThat(r.status()).as("sale with receipt %d: %s", receiptNo, r).isEqualTo(201);
        assertThat(r.json().path("receiptNo").asLong()).as("receipt number in the answer: %s", r).isEqualTo(receiptNo);
        answers.put(id.toString(), r.json());
        return id.toString();
    }

    /** The till's answer and the restored till's listing agree on each order. */
    private static void assertSameOrders(String where, Map<String, JsonNode> listed, Map<String, JsonNode> answers) {
        for (Map.Entry<String, JsonNode> e : answers.entrySet()) {
            JsonNode want = e.getValue();
            JsonNode got = listed.get(e.getKey());
            for (String field : List.of("receiptNo", "kind", "status", "totalCents", "paidCents", "changeCents")) {
                assertThat(got.path(field).asText()).as("%s of %s at the %s", field, e.getKey(), where)
                        .isEqualTo(want.path(field).asText());
            }
            assertThat(got.path("lines").size()).as("lines of %s at the %s", e.getKey(), where)
                    .isEqualTo(want.path("lines").size());
            assertThat(got.path("payments").size()).as("payments of %s at the %s", e.getKey(), where)
                    .isEqualTo(want.path("payments").size());
        }
    }

    private static Map<String, Long> prices(List<JsonNode> items) {
        Map<String, Long> prices = new HashMap<>();
        items.forEach(i -> prices.put(i.path("id").asText(), i.path("priceCents").asLong()));
        return prices;
    }

    private record PgOrder(long receiptNo, String kind, long totalCents, int lines, int payments, long paidCents) {
    }

    /** One entry per order id; a duplicate id fails here. */
    private static Map<String, PgOrder> pgOrders(Connection pg, String shopId) throws Exception {
        Map<String, PgOrder> rows = new HashMap<>();
        try (PreparedStatement st = pg.prepareStatement("""
                SELECT o.id::text, o.receipt_no, o.kind, o.total_cents,
                       (SELECT count(*) FROM sales_order_items i WHERE i.order_id = o.id),
                       (SELECT count(*) FROM sales_order_payments p WHERE p.order_id = o.id),
                       (SELECT coalesce(sum(p.amount_cents), 0) FROM sales_order_payments p WHERE p.order_id = o.id)
                FROM sales_orders o WHERE o.shop_id = ?::uuid""")) {
            st.setString(1, shopId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    PgOrder row = new PgOrder(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getInt(6),
                            rs.getLong(7));
                    assertThat(rows.put(rs.getString(1), row)).as("order %s twice in PostgreSQL", rs.getString(1)).isNull();
                }
            }
        }
        return rows;
    }

    /** {@code sync_changes} rows not yet at the hub, read-only from the running till's file. */
    private static long pendingOutboxRows(Path shopDb) throws Exception {
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + shopDb, readOnly.toProperties())) {
            return Tills.count(db, "SELECT count(*) FROM sync_changes WHERE sync_status = 'pending'");
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
