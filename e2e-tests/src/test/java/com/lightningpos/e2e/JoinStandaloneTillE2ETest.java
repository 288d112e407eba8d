package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.E2e;
import com.lightningpos.e2e.support.HubProcess;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "Must show": a till that sold standalone for a while (its own catalog, hundreds of sales
 * and some refunds) joins the chain and ends verified. Real processes: the hub (embedded PostgreSQL
 * on a fixed port, so the test reads it) with a catalog of 60 items made over the admin API, and one
 * till, first standalone, then restarted on the same data dir with the hub's url and an enrolment code.
 * <p>
 * The till's catalog overlaps the hub's: items with the hub's barcode (some typed with spaces and
 * dashes, some with a wrong check digit), some at a different price, some that only share the SKU,
 * and some the hub does not have. At the end every old sale is in PostgreSQL once with its lines and
 * payments, the price differences are open conflicts, the unknown items open proposals, the till
 * holds the hub's rows for the matched items, and it sells on. Logs and data dirs in
 * target/e2e-artifacts/JoinStandaloneTillE2ETest.
 */
class JoinStandaloneTillE2ETest {

    private static final String NAME = "JoinStandaloneTillE2ETest";
    private static final int HUB_ITEMS = 60;
    private static final int SALES = 300;
    private static final int REFUND_EVERY = 15;

    private HubProcess hub;
    private PosProcess till;

    /** What the till has of its own, and which hub item (if any) each is expected to match. */
    private record TillItem(String id, String hubSku, String kind) {
    }

    @AfterEach
    void stopAll() {
        try {
            if (till != null) {
                till.stop();
            }
        } finally {
            if (hub != null) {
                hub.stop();
            }
        }
    }

    private String logs() {
        return "till log tail:\n" + (till == null ? "" : till.logTail(40)) + "\nhub log tail:\n" + (hub == null ? "" : hub.logTail(40));
    }

    @Test
    void aStandaloneTillWithHistoryJoinsTheChainAndEndsVerified() throws Exception {
        Instant begin = Instant.now();
        Supplier<String> logs = this::logs;
        int pgPort = E2e.freePort();
        hub = HubProcess.start(NAME, "--hub.embedded-db-port=" + pgPort, "--hub.backup.enabled=false");
        JsonHttp admin = hub.admin();

        // --- the hub's catalog: 60 items with valid EAN-13 barcodes ---
        Map<String, JsonNode> hubBySku = new LinkedHashMap<>();
        for (int n = 1; n <= HUB_ITEMS; n++) {
            JsonHttp.Response r = admin.post("/api/admin/items", Map.of("sku", hubSku(n), "barcode", ean13("871000000" + three(n)),
                    "name", "Hub item " + n, "priceCents", 100 + n * 10));
            assertThat(r.status()).as("%s", r).isEqualTo(201);
            hubBySku.put(hubSku(n), r.json());
        }

        // --- a standalone till (no hub) with its own catalog overlapping the hub's ---
        till = PosProcess.named(NAME, "pos");
        till.start();
        JsonHttp api = till.http();
        assertThat(api.get("/api/sync/status").json().path("standalone").asBoolean()).isTrue();
        List<TillItem> items = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            String barcode = ean13("871000000" + three(n));
            Map<String, Object> body = new HashMap<>(Map.of("sku", hubSku(n), "name", "Hub item " + n, "priceCents", 100 + n * 10));
            String kind;
            if (n <= 10) {
                kind = "same";
                body.put("barcode", barcode);
            } else if (n <= 15) {
                kind = "typed-with-spaces";
                body.put("barcode", barcode.substring(0, 4) + " " + barcode.substring(4, 8) + "-" + barcode.substring(8));
            } else if (n <= 19) {
                kind = "wrong-check-digit";
                char check = barcode.charAt(12);
                body.put("barcode", barcode.substring(0, 12) + (char) ('0' + (check - '0' + 1) % 10));
            } else if (n <= 25) {
                kind = "other-price";
                body.put("barcode", barcode);
                body.put("priceCents", 100 + n * 10 + 55);
            } else {
                kind = "sku-only";
                body.put("sku", "  " + hubSku(n).toLowerCase() + " ");
            }
            items.add(new TillItem(createTillItem(api, body), hubSku(n), kind));
        }
        for (int n = 1; n <= 6; n++) {
            items.add(new TillItem(createTillItem(api, Map.of("sku", "TILL-NEW-" + n, "barcode", ean13("299000000" + three(n)),
                    "name", "Till's own item " + n, "priceCents", 333 + n)), null, "new"));
        }

        // --- months of selling, in a few seconds: sales of those items and some refunds ---
        Random random = new Random(9);
        Set<String> oldOrders = new HashSet<>();
        List<String> sales = new ArrayList<>();
        for (int n = 0; n < SALES; n++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            Set<String> picked = new HashSet<>();
            while (picked.size() < count) {
                picked.add(items.get(random.nextInt(items.size())).id());
            }
            picked.forEach(id -> lines.add(Map.of("itemId", id, "quantity", 1)));
            String id = UUID.randomUUID().toString();
            JsonHttp.Response r = api.post("/api/orders", Map.of("id", id, "cashier", "e2e", "lines", lines,
                    "payments", List.of(Map.of("method", "cash", "amountCents", Orders.GENEROUS_CASH))));
            assertThat(r.status()).as("standalone sale %d: %s", n + 1, r).isEqualTo(201);
            oldOrders.add(id);
            sales.add(id);
        }
        for (int n = 0; n < SALES; n += REFUND_EVERY) {
            String refundId = UUID.randomUUID().toString();
            JsonHttp.Response r = api.post("/api/orders/" + sales.get(n) + "/refunds",
                    Map.of("id", refundId, "method", "cash", "reason", "e2e refund"));
            assertThat(r.status()).as("refund: %s", r).isEqualTo(201);
            oldOrders.add(refundId);
        }
        assertThat(Tills.listOrders(api).keySet()).containsExactlyInAnyOrderElementsOf(oldOrders);
        Instant sold = Instant.now();
        System.out.println(NAME + ": " + oldOrders.size() + " standalone orders in " + Duration.between(begin, sold).toMillis() + " ms");

        // --- head office provisions the shop; the till restarts with the hub's url and the code ---
        String[] shop = Tills.provisionShop(hub, "E2E joining shop");
        String shopId = shop[0];
        till.stop();
        till.startWith("--pos.hub-url=" + hub.baseUrl(), "--pos.enrolment-code=" + shop[1], "--pos.sync-interval=2s");
        List<String> progress = new ArrayList<>();
        JsonNode verified = Tills.await("the till reports the join verified", Duration.ofSeconds(60),
                () -> api.get("/api/sync/status"), s -> {
                    JsonNode h = s.path("history");
                    if (!h.isMissingNode() && !h.isNull()) {
                        String line = h.path("state").asText() + " " + h.path("uploaded").asLong() + "/" + h.path("total").asLong()
                                + " eta " + h.path("etaSeconds").asText();
                        if (progress.isEmpty() || !progress.get(progress.size() - 1).equals(line)) {
                            progress.add(line);
                        }
                    }
                    return "verified".equals(h.path("state").asText());
                }, logs);
        Instant joined = Instant.now();
        System.out.println(NAME + ": join verified " + Duration.between(sold, joined).toMillis() + " ms after the restart began;"
                + " progress seen: " + progress + "; final: " + verified.path("history"));
        JsonNode history = verified.path("history");
        assertThat(history.path("total").asLong()).as("%s", verified).isPositive();
        assertThat(history.path("uploaded").asLong()).as("%s", verified).isEqualTo(history.path("total").asLong());
        assertThat(history.path("remaining").asLong()).as("%s", verified).isZero();
        assertThat(verified.path("shopId").asText()).isEqualTo(shopId);
        assertThat(till.dataDir().resolve("join.json")).exists();
        try (var files = java.nio.file.Files.list(till.dataDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the pre-enrolment copy is kept")
                    .anyMatch(f -> f.matches("pre-enrolment-\\d{8}T\\d{6}Z\\.db"));
        }

        // --- every old sale in PostgreSQL exactly once, with its lines and payments ---
        List<String> pgOrders = Tills.awaitPgOrders(pgPort, shopId, oldOrders, Duration.ofSeconds(45));
        assertThat(pgOrders).as("old orders in PostgreSQL\n%s", logs()).containsExactlyInAnyOrderElementsOf(oldOrders);
        long[] tillRows = tillCounts(till);
        try (Connection pg = Tills.postgres(pgPort)) {
            assertThat(Tills.count(pg, "SELECT count(*) FROM sales_orders WHERE shop_id = ?::uuid", shopId)).isEqualTo(oldOrders.size());
            awaitPgCount(pg, "SELECT count(*) FROM sales_order_items WHERE shop_id = ?::uuid", shopId, tillRows[0]);
            awaitPgCount(pg, "SELECT count(*) FROM sales_order_payments WHERE shop_id = ?::uuid", shopId, tillRows[1]);
            assertThat(Tills.count(pg, "SELECT count(*) - count(DISTINCT id) FROM sales_order_items WHERE shop_id = ?::uuid", shopId))
                    .as("no line twice").isZero();

            // --- the hub recorded the join, verified by the till's own report compared on three tiers ---
            assertThat(Tills.count(pg, "SELECT count(*) FROM shop_joins WHERE shop_id = ?::uuid AND verified_at IS NOT NULL"
                    + " AND history_changes = " + history.path("total").asLong() + " AND matched = 30", shopId))
                    .as("shop_joins row verified with the till's figures").isEqualTo(1);
            assertThat(Tills.count(pg, "SELECT count(*) FROM shop_consistency_reports WHERE shop_id = ?::uuid", shopId))
                    .as("the till posted its consistency report").isEqualTo(1);
            Set<String> hubIds = new HashSet<>();
            hubBySku.values().forEach(i -> hubIds.add(i.path("id").asText()));
            Set<String> tillOwn = new HashSet<>();
            items.stream().filter(i -> i.hubSku() != null).forEach(i -> tillOwn.add(i.id()));
            assertThat(Tills.count(pg, "SELECT count(*) FROM sales_order_items WHERE shop_id = ?::uuid AND item_id::text = ANY (?)",
                    shopId, pg.createArrayOf("text", tillOwn.toArray()))).as("no uploaded line points at a replaced till item").isZero();

            // --- the price differences are open conflicts for review ---
            Set<String> otherPrice = new HashSet<>();
            items.stream().filter(i -> i.kind().equals("other-price"))
                    .forEach(i -> otherPrice.add(hubBySku.get(i.hubSku()).path("id").asText()));
            List<String> conflicts = new ArrayList<>();
            try (var st = pg.prepareStatement("SELECT record_id::text FROM sync_conflicts WHERE shop_id = ?::uuid"
                    + " AND rule = 'join_catalog_match' AND status = 'open' AND winner = 'hub'")) {
                st.setString(1, shopId);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        conflicts.add(rs.getString(1));
                    }
                }
            }
            assertThat(conflicts).as("join conflicts: one per item sold at another price").containsExactlyInAnyOrderElementsOf(otherPrice);
        }

        // --- the till's own items became open proposals ---
        JsonHttp.Response proposals = admin.get("/api/admin/proposals?status=open&limit=1000");
        assertThat(proposals.status()).as("%s", proposals).isEqualTo(200);
        Set<String> proposed = new HashSet<>();
        proposals.json().path("proposals").forEach(p -> {
            if (shopId.equals(p.path("shopId").asText())) {
                proposed.add(p.path("itemId").asText());
            }
        });
        Set<String> newItems = new HashSet<>();
        items.stream().filter(i -> i.kind().equals("new")).forEach(i -> newItems.add(i.id()));
        assertThat(proposed).as("open proposals of the shop: %s", proposals).containsAll(newItems);
        Set<String> matchedLocal = new HashSet<>();
        items.stream().filter(i -> i.hubSku() != null).forEach(i -> matchedLocal.add(i.id()));
        assertThat(proposed).as("no matched item is proposed").doesNotContainAnyElementsOf(matchedLocal);

        // --- the till holds the hub's rows for the matched items (and its own for the new ones) ---
        for (TillItem item : items) {
            if (item.hubSku() == null) {
                assertThat(api.get("/api/items/" + item.id()).status()).as("proposed item %s kept at the till", item.id()).isEqualTo(200);
                continue;
            }
            JsonNode hubItem = hubBySku.get(item.hubSku());
            JsonHttp.Response atTill = api.get("/api/items/" + hubItem.path("id").asText());
            assertThat(atTill.status()).as("hub item %s (%s) at the till: %s", item.hubSku(), item.kind(), atTill).isEqualTo(200);
            assertThat(atTill.json().path("priceCents").asLong()).as("%s %s", item.kind(), atTill).isEqualTo(hubItem.path("priceCents").asLong());
            assertThat(atTill.json().path("name").asText()).isEqualTo(hubItem.path("name").asText());
            assertThat(atTill.json().path("barcode").asText()).isEqualTo(hubItem.path("barcode").asText());
            assertThat(atTill.json().path("sku").asText()).isEqualTo(hubItem.path("sku").asText());
            assertThat(api.get("/api/items/" + item.id()).status()).as("the till's own id for %s is gone", item.hubSku()).isEqualTo(404);
        }

        // --- selling goes on after the join ---
        Set<String> all = new HashSet<>(oldOrders);
        List<JsonNode> hubItems = List.of(hubBySku.get(hubSku(1)), hubBySku.get(hubSku(20)));
        for (int n = 0; n < 3; n++) {
            all.add(Tills.sell(api, hubItems));
        }
        Tills.syncUntilOk(api, Duration.ofSeconds(30), logs);
        List<String> after = Tills.awaitPgOrders(pgPort, shopId, all, Duration.ofSeconds(30));
        assertThat(after).as("old and new orders in PostgreSQL\n%s", logs()).containsExactlyInAnyOrderElementsOf(all);
        System.out.println(NAME + " took " + Duration.between(begin, Instant.now()).toMillis() + " ms");
    }

    private static String createTillItem(JsonHttp api, Map<String, Object> body) {
        JsonHttp.Response r = api.post("/api/items", body);
        assertThat(r.status()).as("till item %s: %s", body, r).isEqualTo(201);
        return r.json().path("id").asText();
    }

    /** Lines and payments in the till's own database (read-only, beside the running till). */
    private static long[] tillCounts(PosProcess till) throws Exception {
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + till.dataDir().resolve("shop.db"), readOnly.toProperties())) {
            return new long[] {Tills.count(db, "SELECT count(*) FROM sales_order_items"), Tills.count(db, "SELECT count(*) FROM sales_order_payments")};
        }
    }

    private static void awaitPgCount(Connection pg, String sql, String shopId, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        long actual = Tills.count(pg, sql, shopId);
        while (actual != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            actual = Tills.count(pg, sql, shopId);
        }
        assertThat(actual).as(sql).isEqualTo(expected);
    }

    private static String hubSku(int n) {
        return "HUB-" + three(n);
    }

    private static String three(int n) {
        return String.format("%03d", n);
    }

    /** The 12 digits plus their EAN-13 check digit. */
    static String ean13(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }
}
