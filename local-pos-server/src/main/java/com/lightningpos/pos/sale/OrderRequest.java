package com.lightningpos.pos.sale;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /api/orders}. The client makes the id (a UUID) so that a retried request is
 * recognised as the same sale.
 */
public record OrderRequest(String id, List<Line> lines, Long discountCents, List<Payment> payments, String cashier,
        String managerPin) {

    /**
     * One line: an item by id, or a scanned barcode (which may carry a price or weight). A weight
     * label's weight is the line's quantity; {@code unitPriceCents} is a price override.
     */
    public record Line(String itemId, String barcode, BigDecimal quantity, Long discountCents, Long unitPriceCents) {
    }

    /** Money handed over: {@code amountCents} is what the customer gave with this method. */
    public record Payment(String method, Long amountCents) {
    }
}
