package com.lightningpos.pos.catalog;

import static com.lightningpos.db.shop.Tables.CATEGORIES;
import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.TAX_RATES;

import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.pos.config.PosProperties;
import com.lightningpos.pos.shop.ShopIdentityService;
import com.lightningpos.pos.shop.TillMode;
import com.lightningpos.pos.shop.WriteStamp;
import com.lightningpos.pos.shop.WriteStamps;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With {@code pos.demo-data=true}, gives a standalone till that has never had an item a small
 * catalog to try the till with. Runs once: afterwards the items table is not empty (deleting an
 * item only flags it), so a restart never seeds again. An enrolled till gets its catalog from the hub.
 */
@Component
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    /** A barcode of 12 digits gets its check digit; one of 7 digits is an in-store label prefix. */
    private record DemoItem(String sku, String name, long priceCents, String unit, String barcode, boolean food) {
    }

    private static final List<DemoItem> DEMO_ITEMS = List.of(
            new DemoItem("BAK-001", "Baguette tradition", 120, "each", "376001234501", true),
            new DemoItem("BAK-002", "Croissant au beurre", 110, "each", "376001234502", true),
            new DemoItem("DAI-001", "Whole milk 1 L", 119, "each", "376004561201", true),
            new DemoItem("DAI-002", "Free-range eggs x6", 249, "each", "376004561202", true),
            new DemoItem("DAI-003", "Grated Emmental 200 g", 235, "each", "376004561203", true),
            new DemoItem("DEL-001", "Comté AOP 18 months (per kg)", 2190, "kg", "2100010", true),
            new DemoItem("GRO-001", "Espresso coffee beans 1 kg", 1490, "each", "400638133393", true),
            new DemoItem("GRO-002", "Dark chocolate 70% 100 g", 189, "each", "400638133394", true),
            new DemoItem("DRI-001", "Sparkling water 1.5 L", 65, "each", "376008900101", false),
            new DemoItem("DRI-002", "Orange juice 1 L", 219, "each", "376008900102", false),
            new DemoItem("DRI-003", "Côtes du Rhône red 75 cl", 750, "each", "376008900103", false),
            new DemoItem("HOU-001", "Dish soap 500 ml", 189, "each", "400500012301", false),
            new DemoItem("HOU-002", "Paper towels x2", 299, "each", "400500012302", false));

    private final DSLContext db;
    private final PosProperties properties;
    private final ShopIdentityService identity;
    private final WriteStamps stamps;
    private final UuidV7 ids;

    DemoCatalog(DSLContext db, PosProperties properties, ShopIdentityService identity, WriteStamps stamps, UuidV7 ids) {
        this.db = db;
        this.properties = properties;
        this.identity = identity;
        this.stamps = stamps;
        this.ids = ids;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || !TillMode.isStandalone(identity.current(), properties)) {
            return;
        }
        boolean seeded = db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.fetchExists(ITEMS)) {
                return false;
            }
            seed(tx, stamps.begin(tx));
            return true;
        });
        if (seeded) {
            log.info("Demo catalog created: {} items in 2 categories", DEMO_ITEMS.size());
        }
    }

    private void seed(DSLContext tx, WriteStamp stamp) {
        String food = category(tx, stamp, "Food", 1);
        String drinks = category(tx, stamp, "Drinks & household", 2);
        String reduced = taxRate(tx, stamp, "Reduced 5.5 % (added)", 550, false);
        String standard = taxRate(tx, stamp, "Standard 20 % (included)", 2000, true);
        for (DemoItem d : DEMO_ITEMS) {
            String barcode = d.barcode();
            boolean isFood = d.food();
            tx.insertInto(ITEMS)
                    .set(ITEMS.ID, ids.next().toString())
                    .set(ITEMS.SKU, d.sku())
                    .set(ITEMS.NAME, d.name())
                    .set(ITEMS.PRICE_CENTS, d.priceCents())
                    .set(ITEMS.UNIT, d.unit())
                    .set(ITEMS.BARCODE, barcode.length() == 12 ? Ean13.withCheckDigit(barcode) : barcode)
                    .set(ITEMS.CATEGORY_ID, isFood ? food : drinks)
                    .set(ITEMS.TAX_RATE_ID, isFood ? reduced : standard)
                    .set(ITEMS.ACTIVE, true)
                    .set(ITEMS.DELETED, false)
                    .set(ITEMS.VERSION, 1)
                    .set(ITEMS.ORIGIN_SHOP_ID, stamp.shopId())
                    .set(ITEMS.LAST_MODIFIED_SHOP_ID, stamp.shopId())
                    .set(ITEMS.LAST_MODIFIED_AT, stamp.hlc())
                    .execute();
        }
    }

    private String category(DSLContext tx, WriteStamp stamp, String name, int sortOrder) {
        String id = ids.next().toString();
        tx.insertInto(CATEGORIES)
                .set(CATEGORIES.ID, id).set(CATEGORIES.NAME, name).set(CATEGORIES.SORT_ORDER, sortOrder)
                .set(CATEGORIES.ORIGIN_SHOP_ID, stamp.shopId()).set(CATEGORIES.LAST_MODIFIED_SHOP_ID, stamp.shopId())
                .set(CATEGORIES.LAST_MODIFIED_AT, stamp.hlc()).set(CATEGORIES.VERSION, 1).set(CATEGORIES.DELETED, false)
                .execute();
        return id;
    }

    private String taxRate(DSLContext tx, WriteStamp stamp, String name, int rateBp, boolean inclusive) {
        String id = ids.next().toString();
        tx.insertInto(TAX_RATES)
                .set(TAX_RATES.ID, id).set(TAX_RATES.NAME, name).set(TAX_RATES.RATE_BP, rateBp)
                .set(TAX_RATES.INCLUSIVE, inclusive)
                .set(TAX_RATES.ORIGIN_SHOP_ID, stamp.shopId()).set(TAX_RATES.LAST_MODIFIED_SHOP_ID, stamp.shopId())
                .set(TAX_RATES.LAST_MODIFIED_AT, stamp.hlc()).set(TAX_RATES.VERSION, 1).set(TAX_RATES.DELETED, false)
                .execute();
        return id;
    }
}
