package com.lightningpos.pos.catalog;

/** A tender type; {@code kind} (cash, card, other) decides whether change and cash rounding apply. */
public record PaymentMethod(String id, String code, String name, String kind) {

    public boolean isCash() {
        return "cash".equals(kind);
    }
}
