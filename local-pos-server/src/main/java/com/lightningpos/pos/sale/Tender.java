package com.lightningpos.pos.sale;

import com.lightningpos.pos.catalog.PaymentMethod;
import com.lightningpos.pos.web.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles an amount due with the payments handed over. Card and other payments may not exceed what
 * is due (nobody gives change on a card); cash may, and the excess is change. When cash settles
 * (part of) the order, the cash part is rounded to the cash rounding step and the rounding becomes
 * part of the order total, so the books balance to the cent.
 */
final class Tender {

    /** A payment as handed over, its method resolved. */
    record Offer(PaymentMethod method, long tenderedCents) {
    }

    private Tender() {
    }

    static Settlement settle(long dueCents, List<Offer> offers, long roundingStep) {
        long nonCash = offers.stream().filter(o -> !o.method().isCash()).mapToLong(Offer::tenderedCents).sum();
        long cash = offers.stream().filter(o -> o.method().isCash()).mapToLong(Offer::tenderedCents).sum();
        boolean hasCash = offers.stream().anyMatch(o -> o.method().isCash());
        if (nonCash > dueCents) {
            throw ApiException.unprocessable("overpayment_not_allowed", "Card and other payments ("
                    + Money.format(nonCash) + ") cannot be more than the " + Money.format(dueCents)
                    + " due; only cash can be more, and the difference is given as change.");
        }
        long cashDue = dueCents - nonCash;
        long roundedCashDue = hasCash ? Money.roundToStep(cashDue, roundingStep) : cashDue;
        long covered = nonCash + (hasCash ? cash : 0);
        long total = nonCash + roundedCashDue;
        if (covered < total) {
            throw ApiException.unprocessable("payment_insufficient", "The payments cover " + Money.format(covered)
                    + " of " + Money.format(total) + " due; " + Money.format(total - covered) + " is still to pay.");
        }
        List<Settlement.Tendered> rows = new ArrayList<>();
        long cashLeftToSettle = roundedCashDue;
        for (Offer o : offers) {
            long settled = o.tenderedCents();
            if (o.method().isCash()) {
                settled = Math.min(o.tenderedCents(), cashLeftToSettle);
                cashLeftToSettle -= settled;
            }
            rows.add(new Settlement.Tendered(o.method().code(), settled, o.tenderedCents(), o.tenderedCents() - settled));
        }
        long paid = nonCash + cash;
        return new Settlement(total, roundedCashDue - cashDue, paid, paid - total, rows);
    }

    /** Pays a refund (negative {@code dueCents}) back in full with one method. */
    static Settlement payBack(long dueCents, PaymentMethod method, long roundingStep) {
        long total = method.isCash() ? Money.roundToStep(dueCents, roundingStep) : dueCents;
        List<Settlement.Tendered> rows = total == 0 ? List.of()
                : List.of(new Settlement.Tendered(method.code(), total, total, 0));
        return new Settlement(total, total - dueCents, total, 0, rows);
    }
}
