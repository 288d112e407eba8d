package com.lightningpos.hub.catalog;

import static com.lightningpos.db.hub.Tables.CATEGORIES;
import static com.lightningpos.db.hub.Tables.ITEMS;
import static com.lightningpos.db.hub.Tables.TAX_RATES;

import com.lightningpos.db.hub.tables.records.ItemsRecord;
import com.lightningpos.hub.api.ProblemException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The rules an item must satisfy before head office's change is written: the same for the
 * console, the admin API and (line by line) the CSV import. References and the barcode are
 * checked only when the change touches them, so a price edit never fails on an unrelated field.
 */
final class ItemRules {

    static final int MAX_SKU = 64;
    static final int MAX_NAME = 200;
    static final int MAX_BARCODE = 64;
    static final long MAX_PRICE_CENTS = 100_000_000_000L;
    static final Set<String> UNITS = Set.of("each", "kg");

    private ItemRules() {
    }

    /** Trims text, turns a blank barcode into none and lower-cases the unit. */
    static ItemChanges normalize(ItemChanges changes) {
        EnumMap<ItemField, Object> values = new EnumMap<>(ItemField.class);
        for (ItemField field : changes.fields()) {
            Object value = changes.get(field);
            if (value instanceof String s) {
                value = s.strip();
                if (field == ItemField.BARCODE && s.isBlank()) {
                    value = null;
                }
                if (field == ItemField.UNIT) {
                    value = s.strip().toLowerCase();
                }
            }
            values.put(field, value);
        }
        return ItemChanges.of(values);
    }

    /**
     * Problems of the item that results from applying {@code changes} to {@code current} (null for a
     * new item), excluding the barcode's uniqueness, which {@link #barcodeOwner} checks.
     */
    static List<String> problems(DSLContext tx, ItemChanges changes, ItemsRecord current) {
        List<String> errors = new ArrayList<>();
        String sku = (String) valueOf(changes, ItemField.SKU, current == null ? null : current.getSku());
        String name = (String) valueOf(changes, ItemField.NAME, current == null ? null : current.getName());
        Object price = valueOf(changes, ItemField.PRICE_CENTS, current == null ? null : current.getPriceCents());
        String unit = (String) valueOf(changes, ItemField.UNIT, current == null ? "each" : current.getUnit());
        text(errors, "sku", sku, MAX_SKU);
        text(errors, "name", name, MAX_NAME);
        if (price == null) {
            errors.add("priceCents: required");
        } else if ((Long) price < 0) {
            errors.add("priceCents: must not be negative");
        } else if ((Long) price > MAX_PRICE_CENTS) {
            errors.add("priceCents: too large");
        }
        if (unit == null || !UNITS.contains(unit)) {
            errors.add("unit: must be one of " + UNITS);
        }
        if (changes.has(ItemField.ACTIVE) && changes.get(ItemField.ACTIVE) == null) {
            errors.add("active: must be true or false");
        }
        String barcode = (String) changes.get(ItemField.BARCODE);
        if (barcode != null && barcode.length() > MAX_BARCODE) {
            errors.add("barcode: at most " + MAX_BARCODE + " characters");
        }
        UUID category = (UUID) changes.get(ItemField.CATEGORY_ID);
        if (category != null && !tx.fetchExists(CATEGORIES, CATEGORIES.ID.eq(category).and(CATEGORIES.DELETED.isFalse()))) {
            errors.add("categoryId: no category " + category);
        }
        UUID taxRate = (UUID) changes.get(ItemField.TAX_RATE_ID);
        if (taxRate != null && !tx.fetchExists(TAX_RATES, TAX_RATES.ID.eq(taxRate).and(TAX_RATES.DELETED.isFalse()))) {
            errors.add("taxRateId: no tax rate " + taxRate);
        }
        return errors;
    }

    static void check(DSLContext tx, UUID id, ItemChanges changes, ItemsRecord current) {
        List<String> errors = problems(tx, changes, current);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The item is not valid: " + String.join("; ", errors), errors);
        }
        String barcode = (String) changes.get(ItemField.BARCODE);
        if (barcode != null) {
            ItemsRecord owner = barcodeOwner(tx, barcode, id);
            if (owner != null) {
                throw duplicateBarcode(barcode, owner);
            }
        }
    }

    /** The other item (deleted ones included: the unique key covers tombstones too) holding {@code barcode}. */
    static ItemsRecord barcodeOwner(DSLContext tx, String barcode, UUID exceptId) {
        var condition = ITEMS.BARCODE.eq(barcode);
        if (exceptId != null) {
            condition = condition.and(ITEMS.ID.ne(exceptId));
        }
        return tx.selectFrom(ITEMS).where(condition).fetchOne();
    }

    static ProblemException duplicateBarcode(String barcode, ItemsRecord owner) {
        String whose = owner == null ? "another item"
                : "item " + owner.getSku() + " (" + owner.getName() + (owner.getDeleted() ? ", deleted" : "") + ")";
        return ProblemException.conflict("duplicate_barcode", "Barcode " + barcode + " already belongs to " + whose);
    }

    /** A readable list of what changes, for the audit log: {@code price_cents: 199 → 250}. */
    static String describe(ItemChanges changes, ItemsRecord current) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> entry : changes.toWire().entrySet()) {
            Object before = current == null ? null : current.get(entry.getKey());
            if (before instanceof Boolean b) {
                before = b ? 1L : 0L;
            }
            if (current != null && String.valueOf(before).equals(String.valueOf(entry.getValue()))) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(entry.getKey()).append(": ");
            if (current != null) {
                text.append(before).append(" → ");
            }
            text.append(entry.getValue());
        }
        return text.toString();
    }

    private static Object valueOf(ItemChanges changes, ItemField field, Object current) {
        return changes.has(field) ? changes.get(field) : current;
    }

    private static void text(List<String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field + ": required");
        } else if (value.length() > max) {
            errors.add(field + ": at most " + max + " characters");
        }
    }
}
