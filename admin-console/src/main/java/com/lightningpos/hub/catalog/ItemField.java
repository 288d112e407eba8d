package com.lightningpos.hub.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The item fields head office may set, with their JSON (admin API) and wire (column) names. */
public enum ItemField {
    SKU("sku", "sku"),
    BARCODE("barcode", "barcode"),
    NAME("name", "name"),
    PRICE_CENTS("priceCents", "price_cents"),
    CATEGORY_ID("categoryId", "category_id"),
    TAX_RATE_ID("taxRateId", "tax_rate_id"),
    UNIT("unit", "unit"),
    ACTIVE("active", "active");

    private final String json;
    private final String column;

    ItemField(String json, String column) {
        this.json = json;
        this.column = column;
    }

    public String json() {
        return json;
    }

    public String column() {
        return column;
    }

    public static Optional<ItemField> byJson(String name) {
        return Arrays.stream(values()).filter(f -> f.json.equals(name)).findFirst();
    }
}
