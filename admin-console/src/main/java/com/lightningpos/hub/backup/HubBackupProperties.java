package com.lightningpos.hub.backup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's scheduled backups ({@code hub.backup.*}, also {@code HUB_BACKUP_KEEP} ...).
 *
 * @param enabled    take scheduled backups
 * @param interval   a backup is taken when the newest one is older than this
 * @param keep       how many backups to keep; older ones are deleted after each backup
 * @param checkEvery how often the schedule looks whether a backup is due
 * @param pgDump     a pg_dump binary to add a {@code pg_dump -Fc} file to each backup (optional)
 */
@ConfigurationProperties("hub.backup")
public record HubBackupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration interval,
        @DefaultValue("7") int keep,
        @DefaultValue("5m") Duration checkEvery,
        String pgDump) {

    public HubBackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("hub.backup.keep must be at least 1");
        }
    }
}
