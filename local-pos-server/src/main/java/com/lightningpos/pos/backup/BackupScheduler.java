package com.lightningpos.pos.backup;

import com.lightningpos.db.BackupSelection;
import com.lightningpos.pos.config.PosProperties;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Takes a backup whenever the newest one is older than {@code pos.backup.interval}, then keeps the
 * newest {@code pos.backup.keep}. Looks every {@code pos.backup.check-every} on its own thread, so a
 * backup never runs on a cashier's request and a till that is restarted every few hours still gets
 * its backups.
 */
@Service
public class BackupScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);

    private final BackupProperties properties;
    private final DataSource db;
    private final Clock clock;
    private final TillBackups backups;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "till-backup");
        t.setDaemon(true);
        return t;
    });

    public BackupScheduler(BackupProperties properties, PosProperties pos, DataSource db, Clock clock) {
        this.properties = properties;
        this.db = db;
        this.clock = clock;
        this.backups = new TillBackups(pos.dataDir(), clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        backups.reconcile(db);
        if (!properties.enabled()) {
            log.info("Scheduled backups are off (pos.backup.enabled=false)");
            return;
        }
        long period = Math.max(1_000, properties.checkEvery().toMillis());
        background.scheduleWithFixedDelay(this::backupIfDueQuietly, period, period, TimeUnit.MILLISECONDS);
        log.info("Backups every {} into {} (keeping {})", properties.interval(), backups.directory().toAbsolutePath(),
                properties.keep());
    }

    public TillBackups backups() {
        return backups;
    }

    /** Takes a backup now and applies the retention. */
    public synchronized TillBackups.Backup backupNow() {
        TillBackups.Backup backup = backups.create(db);
        backups.prune(properties.keep(), db);
        return backup;
    }

    /** Takes a backup if the newest is older than the interval (or there is none). */
    public synchronized Optional<TillBackups.Backup> backupIfDue() {
        if (!BackupSelection.isDue(backups.newest().map(TillBackups.Backup::createdAt), properties.interval(), clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(backupNow());
    }

    private void backupIfDueQuietly() {
        try {
            backupIfDue();
        } catch (RuntimeException e) {
            log.error("Scheduled backup failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
