package com.lightningpos.hub.catalog;

import java.util.UUID;

/** A tax rate as the console shows it; {@code rateBp} in basis points (2000 = 20 %). */
public record TaxRateRow(UUID id, String name, int rateBp, boolean inclusive, boolean deleted, int version,
                         String lastModifiedAt, String lastModifiedShopName) {
}
