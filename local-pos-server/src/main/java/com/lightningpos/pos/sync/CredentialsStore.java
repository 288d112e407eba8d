package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.SyncJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The till's credentials file {@code credentials.json} in the data directory, mode 0600. Written
 * to a temporary file (created 0600, so the secret is never readable by others even for a moment)
 * and moved into place, so a crash leaves either the old file or the new one.
 */
public final class CredentialsStore {

    public static final String FILE_NAME = "credentials.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public CredentialsStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public Optional<StoredCredentials> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SyncJson.read(Files.readAllBytes(file), StoredCredentials.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The credentials file " + file + " cannot be read", e);
        }
    }

    public void write(StoredCredentials credentials) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // not a POSIX file system (Windows): rely on the user profile's ACL
            }
            Files.write(tmp, SyncJson.write(credentials));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the credentials file " + file, e);
        }
    }
}
