package com.lightningpos.etl.simulation;

import com.lightningpos.etl.testing.HubTestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/** The files and the PostgreSQL database of one run: made at the start, removed when the run passed. */
final class RunFiles {

    private static HikariDataSource admin;

    private RunFiles() {
    }

    /** Under /dev/shm when there is one (fsyncs cost nothing there), else under target/. */
    static Path newRunDirectory(long seed) throws IOException {
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm.resolve("lightning-sim") : Path.of("target", "simulation");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "seed-" + seed + "-");
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    /** Closes the run's pool and drops its database, so thousands of seeds do not fill the server. */
    static synchronized void dropDatabase(HikariDataSource postgres) {
        String name = HubTestDatabase.databaseName(postgres);
        postgres.close();
        if (admin == null) {
            admin = HubTestDatabase.pool("postgres");
            admin.setMaximumPoolSize(1);
        }
        try (var c = admin.getConnection(); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // a left-over test database does no harm
        }
    }
}
