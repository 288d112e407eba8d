package com.lightningpos.pos.cashsession;

/** Cash put into ({@code in}) or taken out of ({@code out}) the till during a session, with why. */
public record Movement(String id, String sessionId, String kind, long amountCents, String reason, String createdAt,
        String createdBy) {
}
