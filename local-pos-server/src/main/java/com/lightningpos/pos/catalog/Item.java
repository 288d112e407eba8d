package com.lightningpos.pos.catalog;

/**
 * An item as the till shows and sells it, with its tax rate resolved. {@code active} is false for an
 * item that is switched off or deleted: it cannot be sold.
 */
public record Item(String id, String sku, String barcode, String name, long priceCents, String unit,
        String categoryId, String taxRateId, int taxRateBp, boolean taxInclusive, boolean active,
        String lastModifiedShopId, String lastModifiedAt, int version) {

    public boolean soldByWeight() {
        return "kg".equals(unit);
    }
}
