package com.lightningpos.pos.sale;

/** A priced order line about to be written; a refund line has negative quantity and amounts. */
record NewLine(String itemId, String sku, String barcode, String name, long unitPriceCents, long quantityMilli,
        String taxRateId, int taxRateBp, boolean taxInclusive, boolean priceOverridden, long subtotalCents,
        long discountCents, long taxCents, long totalCents, String refundedLineId) {
}
