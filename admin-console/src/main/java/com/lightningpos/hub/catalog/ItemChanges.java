package com.lightningpos.hub.catalog;

import com.lightningpos.hub.api.ProblemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The item fields to set in a create or an edit, each with its value (null clears an optional
 * field). A field that is absent stays as it is, which is what lets {@code PUT {"priceCents":250}}
 * change only the price.
 */
public final class ItemChanges {

    /** Fields of an item's JSON that clients may send back unchanged; they are ignored. */
    private static final Set<String> READ_ONLY = Set.of("id", "version", "deleted", "lastModifiedAt", "lastModifiedShopId",
            "lastModifiedShopName", "originShopId", "categoryName", "taxRateName");

    private final Map<ItemField, Object> values;

    private ItemChanges(Map<ItemField, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static ItemChanges of(Map<ItemField, Object> values) {
        EnumMap<ItemField, Object> copy = new EnumMap<>(ItemField.class);
        copy.putAll(values);
        return new ItemChanges(copy);
    }

    /**
     * Reads a JSON object of the admin API. Type errors are collected and reported together; the
     * business rules (required fields, references, unique barcode) are checked by the service.
     */
    public static ItemChanges fromJson(Map<String, Object> body) {
        if (body == null) {
            throw ProblemException.validation("The request needs a JSON object body");
        }
        EnumMap<ItemField, Object> values = new EnumMap<>(ItemField.class);
        List<String> errors = new ArrayList<>();
        body.forEach((key, raw) -> {
            if (READ_ONLY.contains(key)) {
                return;
            }
            ItemField field = ItemField.byJson(key).orElse(null);
            if (field == null) {
                errors.add(key + ": unknown field");
                return;
            }
            try {
                values.put(field, parse(field, raw));
            } catch (IllegalArgumentException e) {
                errors.add(key + ": " + e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The item has invalid fields", errors);
        }
        return new ItemChanges(values);
    }

    private static Object parse(ItemField field, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (field) {
            case PRICE_CENTS -> {
                if (raw instanceof Integer || raw instanceof Long) {
                    yield ((Number) raw).longValue();
                }
                throw new IllegalArgumentException("must be a whole number of cents");
            }
            case CATEGORY_ID, TAX_RATE_ID -> {
                try {
                    yield UUID.fromString(raw.toString());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("must be a UUID");
                }
            }
            case ACTIVE -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                throw new IllegalArgumentException("must be true or false");
            }
            default -> {
                if (raw instanceof String s) {
                    yield s;
                }
                throw new IllegalArgumentException("must be text");
            }
        };
    }

    /** The fields of {@code after} that differ from {@code before}: what an edit form changed. */
    public static ItemChanges between(ItemRow before, ItemDraft after) {
        ItemChanges wanted = after.toChanges();
        Map<ItemField, Object> current = new EnumMap<>(ItemField.class);
        current.put(ItemField.SKU, before.sku());
        current.put(ItemField.BARCODE, before.barcode());
        current.put(ItemField.NAME, before.name());
        current.put(ItemField.PRICE_CENTS, before.priceCents());
        current.put(ItemField.CATEGORY_ID, before.categoryId());
        current.put(ItemField.TAX_RATE_ID, before.taxRateId());
        current.put(ItemField.UNIT, before.unit());
        current.put(ItemField.ACTIVE, before.active());
        EnumMap<ItemField, Object> changed = new EnumMap<>(ItemField.class);
        for (ItemField field : wanted.fields()) {
            Object value = wanted.get(field);
            if (value instanceof String s && s.isBlank() && field == ItemField.BARCODE) {
                value = null;
            }
            if (!java.util.Objects.equals(value instanceof String s ? s.strip() : value, current.get(field))) {
                changed.put(field, wanted.get(field));
            }
        }
        return new ItemChanges(changed);
    }

    public boolean has(ItemField field) {
        return values.containsKey(field);
    }

    public Object get(ItemField field) {
        return values.get(field);
    }

    public Set<ItemField> fields() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** These changes with {@code field} set to {@code value}. */
    public ItemChanges with(ItemField field, Object value) {
        EnumMap<ItemField, Object> copy = new EnumMap<>(ItemField.class);
        copy.putAll(values);
        copy.put(field, value);
        return new ItemChanges(copy);
    }

    /** The columns to write in wire form (UUIDs as text, flags 0/1), as {@code HubCatalog} expects. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        values.forEach((field, value) -> wire.put(field.column(), wireValue(value)));
        return wire;
    }

    static Object wireValue(Object value) {
        if (value instanceof UUID id) {
            return id.toString();
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
