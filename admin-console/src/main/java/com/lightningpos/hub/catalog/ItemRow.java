package com.lightningpos.hub.catalog;

import java.util.UUID;

/**
 * An item as the console and the admin API show it, with the names of its category, tax rate and
 * of the shop that changed it last (null: head office).
 */
public record ItemRow(
        UUID id,
        String sku,
        String barcode,
        String name,
        long priceCents,
        UUID categoryId,
        String categoryName,
        UUID taxRateId,
        String taxRateName,
        String unit,
        boolean active,
        boolean deleted,
        int version,
        String lastModifiedAt,
        UUID lastModifiedShopId,
        String lastModifiedShopName) {
}
