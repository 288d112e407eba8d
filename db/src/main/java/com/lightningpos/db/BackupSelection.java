package com.lightningpos.db;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules the till's and the hub's backups share: when the next scheduled backup is due, and how
 * an operator names a backup on the command line (a name in the backups directory, a path, or
 * {@code latest}).
 */
public final class BackupSelection {

    private BackupSelection() {
    }

    /** Due when there is no backup yet or the newest is at least {@code interval} old. */
    public static boolean isDue(Optional<Instant> newestCreatedAt, Duration interval, Instant now) {
        return newestCreatedAt.map(at -> !at.plus(interval).isAfter(now)).orElse(true);
    }

    /**
     * The path {@code which} names, or empty for {@code latest}. A bare name is looked up in
     * {@code backupsDir}; anything else is taken as a path.
     *
     * @param kind what a backup is here ("backup file", "backup directory"), for the message
     */
    public static Optional<Path> named(String which, Path backupsDir, String kind) {
        if (which == null || which.isBlank()) {
            throw new IllegalArgumentException("Name a " + kind + " or say \"latest\"");
        }
        if (which.trim().equalsIgnoreCase("latest")) {
            return Optional.empty();
        }
        Path given = Path.of(which.trim());
        return Optional.of(given.getNameCount() == 1 && !given.isAbsolute() ? backupsDir.resolve(given) : given);
    }
}
