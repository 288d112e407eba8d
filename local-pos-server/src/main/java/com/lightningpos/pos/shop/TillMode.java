package com.lightningpos.pos.shop;

import com.lightningpos.pos.config.PosProperties;

/** Whether this till works alone (no hub configured and never enrolled) or syncs with a hub. */
public final class TillMode {

    private TillMode() {
    }

    public static boolean isStandalone(ShopIdentity shop, PosProperties properties) {
        return properties.standalone() && shop.standalone();
    }
}
