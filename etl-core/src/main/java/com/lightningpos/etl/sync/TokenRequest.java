package com.lightningpos.etl.sync;

/** A shop trades its permanent credentials for a short-lived bearer token. */
public record TokenRequest(String shopId, String secret) {

    @Override
    public String toString() {
        return "TokenRequest[shopId=" + shopId + ", secret=***]";
    }
}
