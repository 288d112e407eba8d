package com.lightningpos.hub.shops;

import com.fasterxml.jackson.annotation.JsonValue;

/** A shop's sync health as the dashboard shows it; the first that applies wins (see {@link ShopStatusRules}). */
public enum ShopStatus {
    INACTIVE("inactive"),
    UPDATE_REQUIRED("update required"),
    NEVER_SYNCED("never synced"),
    ERRORING("erroring"),
    LAGGING("lagging"),
    HEALTHY("healthy");

    private final String label;

    ShopStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The machine-readable form used by the admin API ({@code never_synced}, ...). */
    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
