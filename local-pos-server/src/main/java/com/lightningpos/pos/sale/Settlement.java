package com.lightningpos.pos.sale;

import java.util.List;

/**
 * How an order is paid: its final total (after cash rounding), what was handed over and the change.
 * {@code paidCents - totalCents == changeCents}.
 */
record Settlement(long totalCents, long roundingCents, long paidCents, long changeCents, List<Tendered> payments) {

    /** One payment row: {@code amountCents} settled, {@code tenderedCents} handed over, the rest is change. */
    record Tendered(String method, long amountCents, long tenderedCents, long changeCents) {
    }
}
