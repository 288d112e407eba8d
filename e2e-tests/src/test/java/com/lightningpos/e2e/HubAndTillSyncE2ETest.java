package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.E2e;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sqlite.SQLiteConfig;

/**
 * The sync protocol end to end with two real processes (issue 5, "Must show"): the hub (embedded
 * PostgreSQL, demo catalog) provisions a shop, a till enrols with the code and downloads the catalog;
 * with the hub stopped the till sells (split payments, one refund) and counts the sales waiting; the
 * hub starts again on the same data dir, the till syncs, and every sale is in the shop's replica
 * ({@code replicas/<shopId>.db}) and, after the ETL, in the hub's PostgreSQL exactly once with the
 * till's totals. Then a price changed at head office reaches the till. No browser.
 * Logs and data dirs in target/e2e-artifacts/HubAndTillSyncE2ETest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubAndTillSyncE2ETest {

    private static final String NAME = "HubAndTillSyncE2ETest";
    private static final int SALES = 25;
    /** A card part of each split payment: less than any basket used here costs, so card never exceeds the due. */
    private static final long CARD_PART_CENTS = 150;

    private static HubProcess hub;
    private static PosProcess pos;
    private static int hubDbPort;
    private static String shopId;
    private static List<JsonNode> basketItems;

    @BeforeAll
    static void startHubProvisionAndEnrolATill() {
        // A fixed port for the hub's embedded PostgreSQL, so the test can read it and it stays put across restarts.
        hubDbPort = E2e.freePort();
        hub = HubProcess.start(NAME, "--hub.demo-data=true", "--hub.embedded-db-port=" + hubDbPort);
        JsonHttp.Response shop = hub.admin().post("/api/admin/shops", Map.of("name", "E2E offline shop"));
        assertThat(shop.status()).as("%s", shop).isEqualTo(201);
        shopId = shop.json().path("id").asText();
        String code = shop.json().path("enrolmentCode").asText();
        assertThat(shopId).as("%s", shop).isNotBlank();
        assertThat(code).as("%s", shop).isNotBlank();

        pos = PosProcess.start(NAME, "--pos.hub-url=" + hub.baseUrl(), "--pos.enrolment-code=" + code);
        JsonHttp api = pos.http();
        JsonNode enrolled = await("till enrolled, online and done downloading the catalog", Duration.ofSeconds(30),
                () -> api.get("/api/sync/status"),
                s -> "online".equals(s.path("state").asText()) && !s.path("standalone").asBoolean(true)
                        && !s.path("bootstrap").path("inProgress").asBoolean(false)
                        && !s.path("lastSyncedAt").isNull() && !s.path("lastSyncedAt").asText().isEmpty());
        System.out.println("enrolled: " + enrolled);
        await("the hub's demo catalog in the till", Duration.ofSeconds(30), () -> api.get("/api/items?limit=1"),
                r -> r.path("total").asInt() > 0);
        basketItems = Catalog.pick(api, 3, Catalog.scannableEach().and(i -> i.path("priceCents").asLong() > CARD_PART_CENTS));
    }

    @AfterAll
    static void stopAll() {
        try {
            if (pos != null) {
                pos.stop();
            }
        } finally {
            if (hub != null) {
                hub.stop();
            }
        }
    }

    @Test
    @Order(1)
    void salesMadeWhileTheHubIsDown_reachTheReplicaAndThePostgresExactlyOnce_afterTheHubIsBack() throws Exception {
        JsonHttp api = pos.http();
        hub.stop();

        // --- sell with the hub down: every sale is a 201 ---
        Map<String, JsonNode> sold = new LinkedHashMap<>(); // id -> the till's answer, sales and the refund
        for (int n = 0; n < SALES; n++) {
            List<JsonNode> basket = basketItems.subList(0, 1 + n % basketItems.size());
            List<Map<String, Object>> payments = n % 2 == 0
                    ? List.of(Map.of("method", "card", "amountCents", CARD_PART_CENTS),
                              Map.of("method", "cash", "amountCents", Orders.GENEROUS_CASH))
                    : List.of(Map.of("method", "cash", "amountCents", Orders.GENEROUS_CASH));
            String id = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of("id", id, "cashier", "e2e", "payments", payments,
                    "lines", basket.stream().map(i -> Map.of("itemId", i.path("id").asText(), "quantity", 1)).toList());
            JsonHttp.Response r = api.post("/api/orders", body);
            assertThat(r.status()).as("sale %d with the hub down: %s", n + 1, r).isEqualTo(201);
            assertThat(r.json().path("payments")).as("%s", r).hasSize(payments.size());
            sold.put(id, r.json());
        }
        String refunded = new ArrayList<>(sold.keySet()).get(2);
        String refundId = UUID.randomUUID().toString();
        JsonHttp.Response refund = api.post("/api/orders/" + refunded + "/refunds",
                Map.of("id", refundId, "method", "cash", "reason", "e2e: customer changed their mind"));
        assertThat(refund.status()).as("refund with the hub down: %s", refund).isEqualTo(201);
        assertThat(refund.json().path("kind").asText()).as("%s", refund).isEqualTo("refund");
        assertThat(refund.json().path("totalCents").asLong()).as("%s", refund).isNegative();
        sold.put(refundId, refund.json());
        int orders = sold.size(); // SALES + 1

        // --- the till knows they are waiting, and that the hub cannot be reached ---
        JsonHttp.Response offlineSync = api.post("/api/sync", Map.of());
        assertThat(offlineSync.status()).as("%s", offlineSync).isEqualTo(200);
        assertThat(offlineSync.json().path("outcome").asText()).as("sync with the hub down: %s", offlineSync)
                .isNotEqualTo("ok");
        JsonNode waiting = api.get("/api/sync/status").json();
        assertThat(waiting.path("state").asText()).as("%s", waiting).isEqualTo("offline");
        assertThat(waiting.path("pendingCount").asInt()).as("sales + refund waiting: %s", waiting).isEqualTo(orders);

        Map<String, JsonNode> listed = Tills.listOrders(api);
        assertThat(listed.keySet()).as("GET /api/orders on the till").containsExactlyInAnyOrderElementsOf(sold.keySet());

        // --- the hub comes back on the same data dir; the till syncs ---
        Duration hubRestart = hub.start();
        System.out.println("hub restarted in " + hubRestart.toMillis() + " ms");
        Instant syncStart = Instant.now();
        JsonNode synced = await("POST /api/sync outcome ok with nothing waiting", Duration.ofSeconds(60),
                () -> api.post("/api/sync", Map.of()),
                s -> "ok".equals(s.path("outcome").asText()) && s.path("status").path("pendingCount").asInt(-1) == 0);
        Instant syncedAt = Instant.now();
        System.out.println("synced " + Duration.between(syncStart, syncedAt).toMillis() + " ms after the hub was up: "
                + synced);
        JsonNode after = api.get("/api/sync/status").json();
        assertThat(after.path("pendingCount").asInt()).as("%s", after).isZero();
        assertThat(after.path("pendingChanges").asInt()).as("%s", after).isZero();
        assertThat(after.path("state").asText()).as("%s", after).isEqualTo("online");

        long paymentRows = sold.values().stream().mapToLong(o -> o.path("payments").size()).sum();
        long lineRows = sold.values().stream().mapToLong(o -> o.path("lines").size()).sum();

        // --- the replica: every order exactly once, with the till's totals ---
        Path replica = hub.dataDir().resolve("replicas").resolve(shopId + ".db");
        assertThat(replica).as("the shop's replica file").isRegularFile();
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + replica, readOnly.toProperties())) {
            List<Row> rows = orderRows(db, "SELECT id, receipt_no, kind, total_cents FROM sales_orders WHERE shop_id = ?",
                    shopId);
            assertThat(count(db, "SELECT count(*) FROM sales_orders")).as("all sales_orders rows of the replica")
                    .isEqualTo(orders);
            assertOrdersMatch("replica " + replica.getFileName(), rows, listed);
            assertThat(count(db, "SELECT count(*) FROM sales_order_payments WHERE shop_id = ?", shopId))
                    .as("payment rows in the replica").isEqualTo(paymentRows);
            assertThat(count(db, "SELECT count(*) FROM sales_order_items WHERE shop_id = ?", shopId))
                    .as("order lines in the replica").isEqualTo(lineRows);
        }

        // --- the hub's PostgreSQL, once the ETL has loaded the push (it is woken by it) ---
        String pgUrl = "jdbc:postgresql://127.0.0.1:" + hubDbPort + "/postgres";
        assertThat(hub.log()).as("hub log names the embedded PostgreSQL port")
                .contains("using the embedded PostgreSQL on port " + hubDbPort);
        try (Connection pg = DriverManager.getConnection(pgUrl, "postgres", "")) {
            UUID shop = UUID.fromString(shopId);
            Instant deadline = Instant.now().plusSeconds(30);
            long orderCount;
            long payments;
            long lines;
            do {
                orderCount = count(pg, "SELECT count(*) FROM sales_orders WHERE shop_id = ?", shop);
                payments = count(pg, "SELECT count(*) FROM sales_order_payments WHERE shop_id = ?", shop);
                lines = count(pg, "SELECT count(*) FROM sales_order_items WHERE shop_id = ?", shop);
                if (orderCount == orders && payments == paymentRows && lines == lineRows) {
                    break;
                }
                Thread.sleep(250);
            } while (Instant.now().isBefore(deadline));
            System.out.println("ETL: PostgreSQL had " + orderCount + " orders " + Duration.between(syncedAt, Instant.now())
                    .toMillis() + " ms after the till's sync answered ok (replica checks included)");
            assertThat(orderCount).as("sales_orders of the shop in the hub's PostgreSQL within 30 s (hub log tail:\n%s)",
                    hub.logTail(40)).isEqualTo(orders);
            assertThat(count(pg, "SELECT count(DISTINCT id) FROM sales_orders WHERE shop_id = ?", shop))
                    .as("distinct order ids in PostgreSQL").isEqualTo(orderCount);
            assertThat(payments).as("sales_order_payments of the shop in PostgreSQL").isEqualTo(paymentRows);
            assertThat(lines).as("sales_order_items of the shop in PostgreSQL").isEqualTo(lineRows);
            List<Row> rows = orderRows(pg, "SELECT id::text, receipt_no, kind, total_cents FROM sales_orders WHERE shop_id = ?",
                    shop);
            assertOrdersMatch("hub PostgreSQL", rows, listed);
            long tillTotal = listed.values().stream().mapToLong(o -> o.path("totalCents").asLong()).sum();
            assertThat(count(pg, "SELECT coalesce(sum(total_cents), 0) FROM sales_orders WHERE shop_id = ?", shop))
                    .as("sum of total_cents in PostgreSQL vs the till").isEqualTo(tillTotal);
        }
    }

    @Test
    @Order(2)
    void aPriceChangedAtTheHub_reachesTheTillAfterASync() throws Exception {
        JsonHttp api = pos.http();
        JsonNode item = basketItems.get(0);
        String itemId = item.path("id").asText();
        long oldPrice = api.get("/api/items/" + itemId).json().path("priceCents").asLong();
        long newPrice = oldPrice + 123;

        JsonHttp.Response put = hub.admin().put("/api/admin/items/" + itemId, Map.of("priceCents", newPrice));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.json().path("priceCents").asLong()).as("%s", put).isEqualTo(newPrice);

        Instant changedAt = Instant.now();
        Instant deadline = changedAt.plusSeconds(30);
        JsonHttp.Response seen = null;
        JsonHttp.Response lastSync = null;
        while (Instant.now().isBefore(deadline)) {
            lastSync = api.post("/api/sync", Map.of());
            seen = api.get("/api/items/" + itemId);
            if (seen.status() == 200 && seen.json().path("priceCents").asLong() == newPrice) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.println("new price seen at the till " + Duration.between(changedAt, Instant.now()).toMillis()
                + " ms after the hub's PUT");
        assertThat(seen.json().path("priceCents").asLong())
                .as("price of %s at the till within 30 s of the hub's change %d -> %d; last sync: %s; item: %s",
                        itemId, oldPrice, newPrice, lastSync, seen)
                .isEqualTo(newPrice);

        // The till sells at the new price.
        JsonHttp.Response sale = api.post("/api/orders",
                Orders.cashSale(UUID.randomUUID(), List.of(seen.json()), Orders.GENEROUS_CASH));
        assertThat(sale.status()).as("%s", sale).isEqualTo(201);
        assertThat(sale.json().path("lines").get(0).path("unitPriceCents").asLong()).as("%s", sale).isEqualTo(newPrice);
    }

    // ---------------------------------------------------------------------------------------------

    private record Row(String id, long receiptNo, String kind, long totalCents) {
    }

    /** Each order of the till once in {@code rows}, with the same receipt number, kind and total. */
    private static void assertOrdersMatch(String where, List<Row> rows, Map<String, JsonNode> till) {
        Map<String, Integer> times = new HashMap<>();
        rows.forEach(r -> times.merge(r.id(), 1, Integer::sum));
        assertThat(times).as("order ids in the %s seen more than once", where).allSatisfy((id, n) -> assertThat(n).isOne());
        assertThat(times.keySet()).as("order ids in the %s vs the till's GET /api/orders", where)
                .containsExactlyInAnyOrderElementsOf(till.keySet());
        for (Row r : rows) {
            JsonNode o = till.get(r.id());
            assertThat(r.receiptNo()).as("receipt_no of %s in the %s", r.id(), where).isEqualTo(o.path("receiptNo").asLong());
            assertThat(r.kind()).as("kind of %s in the %s", r.id(), where).isEqualTo(o.path("kind").asText());
            assertThat(r.totalCents()).as("total_cents of %s in the %s", r.id(), where).isEqualTo(o.path("totalCents").asLong());
        }
    }

    private static List<Row> orderRows(Connection db, String sql, Object param) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        return rows;
    }

    private static long count(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }


    /** Calls {@code call} every 500 ms until its 200 JSON answer satisfies {@code condition}. */
    private static JsonNode await(String what, Duration timeout, Supplier<JsonHttp.Response> call,
                                  Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(timeout);
        JsonHttp.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Not reached within " + timeout + ": " + what + "; last answer: " + last
                + "\ntill log tail:\n" + pos.logTail(40) + "\nhub log tail:\n" + hub.logTail(40));
    }

    static {
        // Fail early and clearly if a driver is missing from the test classpath.
        try {
            Class.forName("org.sqlite.JDBC");
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
