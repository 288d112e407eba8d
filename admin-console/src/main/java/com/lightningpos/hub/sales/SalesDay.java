package com.lightningpos.hub.sales;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One shop's sales on one day. Voided orders are left out; refunds are counted apart and taken off
 * the net whatever sign the till stored them with.
 */
public record SalesDay(LocalDate day, UUID shopId, String shopName, long orders, long salesCents, long refunds,
                       long refundCents) {

    public long netCents() {
        return salesCents - refundCents;
    }
}
