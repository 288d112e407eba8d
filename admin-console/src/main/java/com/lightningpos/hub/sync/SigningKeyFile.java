package com.lightningpos.hub.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 key that signs shop tokens: {@code hub.jwt-secret} when configured (at least 32
 * bytes, e.g. for several hub instances), otherwise a random key made on first start and kept in
 * the data directory, readable only by the hub's user, so tokens survive a restart.
 */
final class SigningKeyFile {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final int KEY_BYTES = 32;

    private SigningKeyFile() {
    }

    static SecretKey load(String configuredSecret, Path dataDir) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            byte[] bytes = configuredSecret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < KEY_BYTES) {
                throw new IllegalStateException("hub.jwt-secret must be at least " + KEY_BYTES + " bytes long");
            }
            return new SecretKeySpec(bytes, "HmacSHA256");
        }
        Path file = dataDir.resolve("keys").resolve("jwt-hs256.key");
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            return new SecretKeySpec(key, "HmacSHA256");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
        try {
            Files.move(tmp, file); // not replacing: a second hub instance that won the race keeps its key
            log.info("Created the token signing key {}", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        }
    }
}
