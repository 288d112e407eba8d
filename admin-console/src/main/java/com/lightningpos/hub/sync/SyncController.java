package com.lightningpos.hub.sync;

import com.lightningpos.db.hub.tables.records.ShopsRecord;
import com.lightningpos.etl.sync.ConsistencyComparison;
import com.lightningpos.etl.sync.ConsistencyReport;
import com.lightningpos.etl.sync.HubStatus;
import com.lightningpos.etl.sync.PullResponse;
import com.lightningpos.etl.sync.PushRequest;
import com.lightningpos.etl.sync.PushResponse;
import com.lightningpos.etl.sync.SyncProtocol;
import com.lightningpos.etl.sync.SyncProtocol.Codes;
import com.lightningpos.etl.sync.replica.PushResult;
import com.lightningpos.etl.sync.replica.ReplicaStore;
import com.lightningpos.hub.consistency.ConsistencyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shops' side of {@code /sync/v1}: status, push, pull, snapshot and consistency. Every call
 * is checked in the same order (token → shop access → rate → schema → body) and every refusal
 * happens before anything is written.
 */
@RestController
class SyncController {

    private static final String SHOP_PATH = SyncProtocol.BASE + "/shops/{shopId}";
    private static final String SCHEMA = SyncProtocol.SCHEMA_HEADER;

    private final ReplicaStore replicas;
    private final ShopAccess access;
    private final SchemaGate gate;
    private final ShopRateLimiter rateLimiter;
    private final ShopActivity activity;
    private final SyncProperties properties;
    private final ConsistencyService consistency;
    private final Clock clock;

    SyncController(ReplicaStore replicas, ShopAccess access, SchemaGate gate, ShopRateLimiter rateLimiter,
                   ShopActivity activity, SyncProperties properties, ConsistencyService consistency, Clock clock) {
        this.replicas = replicas;
        this.access = access;
        this.gate = gate;
        this.rateLimiter = rateLimiter;
        this.activity = activity;
        this.properties = properties;
        this.consistency = consistency;
        this.clock = clock;
    }

    /** Not gated: this is how a till learns which version it needs. */
    @GetMapping(SyncProtocol.STATUS)
    HubStatus status(@AuthenticationPrincipal ShopPrincipal principal,
                     @RequestHeader(value = SCHEMA, required = false) String schemaVersion) {
        ShopsRecord shop = access.current(principal);
        String shopId = shop.getId().toString();
        rateLimiter.check(shopId);
        int client = SchemaGate.clientVersion(schemaVersion);
        SchemaGate.Versions versions = gate.versions(shop);
        activity.seen(shop.getId(), client);
        return new HubStatus(versions.required(), versions.minUpload(), replicas.highWaterSeq(shopId),
                replicas.openQuarantineCount(shopId), clock.instant());
    }

    @PostMapping(SHOP_PATH + "/changes")
    PushResponse push(@AuthenticationPrincipal ShopPrincipal principal, @PathVariable String shopId,
                      @RequestHeader(value = SCHEMA, required = false) String schemaVersion, HttpServletRequest request) {
        ShopsRecord shop = admit(principal, shopId, schemaVersion, SchemaGate.Purpose.UPLOAD);
        PushRequest batch = RequestBodies.read(request, properties.maxBodySize().toBytes(), PushRequest.class);
        PushResult result = replicas.applyPush(shop.getId().toString(), batch);
        if (result instanceof PushResult.Gap gap) {
            throw new SyncApiException(HttpStatus.CONFLICT, Codes.SEQ_GAP,
                    "The hub has this shop's changes up to seq " + gap.highWaterSeq() + "; send again from seq " + gap.resumeFrom() + ".",
                    Map.of("resumeFrom", gap.resumeFrom()));
        }
        activity.pushed(shop.getId(), SchemaGate.clientVersion(schemaVersion));
        return ((PushResult.Accepted) result).response();
    }

    @GetMapping(SHOP_PATH + "/changes")
    PullResponse pull(@AuthenticationPrincipal ShopPrincipal principal, @PathVariable String shopId,
                      @RequestHeader(value = SCHEMA, required = false) String schemaVersion,
                      @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "500") int limit) {
        ShopsRecord shop = admit(principal, shopId, schemaVersion, SchemaGate.Purpose.DOWNLOAD);
        int pageSize = Math.max(1, Math.min(limit, properties.maxPullLimit()));
        return replicas.pull(shop.getId().toString(), Math.max(0, after), pageSize);
    }

    /** The replica file, for restoring a till whose machine died. */
    @GetMapping(SHOP_PATH + "/snapshot")
    void snapshot(@AuthenticationPrincipal ShopPrincipal principal, @PathVariable String shopId,
                  @RequestHeader(value = SCHEMA, required = false) String schemaVersion,
                  HttpServletResponse response) throws IOException {
        ShopsRecord shop = admit(principal, shopId, schemaVersion, SchemaGate.Purpose.DOWNLOAD);
        Path file = replicas.snapshot(shop.getId().toString());
        try {
            response.setStatus(200);
            response.setContentType("application/vnd.sqlite3");
            response.setContentLengthLong(Files.size(file));
            response.setHeader("Content-Disposition", "attachment; filename=\"" + shop.getId() + ".db\"");
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @GetMapping(SHOP_PATH + "/consistency")
    ConsistencyReport consistency(@AuthenticationPrincipal ShopPrincipal principal, @PathVariable String shopId,
                                  @RequestHeader(value = SCHEMA, required = false) String schemaVersion) {
        ShopsRecord shop = admit(principal, shopId, schemaVersion, SchemaGate.Purpose.UPLOAD);
        return replicas.consistency(shop.getId().toString());
    }

    /**
     * The till's own report, taken when its outbox was drained: stored, and answered with the
     * three-tier comparison of the shop, its replica and PostgreSQL.
     */
    @PostMapping(SHOP_PATH + "/consistency")
    ConsistencyComparison verifyConsistency(@AuthenticationPrincipal ShopPrincipal principal, @PathVariable String shopId,
                                            @RequestHeader(value = SCHEMA, required = false) String schemaVersion,
                                            HttpServletRequest request) {
        ShopsRecord shop = admit(principal, shopId, schemaVersion, SchemaGate.Purpose.UPLOAD);
        ConsistencyReport report = RequestBodies.read(request, properties.maxBodySize().toBytes(), ConsistencyReport.class);
        if (report.tables().isEmpty() || report.highWaterSeq() < 0
                || report.tables().stream().anyMatch(t -> t == null || t.table() == null || t.checksum() == null || t.rows() < 0)) {
            throw new SyncApiException(HttpStatus.BAD_REQUEST, Codes.BAD_REPORT,
                    "A consistency report needs a high-water seq of 0 or more and, per table, its name, row count and checksum.");
        }
        return consistency.acceptShopReport(shop.getId(), report);
    }

    private ShopsRecord admit(ShopPrincipal principal, String shopId, String schemaVersion, SchemaGate.Purpose purpose) {
        ShopsRecord shop = access.check(principal, shopId);
        rateLimiter.check(shop.getId().toString());
        gate.check(shop, schemaVersion, purpose);
        return shop;
    }
}
