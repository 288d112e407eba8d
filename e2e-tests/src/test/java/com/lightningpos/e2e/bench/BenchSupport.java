package com.lightningpos.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.lightningpos.e2e.support.JsonHttp;
import com.lightningpos.etl.sync.EnrolResponse;
import com.lightningpos.etl.sync.client.HubApi;
import com.lightningpos.etl.sync.client.HubCallException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** What the benchmark mains share: finding the jars and the work folder, running into a report, new shops, retries, figures. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** A benchmark's body: it appends its figures to its report as it goes. */
    interface Body {
        void run() throws Exception;
    }

    /** The e2e-tests module, whether the benchmark runs from the repository root (exec:java) or from e2e-tests. */
    static Path module() {
        return Files.isDirectory(Paths.get("e2e-tests", "src")) ? Paths.get("e2e-tests") : Paths.get(".");
    }

    /** Points the system property at the built jar unless the caller named one. */
    static void defaultJar(String property, Path jar) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, jar.toAbsolutePath().normalize().toString());
        }
    }

    /** {@code <work>/run}, emptied of what an earlier run left there. */
    static Path freshRunDir(Path work) throws IOException {
        Path run = work.resolve("run");
        deleteTree(run);
        Files.createDirectories(run);
        return run;
    }

    /**
     * Runs the body, notes a failure at the end of the report, stops what the body started (also after a
     * failure), then writes the report to {@code reportFile} and prints it. Returns the exit code: 0, or 1
     * after a failure.
     */
    static int runAndReport(Body body, StringBuilder md, Runnable stop, Path reportFile) throws IOException {
        int code = 0;
        try {
            body.run();
        } catch (Throwable t) {
            t.printStackTrace();
            md.append("\n**The run failed:** `").append(t).append("`\n");
            code = 1;
        } finally {
            stop.run();
        }
        Files.writeString(reportFile, md.toString(), StandardCharsets.UTF_8);
        System.out.println("\n========== report (" + reportFile + ") ==========\n");
        System.out.println(md);
        return code;
    }

    /** Enrols with the code, again after {@code rate_limited} (the hub allows 10 enrolments/s per address). */
    static EnrolResponse enrolWithRetry(BenchTransport transport, String code, int version, int maxRetries, long pauseMillis)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return HubApi.enrol(transport, code, version);
            } catch (HubCallException e) {
                if (!"rate_limited".equals(e.code()) || attempt > maxRetries) {
                    throw e;
                }
                Thread.sleep(pauseMillis);
            }
        }
    }

    /** A new shop through the admin API; its answer holds the enrolment code. */
    static JsonNode provision(JsonHttp admin, String name) throws InterruptedException {
        JsonHttp.Response r = admin.post("/api/admin/shops", Map.of("name", name));
        for (int i = 0; i < 40 && r.status() == 401; i++) { // the first console user is created just after start
            Thread.sleep(250);
            r = admin.post("/api/admin/shops", Map.of("name", name));
        }
        if (r.status() != 201) {
            throw new IllegalStateException(r.toString());
        }
        return r.json();
    }

    static void log(String benchmark, String line) {
        System.out.println("[" + benchmark + " " + Instant.now().toString().substring(11, 19) + "] " + line);
    }

    /** The 1, 5 and 15 minute load averages, for the report's machine line. */
    static String loadAvg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    static String mb(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", kb / 1024);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
