package com.lightningpos.pos.shop;

/** {@code GET /api/shop}: who this till is and the settings the cashier UI needs. */
public record ShopInfo(String shopId, String name, boolean standalone, String hubUrl, Integer schemaVersion,
        String currency, int cashRoundingCents) {
}
