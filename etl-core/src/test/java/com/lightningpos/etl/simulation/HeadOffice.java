package com.lightningpos.etl.simulation;

import static com.lightningpos.db.hub.Tables.CATEGORIES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.TAX_RATES;

import com.lightningpos.etl.change.SyncedTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Head office at the console: the starting catalog, then price changes, renames, new and deleted
 * items, categories and tax rates, all through the real {@code HubCatalog.saveFromHub}. A few
 * "hot" items are edited by head office and by every shop, to force concurrent edits.
 */
final class HeadOffice {

    private final SimHub hub;
    private final RandomGenerator random;
    private final List<String> hotItems = new ArrayList<>();

    HeadOffice(SimHub hub, RandomGenerator random) {
        this.hub = hub;
        this.random = random;
    }

    /** Item ids that everybody edits; filled by {@link #seedCatalog}. */
    List<String> hotItems() {
        return hotItems;
    }

    void seedCatalog(int categories, int taxRates, int items) {
        List<UUID> categoryIds = new ArrayList<>();
        for (int i = 0; i < categories; i++) {
            UUID id = newId();
            hub.saveFromHub(SyncedTable.CATEGORIES, id, category("Category " + i), false);
            categoryIds.add(id);
        }
        List<UUID> rateIds = new ArrayList<>();
        for (int i = 0; i < taxRates; i++) {
            UUID id = newId();
            hub.saveFromHub(SyncedTable.TAX_RATES, id, taxRate("Rate " + i, 500 * (i + 1)), false);
            rateIds.add(id);
        }
        for (int i = 0; i < items; i++) {
            UUID id = newId();
            hub.saveFromHub(SyncedTable.ITEMS, id, item("Item " + i, categoryIds.get(i % categoryIds.size()),
                    rateIds.get(i % rateIds.size())), false);
            if (hotItems.size() < 3) {
                hotItems.add(id.toString());
            }
        }
    }

    /** One edit at the console. */
    void edit() {
        DSLContext db = hub.db();
        double r = random.nextDouble();
        if (r < 0.35) {
            price(UUID.fromString(hotItems.get(random.nextInt(hotItems.size()))));
        } else if (r < 0.55) {
            UUID item = pick(db.select(ITEMS.ID).from(ITEMS).where(ITEMS.DELETED.isFalse()).orderBy(ITEMS.ID).fetch(ITEMS.ID));
            if (item != null) {
                price(item);
            }
        } else if (r < 0.65) {
            UUID item = pick(db.select(ITEMS.ID).from(ITEMS).where(ITEMS.DELETED.isFalse()).orderBy(ITEMS.ID).fetch(ITEMS.ID));
            if (item != null) {
                hub.saveFromHub(SyncedTable.ITEMS, item, Map.of("name", "Renamed by head office " + random.nextInt(1000)), false);
            }
        } else if (r < 0.75) {
            List<UUID> categories = db.select(CATEGORIES.ID).from(CATEGORIES).orderBy(CATEGORIES.ID).fetch(CATEGORIES.ID);
            List<UUID> rates = db.select(TAX_RATES.ID).from(TAX_RATES).orderBy(TAX_RATES.ID).fetch(TAX_RATES.ID);
            hub.saveFromHub(SyncedTable.ITEMS, newId(), item("New item " + random.nextInt(10_000), pick(categories), pick(rates)), false);
        } else if (r < 0.80) {
            List<UUID> candidates = db.select(ITEMS.ID).from(ITEMS).where(ITEMS.DELETED.isFalse()).orderBy(ITEMS.ID).fetch(ITEMS.ID)
                    .stream().filter(id -> !hotItems.contains(id.toString())).collect(Collectors.toList());
            UUID item = pick(candidates);
            if (item != null) {
                hub.saveFromHub(SyncedTable.ITEMS, item, Map.of(), true);
            }
        } else if (r < 0.90) {
            UUID category = pick(db.select(CATEGORIES.ID).from(CATEGORIES).orderBy(CATEGORIES.ID).fetch(CATEGORIES.ID));
            if (category != null) {
                hub.saveFromHub(SyncedTable.CATEGORIES, category, Map.of("name", "Category renamed " + random.nextInt(1000)), false);
            }
        } else if (r < 0.95) {
            hub.saveFromHub(SyncedTable.CATEGORIES, newId(), category("New category " + random.nextInt(1000)), false);
        } else {
            UUID rate = pick(db.select(TAX_RATES.ID).from(TAX_RATES).orderBy(TAX_RATES.ID).fetch(TAX_RATES.ID));
            if (rate != null) {
                hub.saveFromHub(SyncedTable.TAX_RATES, rate, Map.of("rate_bp", 100L * random.nextInt(30)), false);
            }
        }
    }

    private void price(UUID item) {
        hub.saveFromHub(SyncedTable.ITEMS, item, Map.of("price_cents", random.nextLong(50, 5_000)), false);
    }

    private Map<String, Object> item(String name, UUID category, UUID taxRate) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sku", "HO-" + Long.toHexString(random.nextLong() & 0xffffffL));
        row.put("name", name);
        row.put("price_cents", random.nextLong(50, 5_000));
        row.put("category_id", category == null ? null : category.toString());
        row.put("tax_rate_id", taxRate == null ? null : taxRate.toString());
        row.put("unit", "each");
        row.put("active", 1);
        return row;
    }

    private static Map<String, Object> category(String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("parent_id", null);
        row.put("sort_order", 0);
        return row;
    }

    private static Map<String, Object> taxRate(String name, int bp) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("rate_bp", bp);
        row.put("inclusive", 1);
        return row;
    }

    private UUID newId() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x7000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private <T> T pick(List<T> list) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }
}
