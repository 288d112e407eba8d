package com.lightningpos.pos.sale;

import com.lightningpos.pos.catalog.CatalogQueries;
import com.lightningpos.pos.catalog.PaymentMethod;
import com.lightningpos.pos.web.ApiException;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Checks shared by the order, refund and void requests. */
@Component
class Requests {

    private final CatalogQueries catalog;

    Requests(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    /** The client-made id in canonical form, so a retry written in capitals is still the same order. */
    static String orderId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("validation_failed", "id is required: the client makes a UUID for every order.");
        }
        try {
            return UUID.fromString(raw.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("validation_failed", "id " + raw + " is not a UUID.");
        }
    }

    /** An active payment method by its code (cash, card, other, …). */
    PaymentMethod method(DSLContext tx, String code) {
        return catalog.paymentMethods(tx).stream().filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.unprocessable("unknown_payment_method",
                        "This till does not take payments by " + code + "."));
    }
}
