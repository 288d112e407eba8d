package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.CATEGORIES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.SHOPS;
import static com.lightningpos.db.hub.Tables.TAX_RATES;

import com.lightningpos.db.hub.tables.Categories;
import com.lightningpos.db.hub.tables.Shops;
import com.lightningpos.db.hub.tables.TaxRates;
import com.lightningpos.hub.common.Like;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Item pages for the catalog grid and the admin API. Fast at 100k items: the text filter is a
 * prefix match on indexed expressions (lower(name), sku, barcode with text_pattern_ops), pages are
 * offset/limit with the id as tie-breaker, and only allow-listed columns can be sorted on.
 */
@Component
public class ItemSearch {

    /** The sortable properties (grid sort keys and API names) and their SQL. */
    public static final Map<String, Field<?>> SORTABLE = Map.of(
            "name", DSL.lower(ITEMS.NAME),
            "sku", ITEMS.SKU,
            "barcode", ITEMS.BARCODE,
            "priceCents", ITEMS.PRICE_CENTS,
            "lastModifiedAt", ITEMS.LAST_MODIFIED_AT);

    private static final Categories CATEGORY = CATEGORIES.as("category");
    private static final TaxRates TAX_RATE = TAX_RATES.as("tax_rate");
    private static final Shops MODIFIED_BY = SHOPS.as("modified_by");

    private final DSLContext db;

    public ItemSearch(DSLContext db) {
        this.db = db;
    }

    public List<ItemRow> page(ItemFilter filter, List<ItemSort> sorts, int offset, int limit) {
        return select()
                .where(condition(filter))
                .orderBy(order(sorts))
                .offset(offset)
                .limit(limit)
                .fetch(ItemSearch::toRow);
    }

    public int count(ItemFilter filter) {
        return db.fetchCount(ITEMS, condition(filter));
    }

    public Optional<ItemRow> byId(UUID id) {
        return select().where(ITEMS.ID.eq(id)).fetchOptional(ItemSearch::toRow);
    }

    /** The SQL condition for a filter; also used by the bulk price change so both cover the same items. */
    static Condition condition(ItemFilter filter) {
        Condition c = filter.includeDeleted() ? DSL.noCondition() : ITEMS.DELETED.isFalse();
        if (filter.categoryId() != null) {
            c = c.and(ITEMS.CATEGORY_ID.eq(filter.categoryId()));
        }
        String text = filter.text() == null ? "" : filter.text().strip();
        if (!text.isEmpty()) {
            // Literals, not bind values: with a literal prefix PostgreSQL plans an index range scan
            // for each branch and ORs the bitmaps; jOOQ quotes inlined strings safely.
            c = c.and(DSL.or(
                    DSL.lower(ITEMS.NAME).like(DSL.inline(Like.prefix(text.toLowerCase()))),
                    ITEMS.SKU.like(DSL.inline(Like.prefix(text))),
                    ITEMS.SKU.like(DSL.inline(Like.prefix(text.toUpperCase()))),
                    ITEMS.BARCODE.like(DSL.inline(Like.prefix(text)))));
        }
        return c;
    }

    private static List<SortField<?>> order(List<ItemSort> sorts) {
        List<SortField<?>> order = new ArrayList<>();
        for (ItemSort sort : sorts) {
            Field<?> field = SORTABLE.get(sort.property());
            if (field == null) {
                throw new IllegalArgumentException("Items cannot be sorted by " + sort.property());
            }
            order.add(sort.descending() ? field.desc().nullsLast() : field.asc().nullsLast());
        }
        if (order.isEmpty()) {
            order.add(DSL.lower(ITEMS.NAME).asc());
        }
        order.add(ITEMS.ID.asc()); // stable pages when sort values repeat
        return order;
    }

    private SelectOnConditionStep<? extends Record> select() {
        return db.select(ITEMS.ID, ITEMS.SKU, ITEMS.BARCODE, ITEMS.NAME, ITEMS.PRICE_CENTS, ITEMS.CATEGORY_ID,
                        CATEGORY.NAME, ITEMS.TAX_RATE_ID, TAX_RATE.NAME, ITEMS.UNIT, ITEMS.ACTIVE, ITEMS.DELETED,
                        ITEMS.VERSION, ITEMS.LAST_MODIFIED_AT, ITEMS.LAST_MODIFIED_SHOP_ID, MODIFIED_BY.NAME)
                .from(ITEMS)
                .leftJoin(CATEGORY).on(CATEGORY.ID.eq(ITEMS.CATEGORY_ID))
                .leftJoin(TAX_RATE).on(TAX_RATE.ID.eq(ITEMS.TAX_RATE_ID))
                .leftJoin(MODIFIED_BY).on(MODIFIED_BY.ID.eq(ITEMS.LAST_MODIFIED_SHOP_ID));
    }

    private static ItemRow toRow(Record r) {
        return new ItemRow(r.get(ITEMS.ID), r.get(ITEMS.SKU), r.get(ITEMS.BARCODE), r.get(ITEMS.NAME),
                r.get(ITEMS.PRICE_CENTS), r.get(ITEMS.CATEGORY_ID), r.get(CATEGORY.NAME), r.get(ITEMS.TAX_RATE_ID),
                r.get(TAX_RATE.NAME), r.get(ITEMS.UNIT), r.get(ITEMS.ACTIVE), r.get(ITEMS.DELETED), r.get(ITEMS.VERSION),
                r.get(ITEMS.LAST_MODIFIED_AT), r.get(ITEMS.LAST_MODIFIED_SHOP_ID), r.get(MODIFIED_BY.NAME));
    }
}
