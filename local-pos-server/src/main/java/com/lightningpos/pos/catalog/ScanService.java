package com.lightningpos.pos.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Resolves a scanned code: an item's exact barcode first, else an in-store EAN-13 label
 * (prefix 20–29) whose first 7 digits name the item and whose digits 8–12 carry the price in cents
 * (items sold each) or the weight in grams (items sold by kg). The item's own barcode may be stored
 * as the 7-digit prefix or as the full label code with zeros in the value part.
 */
@Service
public class ScanService {

    private static final BigDecimal ONE = BigDecimal.valueOf(1000, 3);

    private final CatalogQueries catalog;
    private final DSLContext db;

    public ScanService(CatalogQueries catalog, DSLContext db) {
        this.catalog = catalog;
        this.db = db;
    }

    public Optional<ScanResult> resolve(String code) {
        return resolve(db, code);
    }

    /** Finds non-deleted items, active or not: the caller decides what an inactive item means. */
    public Optional<ScanResult> resolve(DSLContext tx, String rawCode) {
        if (rawCode == null || rawCode.isBlank()) {
            return Optional.empty();
        }
        String code = rawCode.trim();
        Optional<Item> exact = catalog.itemByBarcode(tx, List.of(code));
        if (exact.isPresent()) {
            return exact.map(item -> new ScanResult(item, ONE, null, ScanResult.NONE));
        }
        if (!Ean13.isInStore(code)) {
            return Optional.empty();
        }
        String prefix = Ean13.itemPrefix(code);
        long value = Ean13.embeddedValue(code);
        return catalog.itemByBarcode(tx, List.of(prefix, Ean13.labelTemplate(prefix)))
                .map(item -> item.soldByWeight()
                        ? new ScanResult(item, BigDecimal.valueOf(value, 3), null, ScanResult.WEIGHT)
                        : new ScanResult(item, ONE, value, ScanResult.PRICE));
    }
}
