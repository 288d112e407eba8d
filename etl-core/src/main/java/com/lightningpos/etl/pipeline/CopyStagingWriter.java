package com.lightningpos.etl.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Table;
import org.postgresql.PGConnection;

/**
 * Upserts rows through PostgreSQL's COPY: the rows are copied into a transaction-local staging
 * table and merged with one {@code INSERT … SELECT … ON CONFLICT (id) DO UPDATE}. COPY is the
 * fastest way into PostgreSQL; the merge keeps the load idempotent by id, which a plain COPY is not.
 * COPY has no jOOQ form, hence the SQL text here; identifiers come from the generated tables only.
 */
final class CopyStagingWriter {

    private CopyStagingWriter() {
    }

    static void upsert(Connection connection, Table<?> table, List<Field<?>> columns, List<Map<Field<?>, Object>> rows) {
        String target = table.getName();
        // One staging table per table and column set; CREATE … AS … WITH NO DATA copies the column
        // types without the NOT NULL constraints of columns the shop does not send (loaded_at).
        String stage = "etl_stage_" + target + "_" + Integer.toHexString(columns.hashCode());
        String columnList = columns.stream().map(Field::getName).collect(Collectors.joining(", "));
        String updates = columns.stream().filter(c -> !c.getName().equals("id"))
                .map(c -> c.getName() + " = excluded." + c.getName()).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " ON COMMIT DELETE ROWS AS SELECT " + columnList
                    + " FROM " + target + " WITH NO DATA");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + stage + " (" + columnList + ") FROM STDIN (FORMAT csv)", new StringReader(csv(columns, rows)));
            statement.execute("INSERT INTO " + target + " (" + columnList + ") SELECT " + columnList + " FROM " + stage
                    + " ON CONFLICT (id) DO UPDATE SET " + updates);
            statement.execute("TRUNCATE " + stage);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY load into " + target + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
