package com.lightningpos.hub.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.lightningpos.db.BackupSelection;
import com.lightningpos.db.SqliteDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The hub's backups: {@code <hub.data-dir>/backups/<UTC time>/} holding
 * <ul>
 *   <li>{@code db/<table>.copy.gz}: the hub database, one consistent snapshot ({@link DatabaseDump});</li>
 *   <li>{@code hub.pgdump}: the same snapshot by {@code pg_dump -Fc}, when a suitable pg_dump exists ({@link PgDumpTool});</li>
 *   <li>{@code replicas/<shopId>.db}: every shop's replica, each by SQLite {@code VACUUM INTO},
 *       taken AFTER the database dump;</li>
 *   <li>{@code manifest.json}: what is in it (schema version, row counts, sequences, replicas' high-water marks).</li>
 * </ul>
 * Why the replicas come after the dump: then every replica is at least as new as the database. After
 * a restore the ETL finds rows in the replicas' inbound logs after its (older) cursors and loads them
 * again, idempotently by id; the database never holds something a replica lacks, which the other
 * order would allow (and then the ETL cursor would point past rows a re-sent push adds).
 *
 * <p>Written into {@code <time>.partial} and renamed when complete, so a directory with a backup's
 * name is always a whole backup. With an external PostgreSQL ({@code spring.datasource.url}) the
 * database is left out (use point-in-time recovery, docs/operations.md) and only replicas are copied.
 */
public final class HubBackups {

    private static final Logger log = LoggerFactory.getLogger(HubBackups.class);

    public static final String DIR_NAME = "backups";
    static final String MANIFEST = "manifest.json";
    static final String PG_DUMP_FILE = "hub.pgdump";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z");
    private static final Pattern REPLICA = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.db");

    /** The hub database part of a backup. */
    public record Database(boolean included, String note, Integer schemaVersion, String serverVersion,
                           List<DatabaseDump.Table> tables, List<DatabaseDump.Sequence> sequences,
                           String pgDumpFile, String pgDumpSkipped) {
    }

    /** One replica copy. */
    public record Replica(String shopId, String file, long bytes, long highWaterSeq) {
    }

    /** {@code manifest.json}. */
    public record Manifest(int format, String createdAt, Database database, List<Replica> replicas) {
    }

    /** A backup directory. */
    public record Backup(Path dir, Instant createdAt, Manifest manifest) {
        public String name() {
            return dir.getFileName().toString();
        }
    }

    /** Where the hub database is, for the dump; {@code dataSource == null} = external, not dumped. */
    public record Source(DataSource dataSource, String jdbcUrl, String username, String pgDump) {
    }

    private final Path dataDir;
    private final Path dir;
    private final Clock clock;

    public HubBackups(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.dir = dataDir.resolve(DIR_NAME);
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    Path replicaDir() {
        return dataDir.resolve("replicas");
    }

    static String name(Instant at) {
        return STAMP.format(at);
    }

    /** Takes a backup: the database dump first, then the replicas. */
    public Backup create(Source source) {
        Instant now = clock.instant();
        Path target = dir.resolve(name(now));
        Path partial = dir.resolve(name(now) + ".partial");
        try {
            if (Files.exists(target)) {
                throw new IllegalStateException("A backup called " + target.getFileName() + " exists already");
            }
            deleteTree(partial);
            Files.createDirectories(partial);
            Database database = source.dataSource() == null
                    ? new Database(false, "external PostgreSQL: not dumped, use point-in-time recovery (docs/operations.md)",
                            null, null, List.of(), List.of(), null, null)
                    : dumpDatabase(source, partial);
            List<Replica> replicas = copyReplicas(partial);
            Manifest manifest = new Manifest(1, now.toString(), database, replicas);
            JSON.writeValue(partial.resolve(MANIFEST).toFile(), manifest);
            move(partial, target);
            log.info("Hub backup {} written: {} table(s), {} replica(s){}", target.getFileName(), database.tables().size(),
                    replicas.size(), database.pgDumpFile() != null ? ", and " + PG_DUMP_FILE : "");
            return new Backup(target, now, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("The hub backup failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("The hub backup failed: " + e.getMessage(), e);
        }
    }

    private Database dumpDatabase(Source source, Path target) throws SQLException, IOException {
        try (Connection c = source.dataSource().getConnection()) {
            int serverMajor;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
                rs.next();
                serverMajor = Integer.parseInt(rs.getString(1)) / 10000;
            }
            List<String> why = new ArrayList<>();
            Optional<PgDumpTool.Found> tool = PgDumpTool.find(source.pgDump(), serverMajor, why);
            String[] pgDump = {null, null};
            DatabaseDump.Contents contents = DatabaseDump.dump(c, target, snapshot -> {
                if (tool.isPresent()) {
                    String failure = PgDumpTool.run(tool.get(), source.jdbcUrl(), source.username(), snapshot, target.resolve(PG_DUMP_FILE));
                    if (failure == null) {
                        pgDump[0] = PG_DUMP_FILE;
                    } else {
                        pgDump[1] = failure;
                        log.warn("pg_dump part of the backup skipped: {}", failure);
                    }
                } else {
                    pgDump[1] = String.join("; ", why);
                }
            });
            return new Database(true, null, contents.schemaVersion(), contents.serverVersion(), contents.tables(),
                    contents.sequences(), pgDump[0], pgDump[1]);
        }
    }

    private List<Replica> copyReplicas(Path target) throws IOException, SQLException {
        List<Replica> copies = new ArrayList<>();
        if (!Files.isDirectory(replicaDir())) {
            return copies;
        }
        Path out = Files.createDirectories(target.resolve("replicas"));
        List<Path> files;
        try (Stream<Path> list = Files.list(replicaDir())) {
            files = list.filter(f -> REPLICA.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        for (Path file : files) {
            Path copy = out.resolve(file.getFileName());
            try (Connection c = SqliteDatabases.dataSource(file).getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            long highWater;
            try (Connection c = readOnly(copy).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT high_water_seq FROM replica_state WHERE id = 1")) {
                highWater = rs.next() ? rs.getLong(1) : 0;
            }
            String shopId = file.getFileName().toString().replace(".db", "");
            copies.add(new Replica(shopId, "replicas/" + copy.getFileName(), Files.size(copy), highWater));
        }
        return copies;
    }

    /** Every complete backup, oldest first. */
    public List<Backup> list() {
        List<Backup> backups = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return backups;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir)) {
            for (Path d : dirs) {
                if (NAME.matcher(d.getFileName().toString()).matches() && Files.isRegularFile(d.resolve(MANIFEST))) {
                    read(d).ifPresent(backups::add);
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

    /** Keeps the newest {@code keep}; answers the deleted ones. Also clears leftovers of interrupted backups. */
    public List<Backup> prune(int keep) {
        List<Backup> all = list();
        List<Backup> deleted = new ArrayList<>();
        for (int i = 0; i < all.size() - Math.max(1, keep); i++) {
            try {
                deleteTree(all.get(i).dir());
                deleted.add(all.get(i));
                log.info("Hub backup {} deleted (keeping the newest {})", all.get(i).name(), keep);
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}: {}", all.get(i).dir(), e.toString());
            }
        }
        return deleted;
    }

    /** A backup by directory name (under the backups directory), by path, or {@code latest}. */
    public Backup resolve(String which) {
        Optional<Path> named = BackupSelection.named(which, dir, "backup directory");
        if (named.isEmpty()) {
            return newest().orElseThrow(() -> new IllegalStateException("There is no hub backup in " + dir.toAbsolutePath()));
        }
        Path d = named.get();
        return read(d).orElseThrow(() -> new IllegalStateException("No hub backup " + which + " (looked for "
                + d.resolve(MANIFEST).toAbsolutePath() + "). Backups there: " + list().stream().map(Backup::name).toList()));
    }

    static Optional<Backup> read(Path d) {
        Path manifest = d.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            Manifest m = JSON.readValue(manifest.toFile(), Manifest.class);
            return Optional.of(new Backup(d, Instant.parse(m.createdAt()), m));
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable backup manifest {}: {}", manifest, e.getMessage());
            return Optional.empty();
        }
    }

    static SQLiteDataSource readOnly(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
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

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
