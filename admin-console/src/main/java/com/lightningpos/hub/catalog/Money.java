package com.lightningpos.hub.catalog;

import com.lightningpos.hub.api.ProblemException;
import java.math.BigDecimal;

/** Amounts as people type them (2.50) and as the hub stores them (250 cents). */
public final class Money {

    private Money() {
    }

    public static long toCents(BigDecimal amount) {
        if (amount == null) {
            throw ProblemException.validation("An amount is required");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw ProblemException.validation("An amount has at most two decimals");
        }
        return amount.movePointRight(2).longValueExact();
    }

    public static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
