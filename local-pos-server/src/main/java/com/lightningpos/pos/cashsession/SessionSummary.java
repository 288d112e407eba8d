package com.lightningpos.pos.cashsession;

import java.util.Map;

/**
 * X report (session open) or Z report (closed: with the count and the difference). Refunds are
 * negative; {@code byMethod} is what each tender type settled, net of change and refunds.
 * Expected cash = float + cash settled (sales minus refunds, change already deducted) + cash in
 * − cash out − expenses paid from the till.
 */
public record SessionSummary(Session session, int salesCount, long salesTotalCents, long refundsTotalCents,
        Map<String, Long> byMethod, long cashInCents, long cashOutCents, long expensesCents, long expectedCashCents,
        Long countedCashCents, Long differenceCents) {
}
