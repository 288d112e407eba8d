package com.lightningpos.pos.sync;

import com.lightningpos.etl.sync.SyncJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** {@code <data-dir>/join.json}, replaced atomically (a crash leaves the old state or the new one). */
public final class JoinFile {

    public static final String FILE_NAME = "join.json";

    private final Path file;

    public JoinFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public Optional<JoinRecord> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SyncJson.read(Files.readAllBytes(file), JoinRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The join file " + file + " cannot be read", e);
        }
    }

    /** The join's state, or none when the file is missing or unreadable (status must never fail on it). */
    public Optional<JoinRecord> readQuietly() {
        try {
            return read();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public void write(JoinRecord record) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.write(tmp, SyncJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the join file " + file, e);
        }
    }
}
