package com.lightningpos.pos.cashsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.pos.PosServerTest;
import com.lightningpos.pos.catalog.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

class CashSessionTest extends PosServerTest {

    @Autowired
    private CashSessionService sessions;

    @AfterEach
    void closeWhatIsOpen() {
        // The database is shared with other test classes: never leave a register open.
        sessions.current().ifPresent(s -> sessions.close(s.id(), new SessionRequests.Close(0L, "test", null)));
    }

    @Test
    void closing_the_register_reports_expected_counted_and_difference() throws Exception {
        Item wine = item("Wine", 1290, null);
        JsonNode session = body(postJson("/api/cash-sessions", Map.of("openingFloatCents", 10000, "openedBy", "anna")));
        String id = session.get("id").asText();

        // Cash sale of 12.90 paid with 20.00: 12.90 stays in the till, 7.10 goes back as change.
        JsonNode cashSale = sell(order(newId(), List.of(line(wine, 1)), List.of(pay("cash", 2000))));
        // Card sale: no cash.
        sell(order(newId(), List.of(line(wine, 1)), List.of(pay("card", 1290))));
        // Split: 10.00 card, the rest (2.90) in cash.
        sell(order(newId(), List.of(line(wine, 1)), List.of(pay("card", 1000), pay("cash", 500))));
        // Cash refund of one wine from the first sale: 12.90 leaves the till.
        postJson("/api/orders/" + cashSale.get("id").asText() + "/refunds", Map.of("id", newId(), "lines",
                List.of(Map.of("lineId", cashSale.get("lines").get(0).get("id").asText(), "quantity", 1)), "method", "cash"));
        assertThat(postJson("/api/cash-sessions/" + id + "/movements",
                Map.of("kind", "in", "amountCents", 5000, "reason", "change from the bank")).getResponse().getStatus())
                .isEqualTo(201);
        postJson("/api/cash-sessions/" + id + "/movements", Map.of("kind", "out", "amountCents", 2000, "reason", "to the safe"));
        assertThat(postJson("/api/expenses", Map.of("category", "cleaning", "amountCents", 850, "paidFromTill", true))
                .getResponse().getStatus()).isEqualTo(201);
        postJson("/api/expenses", Map.of("category", "rent", "amountCents", 90000, "paidFromTill", false));

        JsonNode x = body(mvc.perform(get("/api/cash-sessions/" + id + "/summary")).andReturn());
        long expected = 10000 + 1290 + 290 - 1290 + 5000 - 2000 - 850;
        assertThat(x.get("expectedCashCents").asLong()).isEqualTo(expected);
        assertThat(x.get("salesCount").asInt()).isEqualTo(3);
        assertThat(x.get("salesTotalCents").asLong()).isEqualTo(3 * 1290);
        assertThat(x.get("refundsTotalCents").asLong()).isEqualTo(-1290);
        assertThat(x.get("byMethod").get("card").asLong()).isEqualTo(1290 + 1000);
        assertThat(x.get("byMethod").get("cash").asLong()).isEqualTo(1290 + 290 - 1290);
        assertThat(x.get("cashInCents").asLong()).isEqualTo(5000);
        assertThat(x.get("cashOutCents").asLong()).isEqualTo(2000);
        assertThat(x.get("expensesCents").asLong()).isEqualTo(850);

        MvcResult close = postJson("/api/cash-sessions/" + id + "/close", Map.of("countedCashCents", expected - 30, "closedBy", "anna"));

        assertThat(close.getResponse().getStatus()).isEqualTo(200);
        JsonNode z = body(close);
        assertThat(z.get("session").get("status").asText()).isEqualTo("closed");
        assertThat(z.get("expectedCashCents").asLong()).isEqualTo(expected);
        assertThat(z.get("countedCashCents").asLong()).isEqualTo(expected - 30);
        assertThat(z.get("differenceCents").asLong()).isEqualTo(-30);
        assertThat(mvc.perform(get("/api/cash-sessions/current")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void only_one_register_session_can_be_open_at_a_time() throws Exception {
        assertThat(postJson("/api/cash-sessions", Map.of("openingFloatCents", 5000)).getResponse().getStatus()).isEqualTo(201);

        MvcResult second = postJson("/api/cash-sessions", Map.of("openingFloatCents", 5000));

        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(second).get("code").asText()).isEqualTo("session_already_open");
    }

    @Test
    void without_an_open_session_current_answers_no_open_session_and_sales_still_work() throws Exception {
        MvcResult current = mvc.perform(get("/api/cash-sessions/current")).andReturn();
        assertThat(current.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(current).get("code").asText()).isEqualTo("no_open_session");

        JsonNode sale = sell(order(newId(), List.of(line(item("Gum", 100, null), 1)), List.of(pay("cash", 100))));

        assertThat(sale.get("cashSessionId").isNull()).isTrue();
    }

    @Test
    void a_closed_session_takes_no_more_cash_movements() throws Exception {
        String id = body(postJson("/api/cash-sessions", Map.of("openingFloatCents", 0))).get("id").asText();
        postJson("/api/cash-sessions/" + id + "/close", Map.of("countedCashCents", 0));

        MvcResult movement = postJson("/api/cash-sessions/" + id + "/movements",
                Map.of("kind", "in", "amountCents", 100, "reason", "late"));

        assertThat(movement.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(movement).get("code").asText()).isEqualTo("session_closed");
    }
}
