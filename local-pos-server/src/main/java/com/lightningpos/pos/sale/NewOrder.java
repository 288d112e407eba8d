package com.lightningpos.pos.sale;

import java.util.List;

/** A priced and settled sale or refund, ready for {@link OrderWriter}. */
record NewOrder(String id, String kind, String refundOf, String cashier, String note, List<NewLine> lines,
        Settlement settlement) {

    long subtotalCents() {
        return lines.stream().mapToLong(NewLine::subtotalCents).sum();
    }

    long discountCents() {
        return lines.stream().mapToLong(NewLine::discountCents).sum();
    }

    long taxCents() {
        return lines.stream().mapToLong(NewLine::taxCents).sum();
    }
}
