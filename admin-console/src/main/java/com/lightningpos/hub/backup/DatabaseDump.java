package com.lightningpos.hub.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical dump of the hub database through JDBC: every table's rows in PostgreSQL's own COPY text
 * format (gzip), and every sequence's position, all read in ONE repeatable-read transaction, so the
 * dump is one consistent snapshot, as {@code pg_dump} makes it. The schema itself is not dumped: it
 * is exactly what the migrations up to the recorded {@code schema_version} create, so a restore runs
 * those migrations and then loads the rows.
 *
 * <p>Used because the embedded PostgreSQL ships without {@code pg_dump} and a {@code pg_dump} of another
 * major version refuses to dump a newer server; when a suitable one exists it runs too, on the same
 * snapshot (see {@link PgDumpTool}).
 */
final class DatabaseDump {

    static final String DIR = "db";

    /** A dumped table. */
    record Table(String name, List<String> columns, long rows, String file) {
    }

    /** A sequence's position. */
    record Sequence(String name, long lastValue, boolean isCalled) {
    }

    /** What was dumped. */
    record Contents(int schemaVersion, String serverVersion, List<Table> tables, List<Sequence> sequences) {
    }

    private DatabaseDump() {
    }

    /**
     * Dumps into {@code target/db/}. {@code whileOpen} runs inside the dump's transaction with the
     * snapshot id it exported ({@code pg_export_snapshot()}), so another tool can read the same snapshot.
     */
    static Contents dump(Connection c, Path target, Consumer<String> whileOpen) throws SQLException, IOException {
        Files.createDirectories(target.resolve(DIR));
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            String snapshot = string(s, "SELECT pg_export_snapshot()");
            int schemaVersion = (int) number(s, "SELECT version FROM schema_version WHERE id = 1");
            String server = string(s, "SHOW server_version");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<Table> tables = new ArrayList<>();
            for (String table : tables(c)) {
                List<String> columns = columns(c, table);
                String file = DIR + "/" + table + ".copy.gz";
                long rows;
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target.resolve(file)), 1 << 16)) {
                    rows = copy.copyOut("COPY " + ident(table) + " (" + String.join(", ", columns.stream().map(DatabaseDump::ident).toList())
                            + ") TO STDOUT", out);
                }
                tables.add(new Table(table, columns, rows, file));
            }
            List<Sequence> sequences = new ArrayList<>();
            for (String seq : sequences(c)) {
                try (ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + ident(seq))) {
                    rs.next();
                    sequences.add(new Sequence(seq, rs.getLong(1), rs.getBoolean(2)));
                }
            }
            whileOpen.accept(snapshot);
            c.commit();
            return new Contents(schemaVersion, server, tables, sequences);
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Loads a dump into a database that has the hub schema at the dump's version and no rows. Foreign
     * keys and triggers are not checked while loading ({@code session_replication_role = replica}, as
     * {@code pg_restore --disable-triggers} does; needs a superuser, which the embedded server's user is):
     * the rows were consistent when they were dumped.
     */
    static void load(Connection c, Path source, Contents contents) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Table table : contents.tables()) {
                s.execute("DELETE FROM " + ident(table.name())); // rows a migration seeded (settings, version)
                try (InputStream in = new GZIPInputStream(Files.newInputStream(source.resolve(table.file())), 1 << 16)) {
                    long rows = copy.copyIn("COPY " + ident(table.name()) + " (" + String.join(", ", table.columns().stream()
                            .map(DatabaseDump::ident).toList()) + ") FROM STDIN", in);
                    if (rows != table.rows()) {
                        throw new IOException(table.file() + " holds " + rows + " rows, the manifest says " + table.rows());
                    }
                }
            }
            for (Sequence seq : contents.sequences()) {
                try (var ps = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                    ps.setString(1, ident(seq.name()));
                    ps.setLong(2, seq.lastValue());
                    ps.setBoolean(3, seq.isCalled());
                    ps.execute();
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The hub's tables in the current schema, but Flyway's own history (the migrations write it). */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
                        + " AND c.relname <> 'flyway_schema_history' ORDER BY c.relname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Columns that hold data (not dropped, not generated), in table order. */
    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT a.attname FROM pg_attribute a WHERE a.attrelid = ?::regclass"
                + " AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum")) {
            ps.setString(1, ident(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static List<String> sequences(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = current_schema() AND c.relkind = 'S' AND c.relname NOT LIKE 'flyway%' ORDER BY c.relname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String string(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long number(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no answer to " + sql);
            }
            return rs.getLong(1);
        }
    }
}
