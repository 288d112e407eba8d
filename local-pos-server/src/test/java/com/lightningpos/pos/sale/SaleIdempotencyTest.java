package com.lightningpos.pos.sale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.pos.PosServerTest;
import com.lightningpos.pos.catalog.Item;
import com.lightningpos.pos.catalog.ItemRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The client makes the order id, so a retried request (lost answer, double click) is the same sale. */
class SaleIdempotencyTest extends PosServerTest {

    @Test
    void the_same_order_id_again_answers_200_with_the_same_receipt_and_writes_nothing() throws Exception {
        Item tea = item("Green tea", 350, taxRate(2000, true));
        Map<String, Object> order = order(newId(), List.of(line(tea, 2)), List.of(pay("cash", 1000)));

        MvcResult first = postJson("/api/orders", order);
        Footprint afterFirst = footprint();
        MvcResult retry = postJson("/api/orders", order);

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getStatus()).isEqualTo(200);
        JsonNode a = body(first);
        JsonNode b = body(retry);
        assertThat(b.get("receiptNo")).isEqualTo(a.get("receiptNo"));
        assertThat(b).isEqualTo(a);
        assertThat(footprint()).isEqualTo(afterFirst);
    }

    @Test
    void a_retry_is_recognised_even_when_the_catalog_changed_in_between() throws Exception {
        Item tea = item("Black tea", 300, null);
        Map<String, Object> order = order(newId(), List.of(line(tea, 1)), List.of(pay("card", 300)));
        JsonNode first = body(postJson("/api/orders", order));

        items.update(tea.id(), new ItemRequest(null, null, null, 999L, null, null, null, null));
        MvcResult retry = postJson("/api/orders", order);

        assertThat(retry.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(retry).get("totalCents").asLong()).isEqualTo(300);
        assertThat(body(retry).get("id")).isEqualTo(first.get("id"));
    }

    @Test
    void the_same_id_in_capitals_is_the_same_order() throws Exception {
        Item tea = item("White tea", 500, null);
        String id = newId();
        postJson("/api/orders", order(id, List.of(line(tea, 1)), List.of(pay("card", 500))));
        Footprint before = footprint();

        MvcResult retry = postJson("/api/orders", order(id.toUpperCase(), List.of(line(tea, 1)), List.of(pay("card", 500))));

        assertThat(retry.getResponse().getStatus()).isEqualTo(200);
        assertThat(footprint()).isEqualTo(before);
    }
}
