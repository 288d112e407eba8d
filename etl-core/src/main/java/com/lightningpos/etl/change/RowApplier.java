package com.lightningpos.etl.change;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataTypeException;
import org.jooq.impl.DSL;

/**
 * Writes one change into a shop-schema database (a shop's own file or its hub replica): an upsert
 * by id for inserts and updates, a delete for deletes. The statement is built from the generated
 * table's fields, so a new column needs no code here; each JSON value is converted with its
 * column's data type. Columns missing from the payload keep their current (or default) value;
 * payload keys that are not columns (a newer peer's schema) are ignored.
 *
 * <p>Inside a transaction that opened {@link PreparedWrites} (a bulk apply) the same statements are
 * prepared once per table and column set and re-bound for each row instead of built anew.
 *
 * <p>Runs inside the caller's transaction and throws on failure; whether a failure quarantines the
 * row or aborts the batch is the caller's decision (see {@link ApplyFailures}).
 */
public class RowApplier {

    public void apply(DSLContext tx, ChangeRow row) {
        SyncedTable table = SyncedTable.byName(row.table())
                .orElseThrow(() -> new RowRejectedException("Unknown table " + row.table()));
        apply(tx, table, row.op(), row.recordId(), row.payload());
    }

    public void apply(DSLContext tx, SyncedTable table, ChangeOp op, String recordId, Map<String, Object> payload) {
        if (op == ChangeOp.DELETE) {
            delete(tx, table, recordId);
        } else {
            upsert(tx, table, recordId, payload);
        }
    }

    protected void upsert(DSLContext tx, SyncedTable table, String recordId, Map<String, Object> payload) {
        PreparedWrites prepared = PreparedWrites.of(tx);
        if (prepared != null) {
            prepared.upsert(table, recordId, payload);
            return;
        }
        Table<?> t = table.shopTable();
        Field<String> id = idField(table);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        Map<Field<?>, Field<?>> updates = new LinkedHashMap<>();
        for (Field<?> field : t.fields()) {
            if (!field.getName().equals(id.getName()) && payload.containsKey(field.getName())) {
                values.put(field, convert(field, payload.get(field.getName())));
                updates.put(field, DSL.excluded(field));
            }
        }
        values.put(id, recordId);
        var insert = tx.insertInto(t).set(values);
        if (updates.isEmpty()) {
            insert.onConflict(id).doNothing().execute();
        } else {
            insert.onConflict(id).doUpdate().set(updates).execute();
        }
    }

    protected void delete(DSLContext tx, SyncedTable table, String recordId) {
        PreparedWrites prepared = PreparedWrites.of(tx);
        if (prepared != null) {
            prepared.delete(table, recordId);
            return;
        }
        tx.deleteFrom(table.shopTable()).where(idField(table).eq(recordId)).execute();
    }

    @SuppressWarnings("unchecked")
    public static Field<String> idField(SyncedTable table) {
        return (Field<String>) table.shopTable().field("id");
    }

    static Object convert(Field<?> field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return field.getDataType().convert(value);
        } catch (DataTypeException e) {
            throw new RowRejectedException("Column " + field.getName() + " cannot hold " + value + ": " + e.getMessage());
        }
    }
}
