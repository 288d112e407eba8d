package com.lightningpos.hub.backup;

import com.lightningpos.db.BackupSelection;
import com.lightningpos.hub.config.HubProperties;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Takes a hub backup whenever the newest is older than {@code hub.backup.interval} (looking every
 * {@code hub.backup.check-every}), then keeps the newest {@code hub.backup.keep}. With an external
 * PostgreSQL only the replicas are copied (the database is protected by point-in-time recovery).
 * With two hub instances on one data directory both may back up; each backup is complete on its own.
 */
@Service
public class HubBackupScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HubBackupScheduler.class);

    private final HubBackupProperties properties;
    private final HubBackups backups;
    private final HubBackups.Source source;
    private final Clock clock;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-backup");
        t.setDaemon(true);
        return t;
    });

    public HubBackupScheduler(HubBackupProperties properties, HubProperties hub, DataSourceProperties dataSourceProperties,
                              HikariDataSource dataSource, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.backups = new HubBackups(hub.dataDir(), clock);
        boolean external = dataSourceProperties.getUrl() != null && !dataSourceProperties.getUrl().isBlank();
        this.source = new HubBackups.Source(external ? null : dataSource, dataSource.getJdbcUrl(), dataSource.getUsername(),
                properties.pgDump());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!properties.enabled()) {
            log.info("Scheduled hub backups are off (hub.backup.enabled=false)");
            return;
        }
        long period = Math.max(1_000, properties.checkEvery().toMillis());
        background.scheduleWithFixedDelay(this::backupIfDueQuietly, period, period, TimeUnit.MILLISECONDS);
        log.info("Hub backups every {} into {} (keeping {}){}", properties.interval(), backups.directory().toAbsolutePath(),
                properties.keep(), source.dataSource() == null ? "; external PostgreSQL: replicas only, use point-in-time recovery" : "");
    }

    public HubBackups backups() {
        return backups;
    }

    public List<HubBackups.Backup> list() {
        return backups.list();
    }

    /** Takes a backup now and applies the retention. */
    public synchronized HubBackups.Backup backupNow() {
        HubBackups.Backup backup = backups.create(source);
        backups.prune(properties.keep());
        return backup;
    }

    public synchronized Optional<HubBackups.Backup> backupIfDue() {
        if (!BackupSelection.isDue(backups.newest().map(HubBackups.Backup::createdAt), properties.interval(), clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(backupNow());
    }

    private void backupIfDueQuietly() {
        try {
            backupIfDue();
        } catch (RuntimeException e) {
            log.error("Scheduled hub backup failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
