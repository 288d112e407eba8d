package com.lightningpos.pos.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
    void the_answer_to_a_new_sale_is_exactly_what_reading_the_order_back_gives() throws Exception {
        Item bread = item("Rye loaf", 420, taxRate(550, false));
        Item cheese = item("Comté 200 g", 689, taxRate(2000, true));
        Map<String, Object> order = with(order(newId(), List.of(line(bread, "1.5"), line(cheese, 2, 100)),
                List.of(pay("card", 1000), pay("cash", 2000))), "discountCents", 37);

        JsonNode answered = sell(order);
        JsonNode readBack = body(mvc.perform(get("/api/orders/" + answered.get("id").asText())).andReturn());

        assertThat(answered.get("lines")).hasSize(2);
        assertThat(answered.get("payments")).hasSize(2);
        assertThat(answered).isEqualTo(readBack);
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
