package com.lightningpos.hub.schema;

/**
 * The shop schema version one shop must run to download the catalog. Canary shops get a raised
 * requirement first; every other shop follows the chain-wide requirement.
 */
public final class RequiredVersion {

    private RequiredVersion() {
    }

    public static int forShop(boolean canary, int required, Integer canaryRequired) {
        if (canary && canaryRequired != null) {
            return Math.max(required, canaryRequired);
        }
        return required;
    }
}
