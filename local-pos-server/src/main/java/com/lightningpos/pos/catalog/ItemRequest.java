package com.lightningpos.pos.catalog;

/**
 * Body of {@code POST /api/items} and {@code PUT /api/items/{id}}. On create only sku, name and
 * priceCents are required. On edit a missing (null) field stays as it is, and an empty string
 * clears barcode, categoryId or taxRateId.
 */
public record ItemRequest(String sku, String barcode, String name, Long priceCents, String categoryId,
        String taxRateId, String unit, Boolean active) {
}
