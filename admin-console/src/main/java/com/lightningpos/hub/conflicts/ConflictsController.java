package com.lightningpos.hub.conflicts;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conflict review and settlement over HTTP (support staff and head office). */
@RestController
@AdminApi
@RequestMapping("/api/admin/conflicts")
@Tag(name = "Conflicts")
class ConflictsController {

    private final ConflictService conflicts;

    ConflictsController(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    record ConflictPage(List<ConflictRow> conflicts, int total) {
    }

    record SettleRequest(String note, Map<String, String> values) {
    }

    @GetMapping
    ConflictPage list(@RequestParam(defaultValue = "OPEN") ConflictFilter.ConflictStatus status,
                      @RequestParam(required = false) UUID shopId, @RequestParam(required = false) String table,
                      @RequestParam(required = false) Duration olderThan,
                      @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        ConflictFilter filter = new ConflictFilter(status, shopId, table, olderThan);
        return new ConflictPage(conflicts.page(filter, Math.max(0, offset), Math.max(1, Math.min(limit, 500))),
                conflicts.count(filter));
    }

    @GetMapping("/{id}")
    ConflictDetail detail(@PathVariable long id) {
        return conflicts.detail(id);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Settle: the result the hub applied stands")
    ConflictRow accept(@PathVariable long id, @RequestBody(required = false) SettleRequest request) {
        return conflicts.acceptApplied(id, request == null ? null : request.note());
    }

    @PostMapping("/{id}/reapply")
    @Operation(summary = "Settle: write the shop's version to the hub (and so to every shop)")
    ConflictRow reapply(@PathVariable long id, @RequestBody(required = false) SettleRequest request) {
        return conflicts.reapplyShopVersion(id, request == null ? null : request.note());
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Settle: write values merged by hand ({\"values\":{\"price_cents\":\"250\"}})")
    ConflictRow merge(@PathVariable long id, @RequestBody SettleRequest request) {
        return conflicts.applyMerged(id, request.values() == null ? Map.of() : request.values(), request.note());
    }
}
