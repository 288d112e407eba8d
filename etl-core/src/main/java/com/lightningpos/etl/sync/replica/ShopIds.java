package com.lightningpos.etl.sync.replica;

import java.util.UUID;

/** Shop ids name replica files, so only canonical UUID text is accepted (no path tricks). */
public final class ShopIds {

    private ShopIds() {
    }

    public static String canonical(String shopId) {
        try {
            String canonical = UUID.fromString(shopId).toString();
            if (!canonical.equalsIgnoreCase(shopId)) {
                throw new IllegalArgumentException("Not a shop id: " + shopId);
            }
            return canonical;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Not a shop id: " + shopId);
        }
    }
}
