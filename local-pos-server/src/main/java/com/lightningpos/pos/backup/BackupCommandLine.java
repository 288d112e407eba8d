package com.lightningpos.pos.backup;

import com.lightningpos.db.SqliteDatabases;
import com.lightningpos.pos.sync.CredentialsStore;
import com.lightningpos.pos.sync.StoredCredentials;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The backup commands of the till's jar, run before the database is opened (registered in
 * {@code META-INF/spring.factories}, like the restore from the hub):
 * <ul>
 *   <li>{@code --pos.backup-now=true}: take a backup (also while the till is running), apply the
 *       retention, print the file name, exit;</li>
 *   <li>{@code --pos.list-backups=true}: print the backups, newest last, exit;</li>
 *   <li>{@code --pos.restore-backup=<file name>|latest}: replace {@code shop.db} with that backup
 *       (the till must be stopped), then start the till as usual.</li>
 * </ul>
 * Runs after the configuration files are read (so {@code pos.data-dir} from any of them counts) and
 * before {@code RestoreFromHub}.
 */
public class BackupCommandLine implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Ends the process after a command that does not start the till; replaced in tests. */
    interface Exit {
        void exit(int status);
    }

    private final Exit exit;
    private final PrintStream out;

    public BackupCommandLine() {
        this(System::exit, System.out);
    }

    BackupCommandLine(Exit exit, PrintStream out) {
        this.exit = exit;
        this.out = out;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        Path dataDir = Path.of(env.getProperty("pos.data-dir", "./data/pos"));
        Clock clock = Clock.systemUTC();
        if (env.getProperty("pos.backup-now", Boolean.class, false)) {
            exit.exit(backupNow(dataDir, env.getProperty("pos.backup.keep", Integer.class, 14), clock));
            return;
        }
        if (env.getProperty("pos.list-backups", Boolean.class, false)) {
            exit.exit(list(dataDir, clock));
            return;
        }
        String restore = env.getProperty("pos.restore-backup");
        if (restore != null && !restore.isBlank()) {
            if (env.getProperty("pos.restore-from-hub", Boolean.class, false)) {
                throw new IllegalStateException("Give either pos.restore-backup or pos.restore-from-hub, not both");
            }
            String shopId = enrolledShop(dataDir).map(StoredCredentials::shopId).orElse(null);
            new BackupRestorer(dataDir, clock).restore(restore, shopId, env.getProperty("pos.restore-backup-force", Boolean.class, false));
        }
    }

    int backupNow(Path dataDir, int keep, Clock clock) {
        TillBackups backups = new TillBackups(dataDir, clock);
        if (!Files.exists(backups.databaseFile())) {
            out.println("No till database at " + backups.databaseFile().toAbsolutePath() + ": nothing to back up");
            return 2;
        }
        try {
            var db = SqliteDatabases.dataSource(backups.databaseFile());
            TillBackups.Backup backup = backups.create(db);
            List<TillBackups.Backup> deleted = backups.prune(keep, db);
            out.println("Backup written: " + backup.file().toAbsolutePath() + " (" + backup.sizeBytes() + " bytes)");
            deleted.forEach(d -> out.println("Deleted old backup: " + d.name()));
            return 0;
        } catch (RuntimeException e) {
            out.println("Backup failed: " + e.getMessage());
            return 1;
        }
    }

    int list(Path dataDir, Clock clock) {
        TillBackups backups = new TillBackups(dataDir, clock);
        List<TillBackups.Backup> all = backups.list();
        if (all.isEmpty()) {
            out.println("No backups in " + backups.directory().toAbsolutePath());
        }
        all.forEach(b -> out.println(b.name() + "\t" + b.createdAt() + "\t" + b.sizeBytes() + " bytes"));
        return 0;
    }

    private static Optional<StoredCredentials> enrolledShop(Path dataDir) {
        try {
            return new CredentialsStore(dataDir).read();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
