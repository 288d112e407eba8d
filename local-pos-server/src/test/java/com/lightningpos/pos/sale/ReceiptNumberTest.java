package com.lightningpos.pos.sale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.pos.PosServerTest;
import com.lightningpos.pos.catalog.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Receipt numbers are taken inside the sale transaction: unique and without gaps, even under load. */
class ReceiptNumberTest extends PosServerTest {

    @Autowired
    private TestRestTemplate http;

    @Test
    void fifty_sales_from_eight_threads_get_fifty_consecutive_receipt_numbers() throws Exception {
        Item gum = item("Chewing gum", 120, null);
        long before = footprint().receiptCounter();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                var body = order(newId(), List.of(line(gum, 1)), List.of(pay("card", 120)));
                answers.add(pool.submit(() -> http.postForEntity("/api/orders", body, JsonNode.class)));
            }
            List<Long> receipts = new ArrayList<>();
            for (var answer : answers) {
                ResponseEntity<JsonNode> response = answer.get();
                assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
                receipts.add(response.getBody().get("receiptNo").asLong());
            }
            assertThat(receipts).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(before + 1, before + 50).boxed().toList());
            assertThat(footprint().receiptCounter()).isEqualTo(before + 50);
        } finally {
            pool.shutdownNow();
        }
    }
}
