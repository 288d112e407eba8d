package com.lightningpos.hub.catalog;

import java.util.UUID;

/**
 * Which items a search, a page or a bulk change covers.
 *
 * @param text           prefix of the name (any case), the SKU or the barcode; blank: all
 * @param categoryId     only this category; null: any
 * @param includeDeleted also tombstoned items
 */
public record ItemFilter(String text, UUID categoryId, boolean includeDeleted) {

    public static final ItemFilter ALL = new ItemFilter(null, null, false);

    public static ItemFilter text(String text) {
        return new ItemFilter(text, null, false);
    }
}
