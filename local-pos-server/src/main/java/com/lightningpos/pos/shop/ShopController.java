package com.lightningpos.pos.shop;

import static com.lightningpos.db.shop.Tables.SCHEMA_VERSION;

import com.lightningpos.pos.config.PosProperties;
import io.swagger.v3.oas.annotations.Operation;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ShopController {

    private final ShopIdentityService identity;
    private final PosProperties properties;
    private final DSLContext db;

    ShopController(ShopIdentityService identity, PosProperties properties, DSLContext db) {
        this.identity = identity;
        this.properties = properties;
        this.db = db;
    }

    @GetMapping("/api/shop")
    @Operation(summary = "This till's shop, schema version, currency and cash rounding")
    ShopInfo shop() {
        ShopIdentity shop = identity.current();
        Integer version = db.select(SCHEMA_VERSION.VERSION).from(SCHEMA_VERSION).fetchOne(SCHEMA_VERSION.VERSION);
        String hubUrl = properties.standalone() ? shop.hubUrl() : properties.hubUrl();
        return new ShopInfo(shop.shopId(), shop.name(), TillMode.isStandalone(shop, properties), hubUrl, version,
                properties.currency(), Math.max(1, properties.cashRoundingCents()));
    }

}
