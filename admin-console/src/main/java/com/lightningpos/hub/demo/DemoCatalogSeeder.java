package com.lightningpos.hub.demo;

import static com.lightningpos.db.hub.Tables.ITEMS;

import com.lightningpos.etl.change.SyncedTable;
import com.lightningpos.etl.hub.HubCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small café-and-grocery catalog for the demo ({@code hub.demo-data=true}), written once into an
 * empty hub through the normal catalog path, so it reaches shops like any head-office change.
 */
@Component
@ConditionalOnProperty(name = "hub.demo-data", havingValue = "true")
public class DemoCatalogSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogSeeder.class);

    private final DSLContext db;
    private final HubCatalog catalog;

    public DemoCatalogSeeder(DSLContext db, HubCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void seedOnce() {
        if (db.fetchCount(ITEMS) > 0) {
            return;
        }
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            UUID standard = save(tx, SyncedTable.TAX_RATES, Map.of("name", "Standard 20%", "rate_bp", 2000L, "inclusive", 1L));
            UUID reduced = save(tx, SyncedTable.TAX_RATES, Map.of("name", "Reduced 5.5%", "rate_bp", 550L, "inclusive", 1L));
            UUID drinks = save(tx, SyncedTable.CATEGORIES, Map.of("name", "Drinks", "sort_order", 1L));
            UUID bakery = save(tx, SyncedTable.CATEGORIES, Map.of("name", "Bakery", "sort_order", 2L));
            UUID grocery = save(tx, SyncedTable.CATEGORIES, Map.of("name", "Grocery", "sort_order", 3L));
            UUID produce = save(tx, SyncedTable.CATEGORIES, Map.of("name", "Fruit & veg", "sort_order", 4L));
            item(tx, "DRK-001", ean("400638133393"), "Sparkling water 1 l", 119, drinks, standard, "each");
            item(tx, "DRK-002", ean("500011261020"), "Orange juice 1 l", 249, drinks, reduced, "each");
            item(tx, "DRK-003", ean("871009700510"), "Cola 0.33 l", 129, drinks, standard, "each");
            item(tx, "DRK-004", ean("761303100058"), "Espresso beans 500 g", 899, drinks, reduced, "each");
            item(tx, "BAK-001", ean("376000100001"), "Baguette", 130, bakery, reduced, "each");
            item(tx, "BAK-002", ean("376000100002"), "Croissant", 110, bakery, reduced, "each");
            item(tx, "BAK-003", ean("376000100003"), "Sourdough loaf", 420, bakery, reduced, "each");
            item(tx, "GRO-001", ean("301762042200"), "Hazelnut spread 400 g", 379, grocery, reduced, "each");
            item(tx, "GRO-002", ean("800150514420"), "Spaghetti 500 g", 159, grocery, reduced, "each");
            item(tx, "GRO-003", ean("871028205220"), "Dark chocolate 100 g", 229, grocery, reduced, "each");
            item(tx, "GRO-004", ean("590000100116"), "Olive oil 0.75 l", 899, grocery, reduced, "each");
            item(tx, "HOM-001", ean("400501122354"), "Dish soap 500 ml", 199, grocery, standard, "each");
            // Sold by weight: the scale prints EAN-13 labels 21xxxxx + weight in grams.
            item(tx, "FRU-001", "2100001", "Apples (per kg)", 299, produce, reduced, "kg");
            item(tx, "FRU-002", null, "Bananas (per kg)", 199, produce, reduced, "kg");
        });
        log.info("Demo catalog seeded: 14 items in 4 categories");
    }

    private UUID item(DSLContext tx, String sku, String barcode, String name, long priceCents, UUID category,
                      UUID taxRate, String unit) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sku", sku);
        values.put("barcode", barcode);
        values.put("name", name);
        values.put("price_cents", priceCents);
        values.put("category_id", category.toString());
        values.put("tax_rate_id", taxRate.toString());
        values.put("unit", unit);
        values.put("active", 1L);
        return save(tx, SyncedTable.ITEMS, values);
    }

    private static String ean(String first12) {
        return first12 + Ean13.checkDigit(first12);
    }

    private UUID save(DSLContext tx, SyncedTable table, Map<String, Object> values) {
        UUID id = UUID.randomUUID();
        catalog.saveFromHub(tx, table, id, values, "demo-data");
        return id;
    }
}
