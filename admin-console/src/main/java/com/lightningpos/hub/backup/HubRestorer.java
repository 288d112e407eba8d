package com.lightningpos.hub.backup;

import com.lightningpos.db.RestoreMarker;
import com.lightningpos.db.EmbeddedHubDatabase;
import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SchemaMigrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a hub backup in place of the embedded database and the replicas, before the hub starts:
 * the current {@code postgres/} and {@code replicas/} directories are kept as
 * {@code postgres.before-restore-<time>} and {@code replicas.before-restore-<time>}; a new embedded
 * server is initialised, migrated to the backup's schema version, loaded with the dumped rows, and
 * stopped; the replica copies are put back. The hub then starts as usual (migrating to this release's
 * schema if the backup is older) and its ETL loads what the replicas hold beyond the database.
 *
 * <p>Two numbers are moved forward so that nothing after the restore reuses a number already handed out:
 * <ul>
 *   <li>the catalog change sequence moves past the highest hub change any replica has queued for its
 *       shop. A head-office edit made between the dump and the replica copies is in a replica but not in
 *       the database; without this the next edit would get its number and the propagator, which skips a
 *       number a replica already holds, would never deliver it;</li>
 *   <li>each restored replica's outbound numbering continues after the replaced replica's (read from
 *       {@code replicas.before-restore-<time>}): the shop's catalog cursor points at the newest row it
 *       pulled, possibly newer than the backup, and rows numbered at or below it would never be pulled.</li>
 * </ul>
 * The shops' pushes need nothing: a restored replica's high-water mark is below what a shop has sent,
 * so the hub answers {@code 409 seq_gap} with {@code resumeFrom} and the shop sends those changes again.
 */
public final class HubRestorer {

    private static final Logger log = LoggerFactory.getLogger(HubRestorer.class);
    public static final String MARKER = RestoreMarker.FILE;
    /** How far a replica's outbound numbering jumps when the replaced replica cannot be read. */
    public static final long UNKNOWN_OUTBOUND_GAP = 1_000_000_000L;

    /** What a restore did. */
    public record Result(boolean restored, String backup, String message) {
    }

    private final Path dataDir;
    private final HubBackups backups;
    private final Clock clock;

    public HubRestorer(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.backups = new HubBackups(dataDir, clock);
        this.clock = clock;
    }

    public Result restore(String which, int embeddedPort) {
        return restore(which, embeddedPort, false);
    }

    /**
     * @param keepReplicas keep the replicas on disk instead of the backup's copies: right when only the
     *                     database was lost or damaged and the replica files are intact (they are then
     *                     newer than the dump, the safe direction, and the ETL reloads everything they hold)
     */
    public Result restore(String which, int embeddedPort, boolean keepReplicas) {
        HubBackups.Backup backup = backups.resolve(which);
        HubBackups.Database db = backup.manifest().database();
        if (db == null || !db.included()) {
            throw new IllegalStateException("Backup " + backup.name() + " holds no database (it was taken from an external"
                    + " PostgreSQL, which is restored by point-in-time recovery; see docs/operations.md)");
        }
        if (db.schemaVersion() > SchemaKind.HUB.latestVersion()) {
            throw new IllegalStateException("Backup " + backup.name() + " has hub schema version " + db.schemaVersion()
                    + ", newer than this release's " + SchemaKind.HUB.latestVersion() + ": restore it with the release that made it");
        }
        Optional<String> skip = marker().alreadyRestored(which, backup.name());
        if (skip.isPresent()) {
            log.warn(skip.get());
            return new Result(false, backup.name(), skip.get());
        }
        Path postgres = dataDir.resolve("postgres");
        Path replicas = dataDir.resolve("replicas");
        refuseIfRunning(postgres);
        for (DatabaseDump.Table t : db.tables()) {
            requireFile(backup.dir().resolve(t.file()));
        }
        if (!keepReplicas) {
            for (HubBackups.Replica r : backup.manifest().replicas()) {
                requireFile(backup.dir().resolve(r.file()));
            }
        }

        Instant now = clock.instant();
        String stamp = HubBackups.name(now);
        Path oldPostgres = dataDir.resolve("postgres.before-restore-" + stamp);
        Path oldReplicas = dataDir.resolve("replicas.before-restore-" + stamp);
        try {
            moveIfExists(postgres, oldPostgres);
            if (!keepReplicas) {
                moveIfExists(replicas, oldReplicas);
            }
            try {
                long highestQueued = keepReplicas ? highestQueuedIn(replicas) : putReplicasBack(backup, replicas, oldReplicas);
                loadDatabase(backup, postgres, embeddedPort, highestQueued);
            } catch (RuntimeException | SQLException | IOException e) {
                HubBackups.deleteTree(postgres);
                moveIfExists(oldPostgres, postgres);
                if (!keepReplicas) {
                    HubBackups.deleteTree(replicas);
                    moveIfExists(oldReplicas, replicas);
                }
                throw new IllegalStateException("Restore from " + backup.name() + " failed, the previous data is back in place: "
                        + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Restore from " + backup.name() + " failed: " + e.getMessage(), e);
        }
        marker().write(which, backup.name(), now, java.util.Map.of());
        String message = keepReplicas
                ? "Restored the hub database from backup " + backup.name() + " and kept the replicas on disk; the previous database is kept as "
                        + oldPostgres.getFileName()
                : "Restored the hub database and " + backup.manifest().replicas().size() + " replica(s) from backup "
                        + backup.name() + "; the previous ones are kept as " + oldPostgres.getFileName() + " and " + oldReplicas.getFileName();
        log.info(message);
        return new Result(true, backup.name(), message);
    }

    /**
     * Copies the backup's replicas into place; answers the highest hub change any of them queued.
     * Each copy's outbound numbering continues after the replaced replica's: the shop's catalog cursor
     * points at the newest outbound row it pulled, which may be newer than the backup, and rows
     * numbered at or below the cursor would never be pulled.
     */
    private long putReplicasBack(HubBackups.Backup backup, Path replicas, Path oldReplicas) throws IOException, SQLException {
        Files.createDirectories(replicas);
        long highestQueued = 0;
        for (HubBackups.Replica r : backup.manifest().replicas()) {
            Path copy = replicas.resolve(r.shopId() + ".db");
            Files.copy(backup.dir().resolve(r.file()), copy);
            continueOutboundNumbering(copy, oldReplicas.resolve(r.shopId() + ".db"));
            highestQueued = Math.max(highestQueued, highestQueuedChange(copy));
        }
        return highestQueued;
    }

    private static void continueOutboundNumbering(Path restored, Path replaced) throws SQLException {
        long next;
        if (!Files.exists(replaced)) {
            return; // the shop had no replica after all: nothing was pulled beyond the backup
        }
        try (Connection c = HubBackups.readOnly(replaced).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'replica_outbound_log'), 0),"
                     + " coalesce((SELECT max(seq) FROM replica_outbound_log), 0))")) {
            next = rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            log.warn("The replaced replica {} cannot be read ({}): its shop's catalog numbering jumps ahead by {}", replaced,
                    e.getMessage(), UNKNOWN_OUTBOUND_GAP);
            next = -1;
        }
        try (Connection c = com.lightningpos.db.SqliteDatabases.dataSource(restored).getConnection(); Statement s = c.createStatement()) {
            long current;
            try (ResultSet rs = s.executeQuery("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'replica_outbound_log'), 0),"
                    + " coalesce((SELECT max(seq) FROM replica_outbound_log), 0))")) {
                current = rs.next() ? rs.getLong(1) : 0;
            }
            long target = next < 0 ? current + UNKNOWN_OUTBOUND_GAP : next;
            if (target > current) {
                if (s.executeUpdate("UPDATE sqlite_sequence SET seq = " + target + " WHERE name = 'replica_outbound_log'") == 0) {
                    s.executeUpdate("INSERT INTO sqlite_sequence (name, seq) VALUES ('replica_outbound_log', " + target + ")");
                }
            }
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static long highestQueuedIn(Path replicas) throws IOException, SQLException {
        long highest = 0;
        if (!Files.isDirectory(replicas)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(replicas)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".db")).toList();
        }
        for (Path f : files) {
            highest = Math.max(highest, highestQueuedChange(f));
        }
        return highest;
    }

    private void loadDatabase(HubBackups.Backup backup, Path postgres, int port, long highestQueued) throws SQLException, IOException {
        HubBackups.Database db = backup.manifest().database();
        try (EmbeddedHubDatabase server = EmbeddedHubDatabase.start(postgres, port)) {
            Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .locations(SchemaKind.HUB.location())
                    .target(MigrationVersion.fromVersion(String.valueOf(db.schemaVersion())))
                    .dataSource(server.dataSource())
                    .load()
                    .migrate();
            try (Connection c = server.dataSource().getConnection()) {
                DatabaseDump.load(c, backup.dir(), new DatabaseDump.Contents(db.schemaVersion(), db.serverVersion(), db.tables(),
                        db.sequences()));
                moveCatalogSequencePast(c, highestQueued);
            }
        }
    }

    private static long highestQueuedChange(Path replica) throws SQLException {
        try (Connection c = HubBackups.readOnly(replica).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(hub_change_seq), 0) FROM replica_outbound_log")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void moveCatalogSequencePast(Connection c, long highestQueued) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT pg_get_serial_sequence('catalog_changes', 'seq')")) {
            if (!rs.next() || rs.getString(1) == null) {
                return;
            }
            String seq = rs.getString(1);
            try (var ps = c.prepareStatement("SELECT setval(?::regclass, ?) WHERE ? > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM "
                    + seq + ")")) {
                ps.setString(1, seq);
                ps.setLong(2, highestQueued);
                ps.setLong(3, highestQueued);
                ps.execute();
            }
        }
    }

    private static void refuseIfRunning(Path postgres) {
        Path pidFile = postgres.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("The hub's database in " + postgres.toAbsolutePath() + " is running (pid " + pid
                        + "): stop the hub first (systemctl stop lightning-hub), then restore.");
            }
        } catch (IOException | NumberFormatException e) {
            // unreadable pid file: a crashed server, PostgreSQL itself cleans it up
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The backup is incomplete: " + file + " is missing");
        }
    }

    private static void moveIfExists(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            HubBackups.move(from, to);
        }
    }



    private RestoreMarker marker() {
        return new RestoreMarker(dataDir, "this hub", "hub.restore-backup");
    }
}
