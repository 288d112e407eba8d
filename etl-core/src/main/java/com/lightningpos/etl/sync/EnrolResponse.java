package com.lightningpos.etl.sync;

/**
 * Permanent credentials of an enrolled shop. The secret is shown once; the hub keeps only a hash.
 *
 * @param shopId   the shop id the hub issued
 * @param shopName the shop's name as head office entered it
 * @param secret   the shop's permanent secret, exchanged for tokens
 * @param highWaterSeq the last change seq the hub already holds for this shop (0 for a new shop). A till
 *                 that enrols for a shop another machine has already synced numbers its outbox after it;
 *                 otherwise the hub would take its first changes for ones it has and skip them.
 */
public record EnrolResponse(String shopId, String shopName, String secret, long highWaterSeq) {

    public EnrolResponse(String shopId, String shopName, String secret) {
        this(shopId, shopName, secret, 0);
    }

    @Override
    public String toString() {
        return "EnrolResponse[shopId=" + shopId + ", shopName=" + shopName + ", secret=***, highWaterSeq=" + highWaterSeq + "]";
    }
}
