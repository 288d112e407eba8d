package com.lightningpos.pos.cashsession;

/** Request bodies of the cash session API. */
public final class SessionRequests {

    private SessionRequests() {
    }

    public record Open(Long openingFloatCents, String openedBy) {
    }

    public record AddMovement(String kind, Long amountCents, String reason, String createdBy) {
    }

    public record Close(Long countedCashCents, String closedBy, String note) {
    }
}
