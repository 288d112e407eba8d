package com.lightningpos.hub.sync;

import com.lightningpos.db.hub.tables.records.ShopsRecord;
import com.lightningpos.etl.sync.JoinCatalogRequest;
import com.lightningpos.etl.sync.JoinCatalogResponse;
import com.lightningpos.etl.sync.JoinState;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.hub.join.JoinService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A standalone till joining the chain: its catalog, and its report that the join is verified or
 * undone. Checked like every shop call (token → shop access → rate → schema → body) before
 * anything is written.
 */
@RestController
class JoinSyncController {

    private static final String JOIN_PATH = SyncProtocol.BASE + "/shops/{shopId}/join";

    private final JoinService joins;
    private final ShopAccess access;
    private final SchemaGate gate;
    private final ShopRateLimiter rateLimiter;
    private final SyncProperties properties;

    JoinSyncController(JoinService joins, ShopAccess access, SchemaGate gate, ShopRateLimiter rateLimiter,
                       SyncProperties properties) {
        this.joins = joins;
        this.access = access;
        this.gate = gate;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
    }

    @PostMapping(JOIN_PATH + "/catalog")
    JoinCatalogResponse catalog(@AuthenticationPrincipal ShopPrincipal principal, @PathVariable String shopId,
                                @RequestHeader(value = SyncProtocol.SCHEMA_HEADER, required = false) String schemaVersion,
                                HttpServletRequest request) {
        ShopsRecord shop = admit(principal, shopId, schemaVersion);
        JoinCatalogRequest catalog = RequestBodies.read(request, properties.maxBodySize().toBytes(), JoinCatalogRequest.class);
        return joins.matchCatalog(shop.getId(), catalog);
    }

    @PostMapping(JOIN_PATH + "/verified")
    JoinState verified(@AuthenticationPrincipal ShopPrincipal principal, @PathVariable String shopId,
                       @RequestHeader(value = SyncProtocol.SCHEMA_HEADER, required = false) String schemaVersion) {
        return joins.verified(admit(principal, shopId, schemaVersion).getId());
    }

    @PostMapping(JOIN_PATH + "/undone")
    JoinState undone(@AuthenticationPrincipal ShopPrincipal principal, @PathVariable String shopId,
                     @RequestHeader(value = SyncProtocol.SCHEMA_HEADER, required = false) String schemaVersion) {
        return joins.undone(admit(principal, shopId, schemaVersion).getId());
    }

    private ShopsRecord admit(ShopPrincipal principal, String shopId, String schemaVersion) {
        ShopsRecord shop = access.check(principal, shopId);
        rateLimiter.check(shop.getId().toString());
        gate.check(shop, schemaVersion, SchemaGate.Purpose.UPLOAD);
        return shop;
    }
}
