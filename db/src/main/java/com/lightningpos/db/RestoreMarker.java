package com.lightningpos.db;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the last restore in a data directory, so a restore setting left in a service file does
 * not restore the same backup again at every start (and throw away everything sold since). Shared
 * by the till's and the hub's restore commands.
 */
public final class RestoreMarker {

    public static final String FILE = "last-restore.properties";

    private static final Logger log = LoggerFactory.getLogger(RestoreMarker.class);

    private final Path file;
    private final String who;
    private final String setting;

    /**
     * @param who     "this till" or "this hub", for the message
     * @param setting the restore setting's name, for the message
     */
    public RestoreMarker(Path dataDir, String who, String setting) {
        this.file = dataDir.resolve(FILE);
        this.who = who;
        this.setting = setting;
    }

    /** Why not to restore again, if {@code argument} or {@code backupName} was the last restore. */
    public Optional<String> alreadyRestored(String argument, String backupName) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties last = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            last.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (argument.trim().equals(last.getProperty("argument")) || backupName.equals(last.getProperty("backup"))) {
            return Optional.of("Not restoring again: " + who + " was already restored with " + setting + "="
                    + last.getProperty("argument") + " (" + last.getProperty("backup") + ") at " + last.getProperty("restoredAt")
                    + ". Remove the setting; to restore once more, name another backup or delete " + file.toAbsolutePath());
        }
        return Optional.empty();
    }

    /** Records a restore; a failure to write is logged, never fatal (the restore itself succeeded). */
    public void write(String argument, String backupName, Instant when, Map<String, String> extra) {
        Properties marker = new Properties();
        marker.setProperty("argument", argument.trim());
        marker.setProperty("backup", backupName);
        marker.setProperty("restoredAt", when.toString());
        extra.forEach(marker::setProperty);
        try (Writer out = Files.newBufferedWriter(file)) {
            marker.store(out, "Written by the restore command of " + who + "; stops the same restore from running twice");
        } catch (IOException e) {
            log.warn("Could not write {}: {}", file, e.toString());
        }
    }
}
