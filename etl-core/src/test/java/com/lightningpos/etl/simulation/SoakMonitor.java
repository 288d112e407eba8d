package com.lightningpos.etl.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Samples the JVM and the run's files every few simulated minutes into a CSV file: heap in use
 * after a GC, open file handles ({@code /proc/self/fd}), live threads, bytes on disk (tills,
 * replicas), rows in outboxes and logs. A leak or an unbounded growth shows as a column that keeps
 * rising while the workload is steady.
 */
final class SoakMonitor {

    private final Path report;

    SoakMonitor(Path report) {
        this.report = report;
        write("sim_time,wall_seconds,shops,orders,heap_mb,open_fds,threads,till_db_mb,till_wal_mb,replica_db_mb,replica_wal_mb,"
                        + "outbox_rows,inbound_log_rows,outbound_log_rows,events\n",
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    Path report() {
        return report;
    }

    void sample(long simMillis, double wallSeconds, int shops, int orders, Path runDir, long outboxRows, long inboundRows,
                long outboundRows, long events) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        Path replicas = runDir.resolve("replicas");
        write(String.format("%s,%.0f,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d%n", Instant.ofEpochMilli(simMillis), wallSeconds,
                shops, orders, heapMb, openFileHandles(), ManagementFactory.getThreadMXBean().getThreadCount(),
                megabytes(runDir, ".db"), megabytes(runDir, ".db-wal"), megabytes(replicas, ".db"), megabytes(replicas, ".db-wal"),
                outboxRows, inboundRows, outboundRows, events));
    }

    static long openFileHandles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Total size of the files directly in {@code dir} whose names end with {@code suffix}. */
    private static double megabytes(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).mapToLong(p -> p.toFile().length()).sum()
                    / (1024.0 * 1024.0);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private void write(String line, StandardOpenOption... options) {
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, line, options.length == 0
                    ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND} : options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
