package com.lightningpos.hub.catalog;

import com.lightningpos.hub.api.AdminApi;
import com.lightningpos.hub.api.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Head office's catalog items over HTTP: the same body and defaults as the till's {@code /api/items}. */
@RestController
@AdminApi
@RequestMapping("/api/admin/items")
@Tag(name = "Catalog items")
class ItemsController {

    private final CatalogService catalog;
    private final BulkPriceService bulkPrices;
    private final ItemCsvImport csvImport;

    ItemsController(CatalogService catalog, BulkPriceService bulkPrices, ItemCsvImport csvImport) {
        this.catalog = catalog;
        this.bulkPrices = bulkPrices;
        this.csvImport = csvImport;
    }

    record ItemPage(List<ItemRow> items, int total) {
    }

    record BulkPriceRequest(String q, UUID categoryId, PriceChange.Kind kind, BigDecimal amount) {
    }

    @GetMapping
    @Operation(summary = "Items whose name, SKU or barcode starts with q; sort is one of name, sku, barcode, priceCents, lastModifiedAt (prefix - for descending)")
    ItemPage list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID categoryId,
                  @RequestParam(defaultValue = "false") boolean includeDeleted,
                  @RequestParam(required = false) String sort,
                  @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        ItemFilter filter = new ItemFilter(q, categoryId, includeDeleted);
        int size = Math.max(1, Math.min(limit, 1000));
        return new ItemPage(catalog.page(filter, sorts(sort), Math.max(0, offset), size), catalog.count(filter));
    }

    @GetMapping("/{id}")
    ItemRow get(@PathVariable UUID id) {
        return catalog.get(id);
    }

    @PostMapping
    @Operation(summary = "Create an item; only sku, name and priceCents are required")
    ResponseEntity<ItemRow> create(@RequestBody Map<String, Object> body) {
        UUID id = null;
        if (body != null && body.get("id") != null) {
            try {
                id = UUID.fromString(body.get("id").toString());
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation("id: must be a UUID");
            }
        }
        ItemRow item = catalog.createItem(id, ItemChanges.fromJson(body));
        return ResponseEntity.created(URI.create("/api/admin/items/" + item.id())).body(item);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit an item; a body with only the changed fields is enough, e.g. {\"priceCents\":250}")
    ItemRow update(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return catalog.updateItem(id, ItemChanges.fromJson(body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an item (a tombstone that travels to every shop)")
    void delete(@PathVariable UUID id) {
        catalog.deleteItem(id);
    }

    @PostMapping("/bulk-price")
    @Operation(summary = "Change the prices of all live items matching q/categoryId by a percentage or an amount of cents, all or nothing")
    BulkPriceService.Result bulkPrice(@RequestBody BulkPriceRequest request) {
        return bulkPrices.apply(new ItemFilter(request.q(), request.categoryId(), false),
                new PriceChange(request.kind(), request.amount()));
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import items from CSV (sku,barcode,name,price,category,tax_rate); nothing is imported if any row is bad")
    ImportReport importCsv(@RequestBody byte[] csv) {
        ImportReport report = csvImport.importCsv(csv, "api upload");
        if (!report.imported()) {
            throw ProblemException.validation("The file has " + report.problems().size()
                    + " bad rows; nothing was imported", report.problems().stream().map(Object::toString).toList());
        }
        return report;
    }

    private static List<ItemSort> sorts(String sort) {
        List<ItemSort> sorts = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            return sorts;
        }
        for (String part : sort.split(",")) {
            boolean descending = part.startsWith("-");
            String property = descending ? part.substring(1) : part;
            if (!ItemSearch.SORTABLE.containsKey(property)) {
                throw ProblemException.validation("Items cannot be sorted by " + property);
            }
            sorts.add(new ItemSort(property, descending));
        }
        return sorts;
    }
}
