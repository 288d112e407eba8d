package com.lightningpos.pos.sale;

import java.math.BigDecimal;
import java.util.List;

/** A sale or refund as the API shows it. Refunds carry negative amounts and quantities. */
public record Order(String id, long receiptNo, String kind, String status, String refundOf, String createdAt,
        String cashier, String cashSessionId, long subtotalCents, long discountCents, long taxCents, long totalCents,
        long roundingCents, long paidCents, long changeCents, String voidedAt, String voidReason, String note, List<Line> lines,
        List<Payment> payments) {

    /** {@code refundedQuantity}: how much of a sale line later refunds gave back (0 on refund lines). */
    public record Line(String id, int lineNo, String itemId, String sku, String barcode, String name,
            BigDecimal quantity, long unitPriceCents, boolean priceOverridden, long subtotalCents, long discountCents,
            int taxRateBp, boolean taxInclusive, long taxCents, long totalCents, String refundedLineId,
            BigDecimal refundedQuantity) {
    }

    /** {@code amountCents} is what the payment settled: tendered minus the change given from it. */
    public record Payment(String id, String method, long amountCents, long tenderedCents, long changeCents) {
    }
}
