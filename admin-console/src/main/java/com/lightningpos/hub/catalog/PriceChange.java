package com.lightningpos.hub.catalog;

import com.lightningpos.hub.api.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A bulk price change: by a percentage ({@code 10} = +10 %, {@code -5.5} = -5.5 %) or by an amount
 * of cents added to every price. Results are rounded half-up to the cent and never go below zero.
 */
public record PriceChange(Kind kind, BigDecimal amount) {

    public enum Kind { PERCENT, ABSOLUTE_CENTS }

    public PriceChange {
        if (kind == null || amount == null) {
            throw ProblemException.validation("A price change needs a kind and an amount");
        }
        if (amount.signum() == 0) {
            throw ProblemException.validation("A price change of zero changes nothing");
        }
        if (kind == Kind.PERCENT && amount.compareTo(BigDecimal.valueOf(-100)) < 0) {
            throw ProblemException.validation("A price cannot fall by more than 100 %");
        }
        if (kind == Kind.ABSOLUTE_CENTS && amount.stripTrailingZeros().scale() > 0) {
            throw ProblemException.validation("An absolute change is a whole number of cents");
        }
    }

    public static PriceChange percent(double percent) {
        return new PriceChange(Kind.PERCENT, BigDecimal.valueOf(percent));
    }

    public static PriceChange cents(long cents) {
        return new PriceChange(Kind.ABSOLUTE_CENTS, BigDecimal.valueOf(cents));
    }

    public long apply(long priceCents) {
        BigDecimal result = switch (kind) {
            case PERCENT -> BigDecimal.valueOf(priceCents)
                    .multiply(BigDecimal.ONE.add(amount.movePointLeft(2)))
                    .setScale(0, RoundingMode.HALF_UP);
            case ABSOLUTE_CENTS -> BigDecimal.valueOf(priceCents).add(amount);
        };
        return Math.max(0, result.longValueExact());
    }

    @Override
    public String toString() {
        return kind == Kind.PERCENT ? amount.toPlainString() + " %" : amount.toPlainString() + " cents";
    }
}
