package com.lightningpos.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads fields of {@code /proc/<pid>/status} (Linux). */
final class ProcStatus {

    private ProcStatus() {
    }

    /** The field's value in KiB, or -1 if the process is gone or the field is missing. */
    static long kb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Sum of a field over the PostgreSQL server whose data directory is {@code dataDir} (the postmaster, found by its
     * {@code -D} argument, and its children); -1 if none is found. zonky's postmaster is not a child of the hub JVM.
     */
    static long postgresKb(Path dataDir, String field) {
        String dir = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .findFirst()
                .map(pm -> Math.max(0, kb(pm.pid(), field)) + descendantsKb(pm.pid(), field))
                .orElse(-1L);
    }

    /** Sum of a field over the descendants of {@code pid} (the hub's embedded PostgreSQL processes). */
    static long descendantsKb(long pid, String field) {
        return ProcessHandle.of(pid).map(p -> p.descendants().mapToLong(d -> Math.max(0, kb(d.pid(), field))).sum())
                .orElse(-1L);
    }
}
