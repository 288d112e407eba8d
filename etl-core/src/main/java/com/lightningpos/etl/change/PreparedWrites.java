package com.lightningpos.etl.change;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;

/**
 * The statements of {@link RowApplier} prepared once per transaction and re-bound for every row, for
 * applying many rows in one go (a pushed batch of hundreds of rows into a replica): building and
 * preparing an upsert per row cost more than executing it.
 *
 * <p>Open it on the transaction's {@link DSLContext} and close it before the transaction ends; while it
 * is open, {@link RowApplier} calls on this thread with that same {@code DSLContext} use it (subclasses
 * that wrap {@code apply}, such as the simulation's crash switch, keep working). One statement per table
 * and set of payload columns, so a payload with fewer columns still leaves the others untouched, as the
 * unprepared path does. Plain JDBC statements on the transaction's connection, because jOOQ's way to
 * re-bind a kept statement (mutating its {@code Param}s) is deprecated and logs a warning per value; the
 * values are the same Java types jOOQ binds (each converted with its column's data type first: String,
 * Long, Integer, Boolean), and the SQLite driver binds those exactly as jOOQ does.
 */
public final class PreparedWrites implements AutoCloseable {

    // A thread-local, not the configuration's data map: derived jOOQ configurations may share that map,
    // and the applier must never pick up another transaction's statements.
    private static final ThreadLocal<PreparedWrites> CURRENT = new ThreadLocal<>();

    private final DSLContext tx;
    private final Connection connection;
    private final Map<String, PreparedStatement> upserts = new HashMap<>();
    private final Map<SyncedTable, PreparedStatement> deletes = new EnumMap<>(SyncedTable.class);
    private final Map<String, PreparedStatement> other = new HashMap<>();

    private PreparedWrites(DSLContext tx) {
        this.tx = tx;
        this.connection = tx.configuration().connectionProvider().acquire();
    }

    /** Starts preparing the applier's statements for {@code tx} (inside its transaction) on this thread. */
    public static PreparedWrites open(DSLContext tx) {
        PreparedWrites writes = new PreparedWrites(tx);
        CURRENT.set(writes);
        return writes;
    }

    /** The open instance for exactly this {@code DSLContext} on this thread, else null. */
    static PreparedWrites of(DSLContext tx) {
        PreparedWrites writes = CURRENT.get();
        return writes != null && writes.tx == tx ? writes : null;
    }

    void upsert(SyncedTable table, String recordId, Map<String, Object> payload) {
        Field<String> id = RowApplier.idField(table);
        List<Field<?>> columns = new ArrayList<>(payload.size());
        StringBuilder key = new StringBuilder(table.name());
        for (Field<?> field : table.shopTable().fields()) {
            if (!field.getName().equals(id.getName()) && payload.containsKey(field.getName())) {
                columns.add(field);
                key.append(',').append(field.getName());
            }
        }
        PreparedStatement upsert = upserts.computeIfAbsent(key.toString(), k -> prepare(upsertSql(table, id, columns)));
        try {
            for (int i = 0; i < columns.size(); i++) {
                Field<?> field = columns.get(i);
                upsert.setObject(i + 1, RowApplier.convert(field, payload.get(field.getName())));
            }
            upsert.setString(columns.size() + 1, recordId);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Upsert into " + table.tableName() + " failed: " + e.getMessage(), e);
        }
    }

    void delete(SyncedTable table, String recordId) {
        PreparedStatement delete = deletes.computeIfAbsent(table, t -> prepare(
                "DELETE FROM " + quote(t.tableName()) + " WHERE " + quote(RowApplier.idField(t).getName()) + " = ?"));
        try {
            delete.setString(1, recordId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("Delete from " + table.tableName() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Any other statement the caller repeats per row in the same transaction (the replica's inbound log),
     * prepared once; the caller binds and executes it.
     */
    public PreparedStatement statement(String sql) {
        return other.computeIfAbsent(sql, this::prepare);
    }

    private static String upsertSql(SyncedTable table, Field<String> id, List<Field<?>> columns) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(table.tableName())).append(" (");
        columns.forEach(c -> sql.append(quote(c.getName())).append(", "));
        sql.append(quote(id.getName())).append(") VALUES (").append("?, ".repeat(columns.size())).append("?) ON CONFLICT (")
                .append(quote(id.getName())).append(") ");
        if (columns.isEmpty()) {
            return sql.append("DO NOTHING").toString();
        }
        return sql.append("DO UPDATE SET ").append(columns.stream()
                .map(c -> quote(c.getName()) + " = excluded." + quote(c.getName())).collect(Collectors.joining(", "))).toString();
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private PreparedStatement prepare(String sql) {
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new DataAccessException("Cannot prepare " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        List<PreparedStatement> all = new ArrayList<>(upserts.values());
        all.addAll(deletes.values());
        all.addAll(other.values());
        for (PreparedStatement statement : all) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing only frees the statement; the transaction's outcome does not depend on it
            }
        }
        tx.configuration().connectionProvider().release(connection);
    }
}
