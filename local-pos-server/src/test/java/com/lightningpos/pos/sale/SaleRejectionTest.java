package com.lightningpos.pos.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.pos.PosServerTest;
import com.lightningpos.pos.catalog.Item;
import com.lightningpos.pos.catalog.ItemRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Every refused sale answers a problem document with a code and writes nothing anywhere. */
class SaleRejectionTest extends PosServerTest {

    private Item bread;

    @BeforeEach
    void catalog() {
        bread = item("Bread", 250, taxRate(550, false)); // 250 + 14 tax = 264
    }

    @Test
    void payments_that_do_not_cover_the_total_are_refused_with_payment_insufficient() throws Exception {
        refusedAndNothingWritten(order(newId(), List.of(line(bread, 1)), List.of(pay("card", 200))),
                422, "payment_insufficient");
        refusedAndNothingWritten(order(newId(), List.of(line(bread, 1)), List.of(pay("card", 100), pay("cash", 100))),
                422, "payment_insufficient");
        refusedAndNothingWritten(order(newId(), List.of(line(bread, 1)), List.of()), 422, "payment_insufficient");
    }

    @Test
    void a_card_payment_above_the_total_is_refused_because_cards_give_no_change() throws Exception {
        refusedAndNothingWritten(order(newId(), List.of(line(bread, 1)), List.of(pay("card", 500))),
                422, "overpayment_not_allowed");
    }

    @Test
    void an_unknown_item_id_is_refused_with_unknown_item() throws Exception {
        Map<String, Object> line = Map.of("itemId", newId(), "quantity", 1);
        refusedAndNothingWritten(order(newId(), List.of(line), List.of(pay("cash", 1000))), 422, "unknown_item");
    }

    @Test
    void an_unknown_barcode_is_refused_with_unknown_item() throws Exception {
        Map<String, Object> line = Map.of("barcode", "0000000000017", "quantity", 1);
        refusedAndNothingWritten(order(newId(), List.of(line), List.of(pay("cash", 1000))), 422, "unknown_item");
    }

    @Test
    void a_zero_or_negative_quantity_is_refused_with_invalid_quantity() throws Exception {
        refusedAndNothingWritten(order(newId(), List.of(line(bread, 0)), List.of(pay("cash", 1000))),
                400, "invalid_quantity");
        refusedAndNothingWritten(order(newId(), List.of(line(bread, -1)), List.of(pay("cash", 1000))),
                400, "invalid_quantity");
        refusedAndNothingWritten(order(newId(), List.of(line(bread, 0.0001)), List.of(pay("cash", 1000))),
                400, "invalid_quantity");
    }

    @Test
    void a_price_override_without_a_valid_manager_pin_is_refused() throws Exception {
        Map<String, Object> line = line(bread, 1);
        line.put("unitPriceCents", 100L);
        Map<String, Object> body = order(newId(), List.of(line), List.of(pay("cash", 1000)));
        refusedAndNothingWritten(body, 403, "price_override_not_allowed");
        refusedAndNothingWritten(with(body, "managerPin", "0000"), 403, "price_override_not_allowed");
    }

    @Test
    void an_order_without_lines_is_refused() throws Exception {
        refusedAndNothingWritten(order(newId(), List.of(), List.of(pay("cash", 100))), 400, "empty_order");
    }

    @Test
    void an_unknown_payment_method_is_refused() throws Exception {
        refusedAndNothingWritten(order(newId(), List.of(line(bread, 1)), List.of(pay("bitcoin", 264))),
                422, "unknown_payment_method");
    }

    @Test
    void an_item_that_is_switched_off_cannot_be_sold() throws Exception {
        Item old = item("Old stock", 100, null);
        items.update(old.id(), new ItemRequest(null, null, null, null, null, null, null, false));
        refusedAndNothingWritten(order(newId(), List.of(line(old, 1)), List.of(pay("cash", 100))), 422, "item_inactive");
    }

    @Test
    void a_discount_larger_than_the_line_is_refused() throws Exception {
        refusedAndNothingWritten(order(newId(), List.of(line(bread, 1, 300)), List.of(pay("cash", 1000))),
                400, "invalid_discount");
    }

    @Test
    void an_order_without_an_id_or_with_a_malformed_id_is_refused() throws Exception {
        refusedAndNothingWritten(order(null, List.of(line(bread, 1)), List.of(pay("cash", 1000))), 400, "validation_failed");
        refusedAndNothingWritten(order("not-a-uuid", List.of(line(bread, 1)), List.of(pay("cash", 1000))),
                400, "validation_failed");
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_malformed_json() throws Exception {
        Footprint before = footprint();
        MvcResult result = mvc.perform(post("/api/orders").contentType("application/json").content("{\"id\": ")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result).get("code").asText()).isEqualTo("malformed_json");
        assertThat(footprint()).isEqualTo(before);
    }

    private void refusedAndNothingWritten(Map<String, Object> order, int status, String code) throws Exception {
        Footprint before = footprint();

        MvcResult result = postJson("/api/orders", order);

        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = body(result);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(footprint()).isEqualTo(before);
    }
}
