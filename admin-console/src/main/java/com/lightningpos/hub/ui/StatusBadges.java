package com.lightningpos.hub.ui;

import com.lightningpos.hub.shops.ShopStatus;
import com.vaadin.flow.component.html.Span;

/** The badge for a shop's status, the same on every view. */
public final class StatusBadges {

    private StatusBadges() {
    }

    public static Span of(ShopStatus status) {
        Badge.Tone tone = switch (status) {
            case HEALTHY -> Badge.Tone.SUCCESS;
            case LAGGING, UPDATE_REQUIRED -> Badge.Tone.WARNING;
            case ERRORING -> Badge.Tone.ERROR;
            case NEVER_SYNCED -> Badge.Tone.PRIMARY;
            case INACTIVE -> Badge.Tone.CONTRAST;
        };
        Span badge = Badge.of(status.label(), tone);
        badge.getElement().setAttribute("data-status", status.code());
        return badge;
    }
}
