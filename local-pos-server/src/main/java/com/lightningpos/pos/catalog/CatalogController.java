package com.lightningpos.pos.catalog;

import com.lightningpos.pos.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class CatalogController {

    private final CatalogQueries catalog;
    private final ScanService scans;
    private final ItemEditor editor;

    CatalogController(CatalogQueries catalog, ScanService scans, ItemEditor editor) {
        this.catalog = catalog;
        this.scans = scans;
        this.editor = editor;
    }

    @GetMapping("/items")
    @Operation(summary = "Search active items by name (contains), SKU prefix or barcode prefix",
            description = "Case-insensitive; a name matches anywhere for terms of 3 or more characters (accents ignored),"
                    + " by prefix for 1 or 2. `total` is exact up to 1,000 matches; above that it is 1000 and"
                    + " `totalCapped` is true.")
    ItemPage search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return catalog.search(q, limit, offset);
    }

    @GetMapping("/items/{id}")
    @Operation(summary = "One item")
    Item item(@PathVariable String id) {
        return catalog.item(id).orElseThrow(() -> ApiException.notFound("not_found", "There is no item " + id + "."));
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an item in this shop's catalog (travels to the hub and the other shops)")
    Item create(@RequestBody ItemRequest request) {
        return editor.create(request);
    }

    @PutMapping("/items/{id}")
    @Operation(summary = "Edit an item: send only the fields that change")
    Item update(@PathVariable String id, @RequestBody ItemRequest changes) {
        return editor.update(id, changes);
    }

    @GetMapping("/scan/{code}")
    @Operation(summary = "Resolve a scanned code, including EAN-13 labels with an embedded price or weight")
    ScanResult scan(@PathVariable String code) {
        ScanResult result = scans.resolve(code)
                .orElseThrow(() -> ApiException.notFound("unknown_item", "No item has the barcode " + code + "."));
        if (!result.item().active()) {
            throw ApiException.unprocessable("item_inactive", result.item().name() + " is no longer sold.");
        }
        return result;
    }

    @GetMapping("/categories")
    @Operation(summary = "Categories")
    List<Category> categories() {
        return catalog.categories();
    }

    @GetMapping("/tax-rates")
    @Operation(summary = "Tax rates")
    List<TaxRate> taxRates() {
        return catalog.taxRates();
    }

    @GetMapping("/payment-methods")
    @Operation(summary = "Active payment methods")
    List<PaymentMethod> paymentMethods() {
        return catalog.paymentMethods();
    }
}
