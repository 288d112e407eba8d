package com.lightningpos.pos.backup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The till's scheduled backups ({@code pos.backup.*}, also {@code POS_BACKUP_KEEP} ...).
 *
 * @param enabled    take scheduled backups
 * @param interval   a backup is taken when the newest one is older than this
 * @param keep       how many backups to keep; older ones are deleted after each backup
 * @param checkEvery how often the schedule looks whether a backup is due (the first look is one
 *                   period after the start, so a till that restarts often still backs up on time)
 */
@ConfigurationProperties("pos.backup")
public record BackupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("6h") Duration interval,
        @DefaultValue("14") int keep,
        @DefaultValue("1m") Duration checkEvery) {

    public BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("pos.backup.keep must be at least 1");
        }
    }
}
