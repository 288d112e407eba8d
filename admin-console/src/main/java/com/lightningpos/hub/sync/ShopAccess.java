package com.lightningpos.hub.sync;

import static com.lightningpos.db.hub.Tables.SHOPS;

import com.lightningpos.db.hub.tables.records.ShopsRecord;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * validate_shop_access: a token speaks for one shop, which may only touch its own path, must still
 * exist, be active, and hold the secret the token was issued for. Checked on every call, so a
 * deactivation or a secret rotation takes effect on the shop's next call.
 */
@Component
class ShopAccess {

    private final DSLContext db;

    ShopAccess(DSLContext db) {
        this.db = db;
    }

    /** The caller's own shop. */
    ShopsRecord current(ShopPrincipal principal) {
        return check(principal, principal.shopId().toString());
    }

    /** The shop at {@code pathShopId}, if the caller may act for it. */
    ShopsRecord check(ShopPrincipal principal, String pathShopId) {
        if (principal == null) {
            throw new SyncApiException(HttpStatus.UNAUTHORIZED, Codes.UNAUTHORIZED, "A bearer token is required.");
        }
        if (!principal.shopId().toString().equalsIgnoreCase(pathShopId)) {
            throw new SyncApiException(HttpStatus.FORBIDDEN, Codes.SHOP_MISMATCH,
                    "This token belongs to shop " + principal.shopId() + "; it may not act for shop " + pathShopId + ".");
        }
        ShopsRecord shop = db.selectFrom(SHOPS).where(SHOPS.ID.eq(principal.shopId())).fetchOne();
        if (shop == null || !TokenService.secretVersion(shop.getSecretHash()).equals(principal.secretVersion())
                || shop.getSecretHash() == null) {
            throw new SyncApiException(HttpStatus.UNAUTHORIZED, Codes.UNAUTHORIZED,
                    "This shop's credentials have changed; enrol again or use the new secret.");
        }
        if (!Boolean.TRUE.equals(shop.getIsActive())) {
            throw new SyncApiException(HttpStatus.FORBIDDEN, Codes.SHOP_INACTIVE,
                    "This shop has been deactivated by head office.");
        }
        return shop;
    }
}
