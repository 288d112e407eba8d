package com.lightningpos.hub.catalog;

import com.lightningpos.hub.api.AdminApi;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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

@RestController
@AdminApi
@RequestMapping("/api/admin/tax-rates")
@Tag(name = "Catalog tax rates")
class TaxRatesController {

    private final TaxRateService taxRates;

    TaxRatesController(TaxRateService taxRates) {
        this.taxRates = taxRates;
    }

    @GetMapping
    List<TaxRateRow> list(@RequestParam(defaultValue = "false") boolean includeDeleted) {
        return taxRates.list(includeDeleted);
    }

    @PostMapping
    ResponseEntity<Map<String, UUID>> create(@RequestBody TaxRateService.Draft draft) {
        UUID id = taxRates.create(draft);
        return ResponseEntity.created(URI.create("/api/admin/tax-rates/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable UUID id, @RequestBody TaxRateService.Draft draft) {
        taxRates.update(id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        taxRates.delete(id);
    }
}
