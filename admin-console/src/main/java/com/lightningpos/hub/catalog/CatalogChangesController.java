package com.lightningpos.hub.catalog;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AdminApi
@RequestMapping("/api/admin/catalog-changes")
@Tag(name = "Catalog items")
class CatalogChangesController {

    private final CatalogChanges changes;

    CatalogChangesController(CatalogChanges changes) {
        this.changes = changes;
    }

    record ChangePage(List<CatalogChangeRow> changes) {
    }

    @GetMapping
    @Operation(summary = "The hub's catalog change sequence after a sequence number, optionally for one record")
    ChangePage list(@RequestParam(defaultValue = "0") long after, @RequestParam(required = false) UUID recordId,
                    @RequestParam(defaultValue = "100") int limit) {
        return new ChangePage(changes.after(after, recordId, Math.max(1, Math.min(limit, 1000))));
    }
}
