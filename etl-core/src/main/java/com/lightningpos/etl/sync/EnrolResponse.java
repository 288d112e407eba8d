package com.lightningpos.etl.sync;

/**
 * Permanent credentials of an enrolled shop. The secret is shown once; the hub keeps only a hash.
 *
 * @param shopId   the shop id the hub issued
 * @param shopName the shop's name as head office entered it
 * @param secret   the shop's permanent secret, exchanged for tokens
 */
public record EnrolResponse(String shopId, String shopName, String secret) {

    @Override
    public String toString() {
        return "EnrolResponse[shopId=" + shopId + ", shopName=" + shopName + ", secret=***]";
    }
}
