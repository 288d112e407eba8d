package com.lightningpos.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a till's catalog through {@code GET /api/items}. */
public final class Catalog {

    private Catalog() {
    }

    public static List<JsonNode> items(JsonHttp pos) {
        JsonHttp.Response r = pos.get("/api/items?limit=200&offset=0");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        assertThat(items).as("demo catalog items in %s", r).isNotEmpty();
        return items;
    }

    /** Items sold by the piece with a plain barcode and a price: what a scanner test can scan. */
    public static Predicate<JsonNode> scannableEach() {
        return i -> "each".equals(i.path("unit").asText("each"))
                && i.path("barcode").asText("").matches("\\d{8,14}")
                && i.path("priceCents").asLong(0) > 0
                && i.path("active").asBoolean(true);
    }

    public static List<JsonNode> pick(JsonHttp pos, int count, Predicate<JsonNode> filter) {
        List<JsonNode> chosen = items(pos).stream().filter(filter).limit(count).toList();
        assertThat(chosen).as("%d catalog items matching the filter", count).hasSize(count);
        return chosen;
    }
}
