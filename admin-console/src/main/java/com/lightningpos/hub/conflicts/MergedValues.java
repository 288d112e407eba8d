package com.lightningpos.hub.conflicts;

import com.lightningpos.hub.api.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;

/** Turns values a person typed for a merge into wire values, typed by the hub table's columns. */
final class MergedValues {

    private MergedValues() {
    }

    static Map<String, Object> toWire(Table<?> hub, Map<String, String> typed) {
        Map<String, Object> wire = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        typed.forEach((column, text) -> {
            Field<?> field = hub.field(column);
            if (field == null || ConflictService.SYSTEM_COLUMNS.contains(column)) {
                errors.add(column + ": cannot be set");
                return;
            }
            String value = text == null ? "" : text.strip();
            if (value.isEmpty()) {
                if (!field.getDataType().nullable()) {
                    errors.add(column + ": required");
                }
                wire.put(column, null);
                return;
            }
            try {
                wire.put(column, parse(field.getType(), value));
            } catch (IllegalArgumentException e) {
                errors.add(column + ": " + e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The merged values are not valid", errors);
        }
        return wire;
    }

    private static Object parse(Class<?> type, String value) {
        if (type == Long.class || type == Integer.class) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
        }
        if (type == Boolean.class) {
            return switch (value.toLowerCase()) {
                case "1", "true", "yes" -> 1L;
                case "0", "false", "no" -> 0L;
                default -> throw new IllegalArgumentException("must be 1 or 0");
            };
        }
        if (type == UUID.class) {
            try {
                return UUID.fromString(value).toString();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be a UUID");
            }
        }
        return value;
    }
}
