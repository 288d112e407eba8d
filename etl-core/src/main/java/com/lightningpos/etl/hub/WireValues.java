package com.lightningpos.etl.hub;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Converts rows between their wire form (the shop schema's JSON after-image: snake_case columns,
 * UUIDs and times as text, flags as 0/1) and the hub's typed PostgreSQL columns. One mapping for
 * the whole hub keeps the ETL, the console's catalog edits and the propagator in step.
 */
public final class WireValues {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private WireValues() {
    }

    /** The hub values for every column of {@code hubTable} present in {@code wire}. */
    public static Map<Field<?>, Object> toHub(Table<?> hubTable, Map<String, Object> wire) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        for (Field<?> field : hubTable.fields()) {
            if (wire.containsKey(field.getName())) {
                values.put(field, toHubValue(field, wire.get(field.getName())));
            }
        }
        return values;
    }

    /** The wire form of a hub row, limited to the columns the shop schema has ({@code shopTable}). */
    public static Map<String, Object> toWire(Record hubRow, Table<?> shopTable) {
        Map<String, Object> wire = new LinkedHashMap<>();
        for (Field<?> shopField : shopTable.fields()) {
            Field<?> hubField = hubRow.field(shopField.getName());
            if (hubField != null) {
                wire.put(shopField.getName(), toWireValue(hubRow.get(hubField)));
            }
        }
        return wire;
    }

    static Object toHubValue(Field<?> field, Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = field.getType();
        if (type == UUID.class) {
            return value instanceof UUID ? value : UUID.fromString(value.toString());
        }
        if (type == OffsetDateTime.class) {
            return value instanceof OffsetDateTime ? value : Instant.parse(value.toString()).atOffset(ZoneOffset.UTC);
        }
        if (type == Boolean.class) {
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Number n) {
                return n.longValue() != 0;
            }
            return "1".equals(value.toString()) || "true".equalsIgnoreCase(value.toString());
        }
        if (type == Long.class) {
            return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
        }
        if (type == Integer.class) {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
        }
        return field.getDataType().convert(value);
    }

    static Object toWireValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof OffsetDateTime t) {
            return ISO_MILLIS.format(t.toInstant());
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }
}
