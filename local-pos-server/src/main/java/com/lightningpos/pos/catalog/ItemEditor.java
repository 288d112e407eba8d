package com.lightningpos.pos.catalog;

import static com.lightningpos.db.shop.Tables.CATEGORIES;
import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.TAX_RATES;

import com.lightningpos.db.shop.tables.records.ItemsRecord;
import com.lightningpos.etl.clock.UuidV7;
import com.lightningpos.pos.shop.WriteStamp;
import com.lightningpos.pos.shop.WriteStamps;
import com.lightningpos.pos.web.ApiException;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The shop's own catalog edits. Each write is stamped with a fresh HLC as {@code last_modified_at}
 * and this shop as {@code last_modified_shop_id}; the capture triggers then put it in the outbox,
 * which is how a price change made at one shop reaches the hub and the other shops.
 */
@Service
public class ItemEditor {

    private static final Set<String> UNITS = Set.of("each", "kg");

    private final DSLContext db;
    private final WriteStamps stamps;
    private final UuidV7 ids;
    private final CatalogQueries catalog;

    public ItemEditor(DSLContext db, WriteStamps stamps, UuidV7 ids, CatalogQueries catalog) {
        this.db = db;
        this.stamps = stamps;
        this.ids = ids;
        this.catalog = catalog;
    }

    public Item create(ItemRequest request) {
        require(!blank(request.sku()), "sku is required.");
        require(!blank(request.name()), "name is required.");
        require(request.priceCents() != null, "priceCents is required.");
        String id = ids.next().toString();
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            WriteStamp stamp = stamps.begin(tx);
            ItemsRecord row = tx.newRecord(ITEMS);
            row.setId(id);
            row.setUnit("each");
            row.setActive(true);
            row.setDeleted(false);
            row.setVersion(1);
            row.setOriginShopId(stamp.shopId());
            apply(tx, row, request);
            row.setLastModifiedShopId(stamp.shopId());
            row.setLastModifiedAt(stamp.hlc());
            row.insert();
        });
        return catalog.item(id).orElseThrow();
    }

    public Item update(String id, ItemRequest changes) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            ItemsRecord row = tx.selectFrom(ITEMS).where(ITEMS.ID.eq(id).and(ITEMS.DELETED.isFalse())).fetchOne();
            if (row == null) {
                throw ApiException.notFound("not_found", "There is no item " + id + ".");
            }
            WriteStamp stamp = stamps.begin(tx);
            apply(tx, row, changes);
            row.setVersion(row.getVersion() + 1);
            row.setLastModifiedShopId(stamp.shopId());
            row.setLastModifiedAt(stamp.hlc());
            row.update();
        });
        return catalog.item(id).orElseThrow();
    }

    /** Copies the fields present in {@code r} onto {@code row}, checking each one. */
    private static void apply(DSLContext tx, ItemsRecord row, ItemRequest r) {
        if (r.sku() != null) {
            require(!blank(r.sku()), "sku must not be empty.");
            row.setSku(r.sku().trim());
        }
        if (r.name() != null) {
            require(!blank(r.name()), "name must not be empty.");
            row.setName(r.name().trim());
        }
        if (r.priceCents() != null) {
            require(r.priceCents() >= 0, "priceCents must not be negative.");
            row.setPriceCents(r.priceCents());
        }
        if (r.unit() != null) {
            require(UNITS.contains(r.unit()), "unit must be each or kg.");
            row.setUnit(r.unit());
        }
        if (r.active() != null) {
            row.setActive(r.active());
        }
        if (r.barcode() != null) {
            row.setBarcode(barcode(tx, row.getId(), r.barcode()));
        }
        if (r.categoryId() != null) {
            String category = emptyToNull(r.categoryId());
            if (category != null && !tx.fetchExists(CATEGORIES, CATEGORIES.ID.eq(category).and(CATEGORIES.DELETED.isFalse()))) {
                throw ApiException.unprocessable("unknown_category", "There is no category " + category + ".");
            }
            row.setCategoryId(category);
        }
        if (r.taxRateId() != null) {
            String rate = emptyToNull(r.taxRateId());
            if (rate != null && !tx.fetchExists(TAX_RATES, TAX_RATES.ID.eq(rate).and(TAX_RATES.DELETED.isFalse()))) {
                throw ApiException.unprocessable("unknown_tax_rate", "There is no tax rate " + rate + ".");
            }
            row.setTaxRateId(rate);
        }
    }

    private static String barcode(DSLContext tx, String itemId, String requested) {
        String code = emptyToNull(requested);
        if (code != null && tx.fetchExists(ITEMS, ITEMS.BARCODE.eq(code).and(ITEMS.ID.ne(itemId)))) {
            throw ApiException.conflict("barcode_taken", "Barcode " + code + " already belongs to another item.");
        }
        return code;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw ApiException.badRequest("validation_failed", message);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
