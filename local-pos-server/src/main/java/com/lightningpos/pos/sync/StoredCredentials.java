package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.client.ShopCredentials;

/**
 * What the till keeps after enrolment, in {@code credentials.json} (readable only by its user).
 *
 * @param shopId     the id the hub issued
 * @param secret     the permanent secret (exchanged for short-lived tokens)
 * @param hubUrl     the hub it enrolled with (used when {@code pos.hub-url} is not given again)
 * @param shopName   the shop's name at the hub
 * @param enrolledAt when it enrolled (ISO-8601)
 */
public record StoredCredentials(String shopId, String secret, String hubUrl, String shopName, String enrolledAt) {

    public ShopCredentials credentials() {
        return new ShopCredentials(shopId, secret);
    }

    @Override
    public String toString() {
        return "StoredCredentials[shopId=" + shopId + ", hubUrl=" + hubUrl + ", secret=***]";
    }
}
