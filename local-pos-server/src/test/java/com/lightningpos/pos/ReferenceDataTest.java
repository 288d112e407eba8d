package com.lightningpos.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The small read endpoints the cashier UI loads at start, and the OpenAPI document. */
class ReferenceDataTest extends PosServerTest {

    @Test
    void the_shop_endpoint_says_who_the_till_is_and_how_cash_is_rounded() throws Exception {
        JsonNode shop = getJson("/api/shop");

        assertThat(shop.get("shopId").asText()).isEqualTo(shopId());
        assertThat(shop.get("standalone").asBoolean()).isTrue();
        assertThat(shop.get("hubUrl").isNull()).isTrue();
        assertThat(shop.get("schemaVersion").asInt()).isPositive();
        assertThat(shop.get("currency").asText()).isEqualTo("EUR");
        assertThat(shop.get("cashRoundingCents").asInt()).isEqualTo(5);
    }

    @Test
    void categories_tax_rates_and_payment_methods_are_listed() throws Exception {
        assertThat(getJson("/api/categories")).isNotEmpty();
        assertThat(getJson("/api/tax-rates")).anySatisfy(t -> assertThat(t.get("rateBp").asInt()).isEqualTo(2000));
        assertThat(getJson("/api/payment-methods")).extracting(m -> m.get("code").asText())
                .contains("cash", "card", "other");
    }

    @Test
    void an_expense_is_listed_newest_first() throws Exception {
        postJson("/api/expenses", Map.of("category", "supplies", "amountCents", 120, "description", "first"));
        MvcResult created = postJson("/api/expenses", Map.of("category", "supplies", "amountCents", 340,
                "description", "second", "paidFromTill", false));

        JsonNode page = getJson("/api/expenses?limit=1");

        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("expenses").get(0).get("description").asText()).isEqualTo("second");
        assertThat(page.get("expenses").get(0).get("paidFromTill").asBoolean()).isFalse();
    }

    @Test
    void an_unknown_order_is_not_found_with_a_code() throws Exception {
        MvcResult result = mvc.perform(get("/api/orders/" + newId())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(result).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void the_openapi_document_describes_the_till_api() throws Exception {
        JsonNode docs = getJson("/api/docs");

        assertThat(docs.get("paths").has("/api/orders")).isTrue();
        assertThat(docs.get("paths").has("/api/scan/{code}")).isTrue();
        assertThat(docs.get("paths").get("/api/orders").get("post").get("summary").asText()).isNotBlank();
    }

    private JsonNode getJson(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + " " + result.getResponse().getContentAsString())
                .isEqualTo(200);
        return body(result);
    }
}
