package com.lightningpos.pos.sync;

import com.lightningpos.db.SchemaKind;
import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.pos.backup.BackupRestorer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code --pos.undo-enrolment=true}: a till that joined the chain goes back to the database it had
 * before (the pre-enrolment copy named in {@code join.json}), until the join is verified. Runs before
 * the database opens (registered in {@code META-INF/spring.factories}), prints what it did, and ends
 * the process. The enrolled database and {@code credentials.json} are kept beside, with an
 * {@code .enrolled-<UTC time>} suffix; the hub is told (best effort: the undo never depends on it).
 *
 * <p>Safe to repeat after a crash: files already moved are not looked for again, and the copy is
 * put in place under a temporary name first.
 */
public class UndoEnrolment implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Ends the process; replaced in tests. */
    interface Exit {
        void exit(int status);
    }

    /** Tells the hub; replaced in tests. */
    interface HubNotice {
        void undone(StoredCredentials credentials) throws Exception;
    }

    private final Exit exit;
    private final PrintStream out;
    private final HubNotice hub;
    private final Clock clock;

    public UndoEnrolment() {
        this(System::exit, System.out, UndoEnrolment::tellHub, Clock.systemUTC());
    }

    UndoEnrolment(Exit exit, PrintStream out, HubNotice hub, Clock clock) {
        this.exit = exit;
        this.out = out;
        this.hub = hub;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 110; // before the backup commands
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (env.getProperty("pos.undo-enrolment", Boolean.class, false)) {
            exit.exit(undo(Path.of(env.getProperty("pos.data-dir", "./data/pos")),
                    env.getProperty("pos.undo-enrolment-force", Boolean.class, false)));
        }
    }

    int undo(Path dataDir) {
        return undo(dataDir, false);
    }

    /**
     * Does the undo; answers the exit status (0 done, 1 refused or failed, 2 nothing to undo). Sales
     * made since the enrolment are not in the pre-enrolment copy: without {@code force} the undo refuses
     * while there are any, so that no sale disappears from the till (and no receipt number repeats).
     */
    int undo(Path dataDir, boolean force) {
        JoinFile joinFile = new JoinFile(dataDir);
        Optional<JoinRecord> found;
        try {
            found = joinFile.read();
        } catch (UncheckedIOException e) {
            out.println("Cannot undo: " + e.getMessage());
            return 1;
        }
        if (found.isEmpty()) {
            out.println("Nothing to undo: " + joinFile.file().toAbsolutePath() + " does not exist (this till never joined with history).");
            return 2;
        }
        JoinRecord join = found.get();
        if (join.is(JoinRecord.VERIFIED)) {
            out.println("Refused: the join was verified at " + join.verifiedAt() + " (shop, replica and hub hold the same history)."
                    + " A verified join cannot be undone; the pre-enrolment copy " + join.preEnrolmentFile() + " is kept for the record.");
            return 1;
        }
        if (join.is(JoinRecord.UNDONE)) {
            out.println("Already undone at " + join.undoneAt() + ": shop.db is the pre-enrolment database " + join.preEnrolmentFile() + ".");
            return 0;
        }
        Path copy = dataDir.resolve(join.preEnrolmentFile());
        if (!Files.isRegularFile(copy)) {
            out.println("Cannot undo: the pre-enrolment database " + copy.toAbsolutePath() + " is missing.");
            return 1;
        }
        Path database = dataDir.resolve("shop.db");
        if (Files.exists(database) && BackupRestorer.inUse(database)) {
            out.println("Cannot undo: " + database.toAbsolutePath() + " is open in another process. Stop the till first"
                    + " (systemctl stop lightning-till), then run the command again.");
            return 1;
        }
        if (Files.exists(database) && !force) {
            long newer = salesNotIn(database, copy);
            if (newer > 0) {
                out.println("Refused: " + newer + " sale(s) were made since the enrolment and are not in the pre-enrolment"
                        + " database; undoing would take them off this till (they would stay only in the kept enrolled"
                        + " file and, if already sent, at the hub) and their receipt numbers would be used again."
                        + " To undo anyway: --pos.undo-enrolment=true --pos.undo-enrolment-force=true");
                return 1;
            }
        }
        Optional<StoredCredentials> credentials = readCredentials(dataDir);
        Instant now = clock.instant();
        String suffix = ".enrolled-" + TillJoin.STAMP.format(now);
        List<String> done = new ArrayList<>();
        try {
            // The write-ahead log goes with its database under the name SQLite looks for (<file>-wal).
            String[][] moves = {{"shop.db", "shop.db" + suffix}, {"shop.db-wal", "shop.db" + suffix + "-wal"},
                {"shop.db-shm", "shop.db" + suffix + "-shm"}, {CredentialsStore.FILE_NAME, CredentialsStore.FILE_NAME + suffix}};
            for (String[] move : moves) {
                Path file = dataDir.resolve(move[0]);
                if (Files.exists(file)) {
                    move(file, dataDir.resolve(move[1]));
                    done.add("kept " + move[0] + " as " + move[1]);
                }
            }
            Path incoming = dataDir.resolve("shop.db.undoing");
            Files.copy(copy, incoming, StandardCopyOption.REPLACE_EXISTING);
            move(incoming, database);
            done.add("put the pre-enrolment database " + join.preEnrolmentFile() + " back as shop.db");
        } catch (IOException e) {
            out.println("Undo failed part-way (" + String.join("; ", done) + "): " + e.getMessage()
                    + ". Fix the cause and run the command again; it continues where it stopped.");
            return 1;
        }
        joinFile.write(join.undone(now.toString()));
        if (credentials.isPresent()) {
            try {
                hub.undone(credentials.get());
                done.add("told the hub (shop " + credentials.get().shopId() + ")");
            } catch (Exception e) {
                done.add("could not tell the hub (" + e.getMessage() + "): head office should mark shop "
                        + credentials.get().shopId() + "'s join undone");
            }
        }
        out.println("Enrolment undone: " + String.join("; ", done) + ".");
        out.println("Start the till without pos.hub-url and pos.enrolment-code to sell standalone as before.");
        return 0;
    }

    /** Orders in {@code database} that the pre-enrolment {@code copy} does not hold (order ids never change in a join). */
    private static long salesNotIn(Path database, Path copy) {
        try (Connection c = SqliteDatabases.dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.execute("ATTACH DATABASE '" + copy.toAbsolutePath().toString().replace("'", "''") + "' AS before_enrolment");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM main.sales_orders"
                    + " WHERE id NOT IN (SELECT id FROM before_enrolment.sales_orders)")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare " + database + " with " + copy + ": " + e.getMessage(), e);
        }
    }

    private static Optional<StoredCredentials> readCredentials(Path dataDir) {
        try {
            return new CredentialsStore(dataDir).read();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void tellHub(StoredCredentials credentials) throws Exception {
        new HubApi(new HttpSyncTransport(URI.create(credentials.hubUrl())), credentials.credentials(), SchemaKind.SHOP.latestVersion(),
                Clock.systemUTC()).joinUndone();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
