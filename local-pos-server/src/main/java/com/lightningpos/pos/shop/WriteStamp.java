package com.lightningpos.pos.shop;

/**
 * What every row written in one local transaction shares: this shop's id, the HLC that the
 * capture triggers copy into the outbox rows, and the wall-clock time of the write.
 */
public record WriteStamp(String shopId, String hlc, String at) {
}
