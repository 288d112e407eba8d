package com.lightningpos.pos.sale;

import static com.lightningpos.db.shop.Tables.SALES_ORDER_ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.pos.PosServerTest;
import com.lightningpos.pos.catalog.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Totals are computed by the server from the catalog, in integer cents. Cash rounds to 5 cents here. */
class SaleTotalsTest extends PosServerTest {

    @Test
    void inclusive_tax_is_contained_in_the_price_and_not_added() throws Exception {
        Item cola = item("Cola 33 cl", 199, taxRate(2000, true));

        JsonNode order = sell(order(newId(), List.of(line(cola, 2)), List.of(pay("card", 398))));

        assertThat(order.get("subtotalCents").asLong()).isEqualTo(398);
        assertThat(order.get("taxCents").asLong()).isEqualTo(66); // 398 × 20/120 = 66.33
        assertThat(order.get("totalCents").asLong()).isEqualTo(398);
        assertThat(order.get("changeCents").asLong()).isZero();
        assertThat(order.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void exclusive_tax_is_added_to_the_price() throws Exception {
        Item rice = item("Rice 1 kg", 249, taxRate(550, false));

        JsonNode order = sell(order(newId(), List.of(line(rice, 3)), List.of(pay("card", 788))));

        assertThat(order.get("subtotalCents").asLong()).isEqualTo(747);
        assertThat(order.get("taxCents").asLong()).isEqualTo(41); // 747 × 5.5 % = 41.085
        assertThat(order.get("totalCents").asLong()).isEqualTo(788);
    }

    @Test
    void an_order_discount_is_spread_over_the_lines_so_that_no_cent_is_lost() throws Exception {
        Item a = item("Wine", 1000, taxRate(2000, true));
        Item b = item("Bread", 333, taxRate(550, false));
        Item c = item("Soap", 333, taxRate(2000, true));
        Map<String, Object> body = with(order(newId(), List.of(line(a, 1, 100), line(b, 1), line(c, 1)),
                List.of(pay("card", 1483))), "discountCents", 100);

        JsonNode order = sell(body);

        // After line discounts 900/333/333; 100 spread by largest remainder → 58/21/21.
        assertThat(longs(order.get("lines"), "discountCents")).containsExactly(158L, 21L, 21L);
        assertThat(longs(order.get("lines"), "taxCents")).containsExactly(140L, 17L, 52L);
        assertThat(longs(order.get("lines"), "totalCents")).containsExactly(842L, 329L, 312L);
        assertThat(order.get("subtotalCents").asLong()).isEqualTo(1666);
        assertThat(order.get("discountCents").asLong()).isEqualTo(200);
        assertThat(order.get("taxCents").asLong()).isEqualTo(209);
        assertThat(order.get("totalCents").asLong()).isEqualTo(1666 - 200 + 17).isEqualTo(842 + 329 + 312);
    }

    @Test
    void cash_due_is_rounded_to_five_cents_and_the_rounding_is_part_of_the_total() throws Exception {
        Item pen = item("Pen", 102, null);

        JsonNode up = sell(order(newId(), List.of(line(pen, 1), line(pen, 1), line(pen, 1)), List.of(pay("cash", 500))));
        JsonNode down = sell(order(newId(), List.of(line(pen, 1)), List.of(pay("cash", 100))));

        assertThat(up.get("totalCents").asLong()).isEqualTo(305); // 306 → 305
        assertThat(up.get("roundingCents").asLong()).isEqualTo(-1);
        assertThat(up.get("changeCents").asLong()).isEqualTo(195);
        assertThat(down.get("totalCents").asLong()).isEqualTo(100); // 102 → 100
        assertThat(down.get("roundingCents").asLong()).isEqualTo(-2);
        assertThat(down.get("changeCents").asLong()).isZero();
    }

    @Test
    void a_card_payment_is_never_rounded() throws Exception {
        Item pen = item("Pen", 102, null);

        JsonNode order = sell(order(newId(), List.of(line(pen, 1)), List.of(pay("card", 102))));

        assertThat(order.get("totalCents").asLong()).isEqualTo(102);
        assertThat(order.get("roundingCents").asLong()).isZero();
    }

    @Test
    void split_tender_rounds_only_the_cash_part_and_gives_change_from_cash() throws Exception {
        Item a = item("Wine", 1000, taxRate(2000, true));
        Item b = item("Cheese", 483, taxRate(550, true));

        JsonNode order = sell(order(newId(), List.of(line(a, 1), line(b, 1)),
                List.of(pay("card", 1000), pay("cash", 2000))));

        assertThat(order.get("totalCents").asLong()).isEqualTo(1485); // cash part 483 → 485
        assertThat(order.get("roundingCents").asLong()).isEqualTo(2);
        assertThat(order.get("paidCents").asLong()).isEqualTo(3000);
        assertThat(order.get("changeCents").asLong()).isEqualTo(1515);
        JsonNode card = order.get("payments").get(0);
        JsonNode cash = order.get("payments").get(1);
        assertThat(card.get("method").asText()).isEqualTo("card");
        assertThat(card.get("amountCents").asLong()).isEqualTo(1000);
        assertThat(card.get("changeCents").asLong()).isZero();
        assertThat(cash.get("amountCents").asLong()).isEqualTo(485);
        assertThat(cash.get("tenderedCents").asLong()).isEqualTo(2000);
        assertThat(cash.get("changeCents").asLong()).isEqualTo(1515);
    }

    @Test
    void a_decimal_quantity_of_a_weighed_item_is_stored_in_thousandths() throws Exception {
        Item apples = item("Apples", 299, null, "kg", null);

        JsonNode order = sell(order(newId(), List.of(line(apples, 1.255)), List.of(pay("card", 375))));

        assertThat(order.get("subtotalCents").asLong()).isEqualTo(375); // 1.255 × 2.99 = 3.75245
        Long milli = dsl.select(SALES_ORDER_ITEMS.QUANTITY_MILLI).from(SALES_ORDER_ITEMS)
                .where(SALES_ORDER_ITEMS.ORDER_ID.eq(order.get("id").asText())).fetchSingle().value1();
        assertThat(milli).isEqualTo(1255);
    }

    @Test
    void a_price_override_with_the_manager_pin_is_sold_at_the_new_price_and_marked() throws Exception {
        Item scarf = item("Scarf", 2500, null);
        Map<String, Object> line = line(scarf, 1);
        line.put("unitPriceCents", 1500L);

        JsonNode order = sell(with(order(newId(), List.of(line), List.of(pay("card", 1500))), "managerPin", PIN));

        assertThat(order.get("totalCents").asLong()).isEqualTo(1500);
        assertThat(order.get("lines").get(0).get("priceOverridden").asBoolean()).isTrue();
        assertThat(order.get("lines").get(0).get("unitPriceCents").asLong()).isEqualTo(1500);
    }

    @Test
    void a_fully_discounted_order_needs_no_payment() throws Exception {
        Item sample = item("Sample", 150, null);

        JsonNode order = sell(order(newId(), List.of(line(sample, 1, 150)), List.of()));

        assertThat(order.get("totalCents").asLong()).isZero();
        assertThat(order.get("payments")).isEmpty();
    }
}
