package com.lightningpos.etl.sync.client;

/** A shop's permanent identity at the hub. */
public record ShopCredentials(String shopId, String secret) {

    @Override
    public String toString() {
        return "ShopCredentials[shopId=" + shopId + ", secret=***]";
    }
}
