package com.lightningpos.pos.backup;

import com.lightningpos.db.BackupSelection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The till's online backups: {@code <data-dir>/backups/shop-<UTC time>.db}, each a complete SQLite
 * database written by {@code VACUUM INTO} from a live connection (a consistent snapshot of one read
 * transaction; sales go on meanwhile, WAL readers never block the writer). Never a file copy: a copy
 * of a live WAL database can miss committed pages that are still in the {@code -wal} file.
 *
 * <p>A backup is written under a temporary name, checked ({@code PRAGMA quick_check}), flushed to disk
 * and only then renamed into place, so a file that carries a backup's name is always a whole one. The
 * directory is the truth about which backups exist; the {@code local_backups} table mirrors it so the
 * till (and support staff with an SQLite shell) can list them.
 */
public final class TillBackups {

    private static final Logger log = LoggerFactory.getLogger(TillBackups.class);

    public static final String DIR_NAME = "backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("shop-(\\d{8}T\\d{6}\\.\\d{3}Z)\\.db");

    /** One backup file. */
    public record Backup(Path file, Instant createdAt, long sizeBytes) {
        public String name() {
            return file.getFileName().toString();
        }
    }

    private final Path dataDir;
    private final Path dir;
    private final Clock clock;

    public TillBackups(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.dir = dataDir.resolve(DIR_NAME);
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    public Path databaseFile() {
        return dataDir.resolve("shop.db");
    }

    /** The file name a backup taken at {@code at} gets. */
    public static String fileName(Instant at) {
        return "shop-" + STAMP.format(at) + ".db";
    }

    /** When the backup called {@code name} was taken, if the name is a backup's name. */
    public static Optional<Instant> timeOf(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(STAMP.parse(m.group(1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Takes a backup of the database behind {@code shopDb} (the till's pool, or a plain connection of
     * the command line while the till runs) and records it in {@code local_backups}.
     */
    public Backup create(DataSource shopDb) {
        Instant now = clock.instant();
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(fileName(now));
            if (Files.exists(target)) {
                throw new IllegalStateException("A backup called " + target.getFileName() + " exists already");
            }
            Path partial = dir.resolve(target.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try (Connection c = shopDb.getConnection(); Statement s = c.createStatement()) {
                // Not inside a transaction: VACUUM refuses to run in one. The string is our own file name.
                s.execute("VACUUM INTO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            check(partial);
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            move(partial, target);
            fsyncDirectory(dir);
            Backup backup = new Backup(target, now, Files.size(target));
            record(shopDb, backup);
            log.info("Backup {} written ({} bytes)", backup.name(), backup.sizeBytes());
            return backup;
        } catch (SQLException e) {
            throw new IllegalStateException("The backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup failed: " + e.getMessage(), e);
        }
    }

    /** Every backup in the directory, oldest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "shop-*.db")) {
            for (Path file : files) {
                Optional<Instant> at = timeOf(file.getFileName().toString());
                if (at.isPresent() && Files.isRegularFile(file)) {
                    backups.add(new Backup(file, at.get(), Files.size(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        backups.sort(Comparator.comparing(Backup::createdAt));
        return backups;
    }

    public Optional<Backup> newest() {
        List<Backup> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Keeps the newest {@code keep} backups and deletes the others (files and rows). Answers what was
     * deleted. {@code shopDb} may be null (nothing recorded then).
     */
    public List<Backup> prune(int keep, DataSource shopDb) {
        List<Backup> all = list();
        List<Backup> deleted = new ArrayList<>();
        for (int i = 0; i < all.size() - Math.max(1, keep); i++) {
            Backup old = all.get(i);
            try {
                Files.deleteIfExists(old.file());
                deleted.add(old);
                log.info("Backup {} deleted (keeping the newest {})", old.name(), keep);
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}: {}", old.file(), e.toString());
            }
        }
        if (shopDb != null) {
            reconcile(shopDb);
        }
        return deleted;
    }

    /**
     * Finds a backup by its file name (in the backups directory), by a path to a backup file, or
     * {@code latest}.
     */
    public Backup resolve(String which) {
        Optional<Path> named = BackupSelection.named(which, dir, "backup file");
        if (named.isEmpty()) {
            return newest().orElseThrow(() -> new IllegalStateException("There is no backup in " + dir.toAbsolutePath()));
        }
        Path file = named.get();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No backup " + which + " (looked for " + file.toAbsolutePath() + "). Backups there: "
                    + list().stream().map(Backup::name).toList());
        }
        try {
            Instant at = timeOf(file.getFileName().toString()).orElse(Files.getLastModifiedTime(file).toInstant());
            return new Backup(file, at, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code local_backups} list exactly the backup files that exist (if the table exists). */
    public void reconcile(DataSource shopDb) {
        List<Backup> present = list();
        try (Connection c = shopDb.getConnection()) {
            if (!hasTable(c, "local_backups")) {
                return;
            }
            Set<String> recorded = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT file_name FROM local_backups")) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                }
            }
            Set<String> names = new HashSet<>();
            for (Backup b : present) {
                names.add(b.name());
                if (!recorded.contains(b.name())) {
                    insert(c, b);
                }
            }
            for (String name : recorded) {
                if (!names.contains(name)) {
                    try (var ps = c.prepareStatement("DELETE FROM local_backups WHERE file_name = ?")) {
                        ps.setString(1, name);
                        ps.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("Could not update the list of backups in the database: {}", e.getMessage());
        }
    }

    private void record(DataSource shopDb, Backup backup) {
        try (Connection c = shopDb.getConnection()) {
            if (hasTable(c, "local_backups")) {
                insert(c, backup);
            }
        } catch (SQLException e) {
            log.warn("Backup {} was written but could not be recorded in local_backups: {}", backup.name(), e.getMessage());
        }
    }

    private static void insert(Connection c, Backup b) throws SQLException {
        try (var ps = c.prepareStatement("INSERT OR IGNORE INTO local_backups (file_name, size_bytes, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, b.name());
            ps.setLong(2, b.sizeBytes());
            ps.setString(3, b.createdAt().toString());
            ps.executeUpdate();
        }
    }

    static boolean hasTable(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Opens a backup (or any shop file) read-only and checks that it is a whole, sound shop database. */
    static void check(Path file) throws SQLException {
        try (Connection c = readOnly(file).getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new SQLException(file.getFileName() + " is damaged: " + result);
                }
            }
            if (!hasTable(c, "sales_orders") || !hasTable(c, "schema_version")) {
                throw new SQLException(file.getFileName() + " is not a shop database");
            }
        }
    }

    /** A read-only data source for an SQLite file that must not be changed (no WAL switch, no migration). */
    static SQLiteDataSource readOnly(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Makes a rename durable (a power cut right after must not bring the old name back). Best effort. */
    static void fsyncDirectory(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can open a directory (Windows); the rename itself has happened.
        }
    }
}
