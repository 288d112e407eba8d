package com.lightningpos.hub.catalog;

import java.util.EnumMap;
import java.util.UUID;

/**
 * A whole item as a form or a create request gives it. Only {@code sku}, {@code name} and
 * {@code priceCents} are required; an item without a category or tax rate has none.
 */
public record ItemDraft(String sku, String barcode, String name, Long priceCents, UUID categoryId, UUID taxRateId,
                        String unit, Boolean active) {

    public static ItemDraft of(String sku, String name, long priceCents) {
        return new ItemDraft(sku, null, name, priceCents, null, null, null, null);
    }

    /** Every field, with the defaults of a new item where this draft leaves one out. */
    public ItemChanges toChanges() {
        EnumMap<ItemField, Object> values = new EnumMap<>(ItemField.class);
        values.put(ItemField.SKU, sku);
        values.put(ItemField.BARCODE, barcode);
        values.put(ItemField.NAME, name);
        values.put(ItemField.PRICE_CENTS, priceCents);
        values.put(ItemField.CATEGORY_ID, categoryId);
        values.put(ItemField.TAX_RATE_ID, taxRateId);
        values.put(ItemField.UNIT, unit == null || unit.isBlank() ? "each" : unit);
        values.put(ItemField.ACTIVE, active == null || active);
        return ItemChanges.of(values);
    }
}
