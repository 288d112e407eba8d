package com.lightningpos.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bodies for {@code POST /api/orders}, as docs/pos-api.md describes them. */
final class Orders {

    private Orders() {
    }

    /** One piece of each item, paid in cash with {@code cashCents}. */
    static Map<String, Object> cashSale(UUID id, List<JsonNode> items, long cashCents) {
        return Map.of(
                "id", id.toString(),
                "lines", items.stream().map(i -> Map.of("itemId", i.path("id").asText(), "quantity", 1)).toList(),
                "payments", List.of(Map.of("method", "cash", "amountCents", cashCents)),
                "cashier", "e2e");
    }

    /** Enough cash for any of the demo baskets used here (change is given back). */
    static final long GENEROUS_CASH = 100_00;
}
