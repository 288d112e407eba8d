package com.lightningpos.pos.sale;

/** An order and whether this request created it (201) or found it already there (200, a retry). */
public record SaleResult(Order order, boolean created) {
}
