package com.lightningpos.hub.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and runs a {@code pg_dump} that can dump the hub's server, as an extra file of a hub backup
 * ({@code hub.pgdump}, custom format, for {@code pg_restore} by hand). Looked for in this order:
 * {@code hub.backup.pg-dump}, the directory the embedded server runs from (found through its
 * {@code postgres} process and zonky's unpack directory {@code <java.io.tmpdir>/embedded-pg/PG-*}),
 * {@code PATH}, Debian's {@code /usr/lib/postgresql/<major>/bin}. Only a {@code pg_dump} whose major
 * version is at least the server's is used: an older one refuses ("server version mismatch").
 * zonky's binary bundles hold only {@code initdb}, {@code pg_ctl} and {@code postgres}, so on a
 * default install this usually finds nothing and the backup says why; the JDBC dump is the one the
 * restore uses either way.
 */
final class PgDumpTool {

    private static final Pattern VERSION = Pattern.compile("pg_dump \\(PostgreSQL\\) (\\d+)");
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    record Found(Path binary, int major) {
    }

    private PgDumpTool() {
    }

    /** The best usable pg_dump, or why there is none (added to {@code why}). */
    static Optional<Found> find(String configured, int serverMajor, List<String> why) {
        List<Found> usable = new ArrayList<>();
        for (Path candidate : candidates(configured)) {
            Optional<Integer> major = major(candidate);
            if (major.isEmpty()) {
                continue;
            }
            if (major.get() < serverMajor) {
                why.add(candidate + " is version " + major.get() + ", older than the server (" + serverMajor + ")");
            } else {
                usable.add(new Found(candidate, major.get()));
            }
        }
        if (usable.isEmpty() && why.isEmpty()) {
            why.add("no pg_dump found (the embedded PostgreSQL bundle has none; set hub.backup.pg-dump to use one)");
        }
        return usable.stream().min(Comparator.comparingInt(Found::major));
    }

    static Set<Path> candidates(String configured) {
        Set<Path> paths = new LinkedHashSet<>();
        if (configured != null && !configured.isBlank()) {
            paths.add(Path.of(configured));
        }
        ProcessHandle.allProcesses().forEach(p -> p.info().command().ifPresent(cmd -> {
            if (cmd.endsWith("/bin/postgres") && cmd.contains("embedded-pg")) {
                paths.add(Path.of(cmd).resolveSibling("pg_dump"));
            }
        }));
        Path unpacked = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        addMatching(paths, unpacked, "PG-*", "bin/pg_dump");
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    paths.add(Path.of(dir, "pg_dump"));
                }
            }
        }
        addMatching(paths, Path.of("/usr/lib/postgresql"), "*", "bin/pg_dump");
        paths.removeIf(p -> !Files.isExecutable(p));
        return paths;
    }

    private static void addMatching(Set<Path> paths, Path dir, String glob, String below) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
            entries.forEach(e -> paths.add(e.resolve(below)));
        } catch (IOException e) {
            // unreadable: not a candidate
        }
    }

    static Optional<Integer> major(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Runs {@code pg_dump -Fc} of the database at {@code jdbcUrl} on the exported {@code snapshot}
     * (which must stay open meanwhile) into {@code out}. Answers null when it worked, else why not.
     */
    static String run(Found tool, String jdbcUrl, String user, String snapshot, Path out) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            return "cannot read host and port from " + jdbcUrl;
        }
        List<String> cmd = List.of(tool.binary().toString(), "--format=custom", "--no-password", "--snapshot=" + snapshot,
                "--host=" + m.group(1), "--port=" + (m.group(2) == null ? "5432" : m.group(2)), "--username=" + user,
                "--dbname=" + m.group(3), "--file=" + out.toAbsolutePath());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.HOURS)) {
                p.destroyForcibly();
                return "pg_dump did not finish within an hour";
            }
            return p.exitValue() == 0 ? null : "pg_dump failed (" + p.exitValue() + "): " + output.strip();
        } catch (IOException e) {
            return "pg_dump could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
