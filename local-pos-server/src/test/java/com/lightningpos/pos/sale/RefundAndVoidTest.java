package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.STOCK_LEVELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.pos.PosServerTest;
import com.lightningpos.pos.catalog.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

class RefundAndVoidTest extends PosServerTest {

    @Test
    void a_partial_refund_is_a_new_order_with_negative_amounts_and_puts_the_goods_back() throws Exception {
        Item mug = item("Mug", 799, taxRate(2000, true));
        JsonNode sale = sell(order(newId(), List.of(line(mug, 3)), List.of(pay("card", 2397))));
        String lineId = sale.get("lines").get(0).get("id").asText();

        MvcResult result = postJson("/api/orders/" + sale.get("id").asText() + "/refunds",
                refund(newId(), lineId, 1, "card"));

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode refund = body(result);
        assertThat(refund.get("kind").asText()).isEqualTo("refund");
        assertThat(refund.get("refundOf").asText()).isEqualTo(sale.get("id").asText());
        assertThat(refund.get("receiptNo").asLong()).isGreaterThan(sale.get("receiptNo").asLong());
        assertThat(refund.get("totalCents").asLong()).isEqualTo(-799);
        assertThat(refund.get("payments").get(0).get("amountCents").asLong()).isEqualTo(-799);
        assertThat(refund.get("lines").get(0).get("refundedLineId").asText()).isEqualTo(lineId);
        assertThat(refund.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("-1");
        assertThat(stock(mug)).isEqualTo(-2000);
        JsonNode original = body(mvc.perform(get("/api/orders/" + sale.get("id").asText())).andReturn());
        assertThat(original.get("lines").get(0).get("refundedQuantity").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void refunds_are_capped_at_what_was_sold_minus_what_was_already_refunded() throws Exception {
        Item mug = item("Mug", 500, null);
        JsonNode sale = sell(order(newId(), List.of(line(mug, 2)), List.of(pay("card", 1000))));
        String saleId = sale.get("id").asText();
        String lineId = sale.get("lines").get(0).get("id").asText();
        assertThat(postJson("/api/orders/" + saleId + "/refunds", refund(newId(), lineId, 1, "card"))
                .getResponse().getStatus()).isEqualTo(201);
        Footprint before = footprint();

        MvcResult tooMuch = postJson("/api/orders/" + saleId + "/refunds", refund(newId(), lineId, 2, "card"));

        assertThat(tooMuch.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(tooMuch).get("code").asText()).isEqualTo("refund_exceeds_sold");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void refunding_a_line_in_parts_gives_back_exactly_what_was_paid_for_it() throws Exception {
        Item candy = item("Candy", 100, taxRate(550, false));
        // 3 × 1.00 − 0.10 discount = 2.90 net, 5.5 % tax = 0.16, total 3.06: not divisible by 3.
        JsonNode sale = sell(order(newId(), List.of(line(candy, 3, 10)), List.of(pay("card", 306))));
        String saleId = sale.get("id").asText();
        String lineId = sale.get("lines").get(0).get("id").asText();

        long refunded = 0;
        for (int i = 0; i < 3; i++) {
            refunded += body(postJson("/api/orders/" + saleId + "/refunds", refund(newId(), lineId, 1, "card")))
                    .get("totalCents").asLong();
        }

        assertThat(refunded).isEqualTo(-306);
    }

    @Test
    void the_same_refund_id_again_answers_200_and_refunds_nothing_more() throws Exception {
        Item mug = item("Mug", 500, null);
        JsonNode sale = sell(order(newId(), List.of(line(mug, 2)), List.of(pay("card", 1000))));
        Map<String, Object> refund = refund(newId(), sale.get("lines").get(0).get("id").asText(), 1, "card");
        postJson("/api/orders/" + sale.get("id").asText() + "/refunds", refund);
        Footprint before = footprint();

        MvcResult again = postJson("/api/orders/" + sale.get("id").asText() + "/refunds", refund);

        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void a_cash_refund_is_rounded_like_cash_sales() throws Exception {
        Item pen = item("Pen", 102, null);
        JsonNode sale = sell(order(newId(), List.of(line(pen, 1)), List.of(pay("card", 102))));

        JsonNode refund = body(postJson("/api/orders/" + sale.get("id").asText() + "/refunds",
                refund(newId(), sale.get("lines").get(0).get("id").asText(), 1, "cash")));

        assertThat(refund.get("totalCents").asLong()).isEqualTo(-100);
        assertThat(refund.get("roundingCents").asLong()).isEqualTo(2);
    }

    @Test
    void a_void_marks_the_sale_voided_and_returns_its_stock() throws Exception {
        Item vase = item("Vase", 1500, null);
        JsonNode sale = sell(order(newId(), List.of(line(vase, 2)), List.of(pay("cash", 1500), pay("card", 1500))));
        assertThat(stock(vase)).isEqualTo(-2000);

        MvcResult result = postJson("/api/orders/" + sale.get("id").asText() + "/void", Map.of("reason", "wrong item"));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(result).get("status").asText()).isEqualTo("voided");
        assertThat(body(result).get("voidReason").asText()).isEqualTo("wrong item");
        assertThat(stock(vase)).isZero();
        MvcResult again = postJson("/api/orders/" + sale.get("id").asText() + "/void", Map.of("reason", "retry"));
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(stock(vase)).isZero();
    }

    @Test
    void a_sale_with_refunds_and_a_refund_itself_cannot_be_voided() throws Exception {
        Item vase = item("Vase", 1500, null);
        JsonNode sale = sell(order(newId(), List.of(line(vase, 2)), List.of(pay("card", 3000))));
        JsonNode refund = body(postJson("/api/orders/" + sale.get("id").asText() + "/refunds",
                refund(newId(), sale.get("lines").get(0).get("id").asText(), 1, "card")));
        Footprint before = footprint();

        MvcResult voidSale = postJson("/api/orders/" + sale.get("id").asText() + "/void", Map.of("reason", "x"));
        MvcResult voidRefund = postJson("/api/orders/" + refund.get("id").asText() + "/void", Map.of("reason", "x"));

        assertThat(voidSale.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(voidSale).get("code").asText()).isEqualTo("order_has_refunds");
        assertThat(voidRefund.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(voidRefund).get("code").asText()).isEqualTo("cannot_void_refund");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void a_voided_sale_cannot_be_refunded() throws Exception {
        Item vase = item("Vase", 1500, null);
        JsonNode sale = sell(order(newId(), List.of(line(vase, 1)), List.of(pay("card", 1500))));
        postJson("/api/orders/" + sale.get("id").asText() + "/void", Map.of("reason", "x"));

        MvcResult refund = postJson("/api/orders/" + sale.get("id").asText() + "/refunds",
                refund(newId(), sale.get("lines").get(0).get("id").asText(), 1, "card"));

        assertThat(refund.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(refund).get("code").asText()).isEqualTo("order_voided");
    }

    private static Map<String, Object> refund(String id, String lineId, Object quantity, String method) {
        return Map.of("id", id, "lines", List.of(Map.of("lineId", lineId, "quantity", quantity)), "method", method,
                "reason", "customer changed mind");
    }

    private long stock(Item item) {
        Long milli = dsl.select(STOCK_LEVELS.QUANTITY_MILLI).from(STOCK_LEVELS)
                .where(STOCK_LEVELS.ITEM_ID.eq(item.id()).and(STOCK_LEVELS.SHOP_ID.eq(shopId())))
                .fetchOne(STOCK_LEVELS.QUANTITY_MILLI);
        return milli == null ? 0 : milli;
    }
}
