package com.lightningpos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.Catalog;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.e2e.support.PosProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receipt numbers are taken in the sale transaction: many cashiers' sales at once on a fresh till get
 * receipt numbers 1..N, none twice and none skipped, also with a refused sale and retried ids mixed in.
 */
class ReceiptNumbersE2ETest {

    private static final String NAME = "ReceiptNumbersE2ETest";
    private static final int THREADS = 8;
    private static final int SALES_PER_THREAD = 10;

    private static PosProcess pos;

    @BeforeAll
    static void startTill() {
        pos = PosProcess.start(NAME);
    }

    @AfterAll
    static void stopTill() {
        if (pos != null) {
            pos.stop();
        }
    }

    @Test
    void concurrentSalesGetReceiptNumbersOneToNWithoutGapsOrDuplicates() throws Exception {
        JsonHttp api = pos.http();
        List<JsonNode> items = Catalog.pick(api, 2, Catalog.scannableEach());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<List<Long>> seller = () -> {
                List<Long> numbers = new ArrayList<>();
                for (int n = 0; n < SALES_PER_THREAD; n++) {
                    Map<String, Object> body = Orders.cashSale(UUID.randomUUID(), items.subList(0, 1 + (n + thread) % 2),
                            Orders.GENEROUS_CASH);
                    JsonHttp.Response r = api.post("/api/orders", body);
                    assertThat(r.status()).as("%s", r).isEqualTo(201);
                    numbers.add(r.json().path("receiptNo").asLong());
                    if (n % 3 == 0) {
                        // A retry of the same sale takes no new number.
                        JsonHttp.Response again = api.post("/api/orders", body);
                        assertThat(again.status()).as("%s", again).isEqualTo(200);
                        assertThat(again.json().path("receiptNo").asLong()).isEqualTo(numbers.get(numbers.size() - 1));
                    }
                    if (n % 4 == 1) {
                        // A refused sale (not enough money) takes no number either.
                        JsonHttp.Response refused = api.post("/api/orders",
                                Orders.cashSale(UUID.randomUUID(), items.subList(0, 1), 1));
                        assertThat(refused.status()).as("%s", refused).isBetween(400, 499);
                        assertThat(refused.json().path("code").asText()).as("%s", refused).isEqualTo("payment_insufficient");
                    }
                }
                return numbers;
            };
            results.add(pool.submit(seller));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();

        int n = THREADS * SALES_PER_THREAD;
        assertThat(all).hasSize(n).doesNotHaveDuplicates();
        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());

        // The order list agrees: N orders, each receipt number once, newest first.
        JsonHttp.Response list = api.get("/api/orders?limit=" + n + "&offset=0");
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        assertThat(list.json().path("total").asInt()).as("%s", list).isEqualTo(n);
        List<Long> listed = new ArrayList<>();
        List<String> created = new ArrayList<>();
        list.json().path("orders").forEach(o -> {
            listed.add(o.path("receiptNo").asLong());
            created.add(o.path("createdAt").asText());
        });
        assertThat(listed).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        assertThat(created.stream().map(java.time.Instant::parse).toList()).as("createdAt, newest first")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
