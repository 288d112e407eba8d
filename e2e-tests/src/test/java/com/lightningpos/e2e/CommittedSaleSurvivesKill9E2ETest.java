package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * "A sale the cashier saw as done is committed": the till server runs as a real process, answers
 * {@code 201} to {@code POST /api/orders}, and is then killed with {@code kill -9} (no shutdown hook, no
 * flush). After a restart on the same data directory every acknowledged sale is there with the same
 * receipt number and totals, exactly once, and repeating a request creates nothing new.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommittedSaleSurvivesKill9E2ETest {

    private static final String NAME = "CommittedSaleSurvivesKill9E2ETest";
    private static final int SEQUENTIAL_SALES = 20;

    private static PosProcess pos;
    private static List<JsonNode> catalog;
    /** Every sale the server acknowledged, by id: the request body and the first answer. */
    private static final Map<String, Acked> acked = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Acked(Map<String, Object> request, JsonNode order) {
    }

    @BeforeAll
    static void startTill() {
        pos = PosProcess.start(NAME);
        catalog = Catalog.pick(pos.http(), 4, Catalog.scannableEach());
    }

    @AfterAll
    static void stopTill() {
        if (pos != null) {
            pos.stop();
        }
    }

    @Test
    @Order(1)
    void twentySalesThenKill9RightAfterTheLast201_allSurviveTheRestartExactlyOnce() {
        JsonHttp api = pos.http();
        for (int n = 0; n < SEQUENTIAL_SALES; n++) {
            // Baskets of 1..4 different items, so totals differ from sale to sale.
            List<JsonNode> basket = catalog.subList(0, 1 + n % catalog.size());
            Map<String, Object> body = Orders.cashSale(UUID.randomUUID(), basket, Orders.GENEROUS_CASH);
            JsonHttp.Response r = api.post("/api/orders", body);
            assertThat(r.status()).as("sale %d: %s", n + 1, r).isEqualTo(201);
            assertThat(r.json().path("id").asText()).as("%s", r).isEqualTo(body.get("id"));
            assertThat(r.json().path("receiptNo").asLong()).as("%s", r).isPositive();
            acked.put((String) body.get("id"), new Acked(body, r.json()));
        }
        pos.kill9(); // immediately after the last 201

        Duration restart = pos.start();
        System.out.println("restart after kill -9 took " + restart.toMillis() + " ms");
        assertAllAckedSalesPresentOnceAndRetriesAreIdempotent();

        // Receipt numbers go on from where they were, without a gap or a repeat after the crash.
        long lastBefore = acked.values().stream().mapToLong(a -> a.order().path("receiptNo").asLong()).max().orElseThrow();
        Map<String, Object> body = Orders.cashSale(UUID.randomUUID(), catalog.subList(0, 1), Orders.GENEROUS_CASH);
        JsonHttp.Response next = pos.http().post("/api/orders", body);
        assertThat(next.status()).as("%s", next).isEqualTo(201);
        assertThat(next.json().path("receiptNo").asLong()).as("first receipt after the restart: %s", next)
                .isEqualTo(lastBefore + 1);
        acked.put((String) body.get("id"), new Acked(body, next.json()));
    }

    /**
     * Four threads sell as fast as they can while the server is killed in the middle. Every sale
     * that got its 201 must survive; a sale whose answer was lost is sent again after the restart
     * (as the till UI does, with the same id) and then exists exactly once.
     */
    @Test
    @Order(2)
    void kill9WhileSalesAreInFlight_acknowledgedSalesSurviveAndUnansweredOnesCanBeRetriedSafely() throws Exception {
        JsonHttp api = pos.http();
        Map<String, Map<String, Object>> unanswered = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ackedNow = new AtomicInteger();
        CountDownLatch enoughSold = new CountDownLatch(15);
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    List<JsonNode> basket = catalog.subList(0, 1 + (thread + n++) % catalog.size());
                    Map<String, Object> body = Orders.cashSale(UUID.randomUUID(), basket, Orders.GENEROUS_CASH);
                    String id = (String) body.get("id");
                    unanswered.put(id, body);
                    try {
                        JsonHttp.Response r = api.post("/api/orders", body);
                        if (r.status() == 201) {
                            acked.put(id, new Acked(body, r.json()));
                            unanswered.remove(id);
                            ackedNow.incrementAndGet();
                            enoughSold.countDown();
                        } else {
                            unexpected.add(r.toString());
                            unanswered.remove(id);
                        }
                    } catch (UncheckedIOException e) {
                        return; // the server died under this request: its fate is settled after the restart
                    }
                }
            });
        }
        assertThat(enoughSold.await(30, TimeUnit.SECONDS)).as("15 sales acknowledged within 30 s").isTrue();
        pos.kill9();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unexpected).as("answers other than 201 while selling").isEmpty();
        System.out.println("in-flight round: " + ackedNow.get() + " acknowledged, " + unanswered.size()
                + " without an answer when the server was killed");

        pos.start();
        assertAllAckedSalesPresentOnceAndRetriesAreIdempotent(unanswered.keySet());

        // Each sale in doubt is sent again with its id: 201 if the crash lost it before commit, 200 if it
        // was committed; either way it then exists once, and sending it once more is a 200.
        JsonHttp after = pos.http();
        for (Map<String, Object> body : unanswered.values()) {
            JsonHttp.Response r = after.post("/api/orders", body);
            assertThat(r.status()).as("retry of a sale in doubt: %s", r).isIn(200, 201);
            acked.put((String) body.get("id"), new Acked(body, r.json()));
            JsonHttp.Response again = after.post("/api/orders", body);
            assertThat(again.status()).as("%s", again).isEqualTo(200);
            assertThat(again.json().path("receiptNo").asLong()).isEqualTo(r.json().path("receiptNo").asLong());
        }
        Map<String, Integer> listed = listedOrderIds(after);
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(acked.keySet());
        assertReceiptNumbersGapFree(after);
    }

    private static void assertAllAckedSalesPresentOnceAndRetriesAreIdempotent() {
        assertAllAckedSalesPresentOnceAndRetriesAreIdempotent(java.util.Set.of());
    }

    /**
     * @param inDoubt sales sent when the server was killed: committed or not, either is right, so they
     *                may be listed too (the retry afterwards settles them)
     */
    private static void assertAllAckedSalesPresentOnceAndRetriesAreIdempotent(java.util.Set<String> inDoubt) {
        JsonHttp api = pos.http();
        for (Acked sale : acked.values()) {
            JsonNode before = sale.order();
            String id = before.path("id").asText();
            JsonHttp.Response r = api.get("/api/orders/" + id);
            assertThat(r.status()).as("acknowledged sale %s after kill -9: %s", id, r).isEqualTo(200);
            JsonNode now = r.json();
            for (String field : List.of("receiptNo", "totalCents", "subtotalCents", "taxCents", "paidCents",
                    "changeCents", "status", "kind", "createdAt")) {
                assertThat(now.path(field)).as("%s of %s after kill -9", field, id).isEqualTo(before.path(field));
            }
            assertThat(now.path("lines")).as("lines of %s", id).hasSameSizeAs(before.path("lines"));
            assertThat(now.path("payments")).as("payments of %s", id).hasSameSizeAs(before.path("payments"));
        }
        Map<String, Integer> listed = listedOrderIds(api);
        assertThat(listed.keySet()).as("GET /api/orders after the restart").containsAll(acked.keySet());
        assertThat(listed.keySet()).as("nothing listed that was neither acknowledged nor in flight")
                .allMatch(id -> acked.containsKey(id) || inDoubt.contains(id));
        assertThat(listed.values()).as("each order listed once").allMatch(c -> c == 1);

        int count = orderTotal(api);
        for (Acked sale : acked.values()) {
            JsonHttp.Response again = api.post("/api/orders", sale.request());
            assertThat(again.status()).as("the same order again: %s", again).isEqualTo(200);
            assertThat(again.json().path("receiptNo")).as("%s", again).isEqualTo(sale.order().path("receiptNo"));
            assertThat(again.json().path("totalCents")).as("%s", again).isEqualTo(sale.order().path("totalCents"));
        }
        assertThat(orderTotal(api)).as("order count after re-sending every order").isEqualTo(count);
        assertReceiptNumbersGapFree(api);
    }

    private static void assertReceiptNumbersGapFree(JsonHttp api) {
        List<Long> numbers = acked.values().stream().map(a -> a.order().path("receiptNo").asLong()).sorted().toList();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0) + 1).as("receipt numbers %s", numbers)
                .isEqualTo(numbers.size());
    }

    private static int orderTotal(JsonHttp api) {
        JsonHttp.Response r = api.get("/api/orders?limit=1&offset=0");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().path("total").asInt();
    }

    /** Every order id in {@code GET /api/orders}, paged, with how often it appears. */
    static Map<String, Integer> listedOrderIds(JsonHttp api) {
        Map<String, Integer> seen = new HashMap<>();
        int offset = 0;
        int total;
        do {
            JsonHttp.Response r = api.get("/api/orders?limit=50&offset=" + offset);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            total = r.json().path("total").asInt();
            JsonNode page = r.json().path("orders");
            assertThat(page.size()).as("page at offset %d of %d: %s", offset, total, r)
                    .isEqualTo(Math.min(50, total - offset));
            page.forEach(o -> seen.merge(o.path("id").asText(), 1, Integer::sum));
            offset += page.size();
        } while (offset < total);
        assertThat(seen.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        return seen;
    }
}
