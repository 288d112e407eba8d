package com.lightningpos.pos.backup;

import com.lightningpos.db.RestoreMarker;
import com.lightningpos.db.SqliteDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * Replaces the till's {@code shop.db} with one of its backups, before the till opens the database.
 *
 * <p>The replaced file is kept beside it as {@code shop.db.before-restore-<time>} (its write-ahead log,
 * if any was left, as {@code shop.db.before-restore-<time>-wal}, the name SQLite looks for). Because
 * the restored database is older than the one it replaces, two numbers are carried over from the
 * replaced file so that nothing after the restore can collide with what happened before it:
 * <ul>
 *   <li>the outbox sequence ({@code sync_changes.seq}) continues after the replaced file's last one.
 *       The hub remembers the highest seq it stored (its high-water mark) and skips every row at or
 *       below it, so new changes must be numbered above anything the hub may already have. Outbox rows
 *       of the backup that the hub received after the backup was taken are sent again and skipped:
 *       harmless.</li>
 *   <li>receipt numbers continue after the replaced file's last one, so no receipt number is given
 *       twice.</li>
 * </ul>
 * When the replaced file cannot be read (damaged or gone) and the till is enrolled with a hub, these
 * numbers are unknown: the restore refuses and points to {@code --pos.restore-from-hub=true}, unless
 * forced, in which case the outbox numbering jumps ahead by {@link #UNKNOWN_SEQ_GAP} so that no new sale
 * is skipped by the hub (receipt numbers may then repeat ones issued after the backup).
 */
public final class BackupRestorer {

    private static final Logger log = LoggerFactory.getLogger(BackupRestorer.class);

    /** How far the outbox numbering jumps when the replaced database's last seq is unknown. */
    public static final long UNKNOWN_SEQ_GAP = 1_000_000_000L;
    public static final String MARKER = RestoreMarker.FILE;

    /** What a restore did. */
    public record Result(boolean restored, String backup, Path keptAs, String message) {
    }

    /** What the replaced database knew (when it could be read). */
    private record Replaced(boolean readable, long outboxSeq, long pending, String shopId, Map<String, Long> receipts) {
        static Replaced unknown() {
            return new Replaced(false, 0, 0, null, Map.of());
        }
    }

    private final Path dataDir;
    private final TillBackups backups;
    private final Clock clock;

    public BackupRestorer(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.backups = new TillBackups(dataDir, clock);
        this.clock = clock;
    }

    /**
     * Restores {@code which} (a backup's file name, a path, or {@code latest}).
     *
     * @param enrolledShopId the shop id of the till's {@code credentials.json}, or null for a standalone till
     * @param force          restore even when the replaced database cannot be read on an enrolled till
     */
    public Result restore(String which, String enrolledShopId, boolean force) {
        TillBackups.Backup backup = backups.resolve(which);
        Optional<String> skip = marker().alreadyRestored(which, backup.name());
        if (skip.isPresent()) {
            log.warn(skip.get());
            return new Result(false, backup.name(), null, skip.get());
        }
        Path database = backups.databaseFile();
        Instant now = clock.instant();
        String stamp = TillBackups.fileName(now).replace("shop-", "").replace(".db", "");
        try {
            TillBackups.check(backup.file());
            Replaced replaced = Replaced.unknown();
            if (Files.exists(database)) {
                if (inUse(database)) {
                    throw new IllegalStateException("The till's database " + database.toAbsolutePath()
                            + " is open in another process: stop the till first (systemctl stop lightning-till), then restore.");
                }
                replaced = readReplaced(database);
            }
            if (!replaced.readable() && enrolledShopId != null && !force) {
                throw new IllegalStateException("The database being replaced " + (Files.exists(database) ? "cannot be read" : "is missing")
                        + ", so the restore cannot tell which receipt numbers and outbox numbers were used after the backup."
                        + " This till is enrolled: restore it from the hub instead (--pos.restore-from-hub=true, which has every"
                        + " synced sale), or add --pos.restore-backup-force=true to accept that receipt numbers may repeat.");
            }
            if (replaced.readable() && replaced.pending() > 0 && enrolledShopId != null) {
                log.warn("The database being replaced holds {} change(s) not yet sent to the hub; those made after the backup"
                        + " are not in it and stay only in the kept file", replaced.pending());
            }

            Path incoming = dataDir.resolve("shop.db.restoring-" + stamp);
            Files.copy(backup.file(), incoming, StandardCopyOption.REPLACE_EXISTING);
            prepare(incoming, replaced, enrolledShopId);
            force(incoming);

            Path keptAs = null;
            if (Files.exists(database)) {
                keptAs = dataDir.resolve("shop.db.before-restore-" + stamp);
                TillBackups.move(database, keptAs);
                for (String suffix : new String[] {"-wal", "-shm"}) {
                    Path side = dataDir.resolve("shop.db" + suffix);
                    if (Files.exists(side)) {
                        TillBackups.move(side, dataDir.resolve(keptAs.getFileName() + suffix));
                    }
                }
            }
            TillBackups.move(incoming, database);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Files.deleteIfExists(dataDir.resolve(incoming.getFileName() + suffix));
            }
            TillBackups.fsyncDirectory(dataDir);
            marker().write(which, backup.name(), now,
                    keptAs == null ? java.util.Map.of() : java.util.Map.of("keptAs", keptAs.getFileName().toString()));
            String message = "Restored " + database.toAbsolutePath() + " from backup " + backup.name()
                    + (keptAs == null ? "" : "; the replaced database is kept as " + keptAs.getFileName());
            log.info(message);
            return new Result(true, backup.name(), keptAs, message);
        } catch (SQLException e) {
            throw new IllegalStateException("Restore from " + backup.name() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Restore from " + backup.name() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * True when another connection (the running till) has the database open. In WAL mode every open
     * connection holds a shared lock on the file for its whole life, so an exclusive lock is refused.
     */
    public static boolean inUse(Path database) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + database.toAbsolutePath());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            s.execute("ROLLBACK");
            return false;
        } catch (SQLException e) {
            int code = e.getErrorCode() & 0xff;
            return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
        }
    }

    private static Replaced readReplaced(Path database) {
        DataSource ds = SqliteDatabases.dataSource(database);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            long seq = 0;
            long pending = 0;
            String shopId = null;
            Map<String, Long> receipts = new LinkedHashMap<>();
            if (TillBackups.hasTable(c, "sync_changes")) {
                seq = Math.max(longOf(s, "SELECT seq FROM sqlite_sequence WHERE name = 'sync_changes'"),
                        longOf(s, "SELECT max(seq) FROM sync_changes"));
                pending = longOf(s, "SELECT count(*) FROM sync_changes WHERE sync_status = 'pending'");
            }
            if (TillBackups.hasTable(c, "shop_config")) {
                try (ResultSet rs = s.executeQuery("SELECT id FROM shop_config LIMIT 1")) {
                    shopId = rs.next() ? rs.getString(1) : null;
                }
            }
            if (TillBackups.hasTable(c, "receipt_counters")) {
                try (ResultSet rs = s.executeQuery("SELECT shop_id, last_no FROM receipt_counters")) {
                    while (rs.next()) {
                        receipts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            // Fold the write-ahead log into the file, so the kept file is whole on its own.
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return new Replaced(true, seq, pending, shopId, receipts);
        } catch (SQLException | RuntimeException e) {
            log.warn("The database being replaced cannot be read ({}); it is kept as it is", e.getMessage());
            return Replaced.unknown();
        }
    }

    private void prepare(Path incoming, Replaced replaced, String enrolledShopId) throws SQLException {
        DataSource ds = SqliteDatabases.openShopSchema(incoming);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String backupShop;
            try (ResultSet rs = s.executeQuery("SELECT id FROM shop_config LIMIT 1")) {
                backupShop = rs.next() ? rs.getString(1) : null;
            }
            if (enrolledShopId != null && backupShop != null && !enrolledShopId.equals(backupShop)) {
                throw new SQLException("The backup belongs to shop " + backupShop + ", but this till is enrolled as shop "
                        + enrolledShopId + " (a backup from before the enrolment, or from another shop): not restoring it");
            }
            c.setAutoCommit(false);
            long backupSeq = Math.max(longOf(s, "SELECT seq FROM sqlite_sequence WHERE name = 'sync_changes'"),
                    longOf(s, "SELECT max(seq) FROM sync_changes"));
            long next = Math.max(backupSeq, replaced.outboxSeq());
            if (!replaced.readable() && enrolledShopId != null) {
                next = backupSeq + UNKNOWN_SEQ_GAP;
                log.warn("The outbox numbering continues at {} (the last number used after the backup is unknown)", next + 1);
            }
            try (var ps = c.prepareStatement("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_changes'")) {
                ps.setLong(1, next);
                if (ps.executeUpdate() == 0 && next > 0) {
                    try (var insert = c.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_changes', ?)")) {
                        insert.setLong(1, next);
                        insert.executeUpdate();
                    }
                }
            }
            for (Map.Entry<String, Long> counter : replaced.receipts().entrySet()) {
                try (var ps = c.prepareStatement("INSERT INTO receipt_counters (shop_id, last_no) VALUES (?, ?)"
                        + " ON CONFLICT (shop_id) DO UPDATE SET last_no = max(last_no, excluded.last_no)")) {
                    ps.setString(1, counter.getKey());
                    ps.setLong(2, counter.getValue());
                    ps.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        backups.reconcile(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }



    private static long longOf(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private RestoreMarker marker() {
        return new RestoreMarker(dataDir, "this till", "pos.restore-backup");
    }
}
