package com.lightningpos.pos.catalog;

import java.math.BigDecimal;

/**
 * What a scanned code means: the item, and for an in-store EAN-13 label the price or weight it
 * carries. {@code embedded} is none, price or weight.
 */
public record ScanResult(Item item, BigDecimal quantity, Long unitPriceCents, String embedded) {

    public static final String NONE = "none";
    public static final String PRICE = "price";
    public static final String WEIGHT = "weight";

    /** The quantity in thousandths (grams for weighed goods). */
    public long quantityMilli() {
        return quantity.movePointRight(3).longValueExact();
    }
}
