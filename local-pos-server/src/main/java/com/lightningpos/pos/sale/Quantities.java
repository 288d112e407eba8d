package com.lightningpos.pos.sale;

import com.lightningpos.pos.web.ApiException;
import java.math.BigDecimal;

/** Decimal quantities of the API ↔ integer thousandths (milli) of the database. */
final class Quantities {

    /** A million pieces or kilograms on one line is a typo, not a sale. */
    private static final long MAX_MILLI = 1_000_000_000L;

    private Quantities() {
    }

    /** A positive quantity with at most 3 decimals, in thousandths; else {@code invalid_quantity}. */
    static long toMilli(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw ApiException.badRequest("invalid_quantity", "A quantity must be more than zero.");
        }
        BigDecimal milli = quantity.movePointRight(3);
        if (milli.stripTrailingZeros().scale() > 0 || milli.compareTo(BigDecimal.valueOf(MAX_MILLI)) > 0) {
            throw ApiException.badRequest("invalid_quantity",
                    "Quantity " + quantity.toPlainString() + " is not valid: at most 3 decimals and below a million.");
        }
        return milli.longValueExact();
    }

    static BigDecimal fromMilli(long milli) {
        return BigDecimal.valueOf(milli, 3);
    }
}
