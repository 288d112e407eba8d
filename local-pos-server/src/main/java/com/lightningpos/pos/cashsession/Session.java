package com.lightningpos.pos.cashsession;

import com.lightningpos.db.shop.tables.records.CashSessionsRecord;

/** A till session: opened with a float, closed with a count. */
public record Session(String id, String status, String openedAt, String openedBy, long openingFloatCents,
        String closedAt, String closedBy, Long expectedCashCents, Long countedCashCents, Long differenceCents) {

    static Session of(CashSessionsRecord r) {
        return new Session(r.getId(), r.getStatus(), r.getOpenedAt(), r.getOpenedBy(), r.getOpeningFloatCents(),
                r.getClosedAt(), r.getClosedBy(), r.getExpectedCashCents(), r.getCountedCashCents(),
                r.getDifferenceCents());
    }

    public boolean isOpen() {
        return "open".equals(status);
    }
}
