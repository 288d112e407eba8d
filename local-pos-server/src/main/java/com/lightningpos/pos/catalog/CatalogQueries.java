package com.lightningpos.pos.catalog;

import static com.lightningpos.db.shop.Tables.CATEGORIES;
import static com.lightningpos.db.shop.Tables.ITEMS;
import static com.lightningpos.db.shop.Tables.PAYMENT_METHODS;
import static com.lightningpos.db.shop.Tables.TAX_RATES;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Service;

/**
 * Reads of the catalog. Methods that take a {@code DSLContext} are meant to run inside a caller's
 * transaction (a sale prices its lines from what the same transaction sees).
 */
@Service
public class CatalogQueries {

    public static final int MAX_PAGE = 200;

    private final DSLContext db;

    public CatalogQueries(DSLContext db) {
        this.db = db;
    }

    /** {@code total} is exact up to this many matches; beyond it counting would cost a scan. */
    public static final int TOTAL_CAP = 1_000;

    /**
     * Active items whose name contains {@code q} (one or two characters: starts with it), or whose
     * SKU or barcode starts with it, ignoring case; by name. See {@link ItemSearchIndex}.
     */
    public ItemPage search(String q, int limit, int offset) {
        Condition where = ITEMS.ACTIVE.isTrue().and(ITEMS.DELETED.isFalse());
        if (q != null && !q.isBlank()) {
            where = where.and(ItemSearchIndex.matches(q.trim()));
        }
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        int skip = Math.max(0, offset);
        // One pass over the matches gives both the page (ids in name order) and the capped count:
        // the match set is built once instead of once for the page and again for the total.
        List<String> ordered = db.select(ITEMS.ID).from(ITEMS).where(where)
                .orderBy(ITEMS.NAME.collate("NOCASE"), ITEMS.ID)
                .limit(Math.max(TOTAL_CAP + 1, skip + pageSize))
                .fetch(ITEMS.ID);
        List<String> pageIds = ordered.subList(Math.min(skip, ordered.size()), Math.min(skip + pageSize, ordered.size()));
        List<Item> items = pageIds.isEmpty() ? List.of() : selectItems(db).where(ITEMS.ID.in(pageIds))
                .orderBy(ITEMS.NAME.collate("NOCASE"), ITEMS.ID)
                .fetch(CatalogQueries::toItem);
        return new ItemPage(items, Math.min(ordered.size(), TOTAL_CAP), ordered.size() > TOTAL_CAP);
    }

    /** A non-deleted item, active or not. */
    public Optional<Item> item(DSLContext tx, String id) {
        return selectItems(tx).where(ITEMS.ID.eq(id).and(ITEMS.DELETED.isFalse())).fetchOptional(CatalogQueries::toItem);
    }

    public Optional<Item> item(String id) {
        return item(db, id);
    }

    /** The non-deleted item whose barcode is one of {@code barcodes}, if any. */
    Optional<Item> itemByBarcode(DSLContext tx, Collection<String> barcodes) {
        return selectItems(tx).where(ITEMS.BARCODE.in(barcodes).and(ITEMS.DELETED.isFalse()))
                .orderBy(ITEMS.BARCODE.desc()).limit(1).fetchOptional(CatalogQueries::toItem);
    }

    public List<Category> categories() {
        return db.selectFrom(CATEGORIES).where(CATEGORIES.DELETED.isFalse())
                .orderBy(CATEGORIES.SORT_ORDER, CATEGORIES.NAME)
                .fetch(r -> new Category(r.getId(), r.getName(), r.getParentId(), r.getSortOrder()));
    }

    public List<TaxRate> taxRates() {
        return db.selectFrom(TAX_RATES).where(TAX_RATES.DELETED.isFalse()).orderBy(TAX_RATES.RATE_BP.desc())
                .fetch(r -> new TaxRate(r.getId(), r.getName(), r.getRateBp(), r.getInclusive()));
    }

    public List<PaymentMethod> paymentMethods() {
        return paymentMethods(db);
    }

    /** Active, non-deleted tender types. */
    public List<PaymentMethod> paymentMethods(DSLContext tx) {
        return tx.selectFrom(PAYMENT_METHODS)
                .where(PAYMENT_METHODS.ACTIVE.isTrue().and(PAYMENT_METHODS.DELETED.isFalse()))
                .orderBy(PAYMENT_METHODS.CODE)
                .fetch(r -> new PaymentMethod(r.getId(), r.getCode(), r.getName(), r.getKind()));
    }

    private static SelectOnConditionStep<Record> selectItems(DSLContext ctx) {
        return ctx.select(ITEMS.fields()).select(TAX_RATES.RATE_BP, TAX_RATES.INCLUSIVE)
                .from(ITEMS)
                .leftJoin(TAX_RATES).on(TAX_RATES.ID.eq(ITEMS.TAX_RATE_ID));
    }

    private static Item toItem(Record r) {
        Integer bp = r.get(TAX_RATES.RATE_BP);
        Boolean inclusive = r.get(TAX_RATES.INCLUSIVE);
        boolean active = Boolean.TRUE.equals(r.get(ITEMS.ACTIVE)) && !Boolean.TRUE.equals(r.get(ITEMS.DELETED));
        return new Item(r.get(ITEMS.ID), r.get(ITEMS.SKU), r.get(ITEMS.BARCODE), r.get(ITEMS.NAME),
                r.get(ITEMS.PRICE_CENTS), r.get(ITEMS.UNIT), r.get(ITEMS.CATEGORY_ID), r.get(ITEMS.TAX_RATE_ID),
                bp == null ? 0 : bp, inclusive == null || inclusive, active,
                r.get(ITEMS.LAST_MODIFIED_SHOP_ID), r.get(ITEMS.LAST_MODIFIED_AT), r.get(ITEMS.VERSION));
    }
}
