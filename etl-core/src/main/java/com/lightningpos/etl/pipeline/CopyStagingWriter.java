package com.lightningpos.etl.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Table;
import org.postgresql.PGConnection;

/**
 * Upserts rows through PostgreSQL's COPY: rows whose id the table does not hold yet are COPYed
 * straight into it; the others are copied into a transaction-local staging table and merged with one
 * {@code INSERT … SELECT … ON CONFLICT (id) DO UPDATE}. COPY is the fastest way into PostgreSQL; the
 * id check and the merge keep the load idempotent by id, which a plain COPY is not.
 * COPY has no jOOQ form, hence the SQL text here; identifiers come from the generated tables only.
 */
final class CopyStagingWriter {

    private CopyStagingWriter() {
    }

    static void upsert(Connection connection, Table<?> table, List<Field<?>> columns, List<Map<Field<?>, Object>> rows) {
        Field<?> id = columns.stream().filter(c -> c.getName().equals("id")).findFirst().orElse(null);
        if (id == null) {
            merge(connection, table, columns, rows);
            return;
        }
        // Most rows of a batch are new to the hub (a replay or an update of an already loaded row is the
        // exception), and merging them through the staging table costs about twice a plain COPY. So rows
        // whose id is not in the table yet are COPYed straight into it, and only the others are merged.
        // Still idempotent: a row that another transaction inserts meanwhile makes the COPY fail on the
        // primary key, the batch rolls back with its cursor and the retry merges that row.
        Set<Object> known = existingIds(connection, table.getName(), rows.stream().map(r -> r.get(id)).toList());
        List<Map<Field<?>, Object>> fresh = new ArrayList<>(rows.size());
        List<Map<Field<?>, Object>> seen = new ArrayList<>();
        for (Map<Field<?>, Object> row : rows) {
            (known.contains(row.get(id)) ? seen : fresh).add(row);
        }
        if (!fresh.isEmpty()) {
            copy(connection, table.getName(), columns, fresh);
        }
        if (!seen.isEmpty()) {
            merge(connection, table, columns, seen);
        }
    }

    private static void merge(Connection connection, Table<?> table, List<Field<?>> columns, List<Map<Field<?>, Object>> rows) {
        String target = table.getName();
        // One staging table per table and column set; CREATE … AS … WITH NO DATA copies the column
        // types without the NOT NULL constraints of columns the shop does not send (loaded_at).
        String stage = "etl_stage_" + target + "_" + Integer.toHexString(columns.hashCode());
        String columnList = columnList(columns);
        String updates = columns.stream().filter(c -> !c.getName().equals("id"))
                .map(c -> c.getName() + " = excluded." + c.getName()).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " ON COMMIT DELETE ROWS AS SELECT " + columnList
                    + " FROM " + target + " WITH NO DATA");
            copy(connection, stage, columns, rows);
            // An existing row is updated only when it is the same shop's: an id alone would let one shop
            // take over (or change) another shop's sale.
            String sameShop = columns.stream().anyMatch(c -> c.getName().equals("shop_id"))
                    ? " WHERE " + target + ".shop_id = excluded.shop_id" : "";
            statement.execute("INSERT INTO " + target + " (" + columnList + ") SELECT " + columnList + " FROM " + stage
                    + " ON CONFLICT (id) DO UPDATE SET " + updates + sameShop);
            statement.execute("TRUNCATE " + stage);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY load into " + target + " failed: " + e.getMessage(), e);
        }
    }

    private static void copy(Connection connection, String into, List<Field<?>> columns, List<Map<Field<?>, Object>> rows) {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + into + " (" + columnList(columns) + ") FROM STDIN (FORMAT csv)", new StringReader(csv(columns, rows)));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + into + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which of {@code ids} the table already holds (one index probe per id). */
    private static Set<Object> existingIds(Connection connection, String table, List<Object> ids) {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM " + table + " WHERE id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            Set<Object> found = new HashSet<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the ids already in " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static String columnList(List<Field<?>> columns) {
        return columns.stream().map(Field::getName).collect(Collectors.joining(", "));
    }

    private static String csv(List<Field<?>> columns, List<Map<Field<?>, Object>> rows) {
        StringBuilder out = new StringBuilder(rows.size() * columns.size() * 12);
        for (Map<Field<?>, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object value = row.get(columns.get(i));
                if (value != null) {
                    String text = value instanceof OffsetDateTime t ? t.toString() : value.toString();
                    out.append('"').append(text.replace("\"", "\"\"")).append('"');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
