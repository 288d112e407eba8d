package com.lightningpos.hub.shops;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Provisioning and shop status for automation (see CONTRACT.md). */
@RestController
@AdminApi
@RequestMapping("/api/admin/shops")
@Tag(name = "Shops")
class ShopsController {

    private final ShopService shops;

    ShopsController(ShopService shops) {
        this.shops = shops;
    }

    record ProvisionRequest(String name) {
    }

    /** The enrolment code appears in this answer only; the hub keeps its hash. */
    record EnrolmentResponse(UUID id, String name, String enrolmentCode, String command, OffsetDateTime expiresAt) {
        static EnrolmentResponse of(EnrolmentCode code) {
            return new EnrolmentResponse(code.shopId(), code.shopName(), code.code(), code.command(), code.expiresAt());
        }
    }

    record CanaryRequest(boolean canary) {
    }

    @PostMapping
    @Operation(summary = "Provision a shop: answers its id and a one-time enrolment code")
    ResponseEntity<EnrolmentResponse> provision(@RequestBody ProvisionRequest request) {
        EnrolmentCode code = shops.provision(request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/admin/shops/" + code.shopId())).body(EnrolmentResponse.of(code));
    }

    @GetMapping
    @Operation(summary = "Shops with status, schema version, last sync, pending rows and lag (ordered by name)")
    ResponseEntity<List<ShopOverview>> list(@RequestParam(required = false) String q,
                                            @RequestParam(defaultValue = "1000") int limit,
                                            @RequestParam(defaultValue = "0") int offset) {
        int size = Math.max(1, Math.min(limit, 5000));
        return ResponseEntity.ok()
                .header("X-Total-Count", Integer.toString(shops.count(q)))
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "X-Total-Count")
                .body(shops.page(q, Math.max(0, offset), size));
    }

    @GetMapping("/{id}")
    ShopOverview get(@PathVariable UUID id) {
        return shops.get(id);
    }

    @PostMapping("/{id}/deactivate")
    ShopOverview deactivate(@PathVariable UUID id) {
        return shops.deactivate(id);
    }

    @PostMapping("/{id}/reactivate")
    ShopOverview reactivate(@PathVariable UUID id) {
        return shops.reactivate(id);
    }

    @PostMapping("/{id}/rotate")
    @Operation(summary = "New enrolment code; the shop's secret is cleared and it must enrol again")
    EnrolmentResponse rotate(@PathVariable UUID id) {
        return EnrolmentResponse.of(shops.rotateCredentials(id));
    }

    @PostMapping("/{id}/canary")
    ShopOverview canary(@PathVariable UUID id, @RequestBody CanaryRequest request) {
        return shops.setCanary(id, request.canary());
    }
}
