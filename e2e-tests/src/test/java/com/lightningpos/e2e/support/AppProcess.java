package com.lightningpos.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our Spring Boot jars running as a real OS process: {@code java -jar} with its own port and
 * data directory, its console log appended to a file under {@code artifacts.dir}. It can be stopped
 * gracefully (SIGTERM), killed hard ({@code kill -9}) and started again on the same data directory.
 */
public abstract class AppProcess implements AutoCloseable {

    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Path jar;
    private final Path dataDir;
    private final Path logFile;
    private final List<String> extraArgs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;
    private Process process;
    private int starts;
    private List<String> nextStartArgs = List.of();

    protected AppProcess(String name, Path jar, Path dataDir, Path logFile, int port, List<String> extraArgs) {
        this.name = name;
        this.jar = jar;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        try {
            Files.deleteIfExists(logFile); // one log per test run; restarts of this process append to it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app's own arguments ({@code --server.port=...} and friends). */
    protected abstract List<String> appArgs();

    /** What runs the app, before its own arguments: {@code java <jvmArgs> -jar <jar>} unless a subclass has its own launcher. */
    protected List<String> launcher() {
        List<String> launcher = new ArrayList<>();
        launcher.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        launcher.addAll(jvmArgs());
        launcher.add("-jar");
        launcher.add(jar.toString());
        return launcher;
    }

    /** Heap and JIT settings for a small, quick-starting test JVM (2 cores shared with builds). */
    protected List<String> jvmArgs() {
        return List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public JsonHttp http() {
        return new JsonHttp(baseUrl());
    }

    public long pid() {
        requireRunning();
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the process and waits until {@code /actuator/health} says UP. Returns the startup time. */
    public Duration start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>(launcher());
        command.addAll(appArgs());
        command.addAll(extraArgs);
        command.addAll(nextStartArgs);
        nextStartArgs = List.of();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // Settings from the environment of whoever runs the tests must not leak into the apps.
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("POS_") || k.startsWith("HUB_") || k.startsWith("SPRING_")
                || k.startsWith("SERVER_"));
        starts++;
        appendToLog("==== e2e: start #" + starts + " at " + Instant.now() + ": " + String.join(" ", command));
        Instant begin = Instant.now();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        awaitHealthy(STARTUP_TIMEOUT);
        Duration took = Duration.between(begin, Instant.now());
        appendToLog("==== e2e: " + name + " healthy after " + took.toMillis() + " ms (pid " + process.pid() + ")");
        return took;
    }

    /**
     * Starts with {@code moreArgs} after the usual arguments, for this start only (e.g. a restore
     * command such as {@code --hub.restore-backup=latest}); later starts use the usual arguments again.
     */
    public Duration startWith(String... moreArgs) {
        nextStartArgs = List.of(moreArgs);
        return start();
    }

    /** Polls {@code /actuator/health} until it answers 200 with status UP; fails fast if the process dies. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it became healthy. Log tail:\n" + logTail(60));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + " (last: " + last + "). Log tail:\n"
                + logTail(60));
    }

    /** Graceful stop: SIGTERM, then up to 30 s for Spring to shut down (SIGKILL after that). Returns the exit code. */
    public int stop() {
        if (!isAlive()) {
            return process == null ? 0 : process.exitValue();
        }
        appendToLog("==== e2e: SIGTERM to pid " + process.pid());
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                appendToLog("==== e2e: no exit 30 s after SIGTERM, killing");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /**
     * {@code kill -9 <pid>}: the kernel ends the JVM at once, no shutdown hooks, no flush, no
     * checkpoint. Waits for the process to be gone and checks it really died of SIGKILL (exit 137).
     */
    public void kill9() {
        requireRunning();
        long pid = process.pid();
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -9 " + pid + " failed: " + out);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid + ") still alive 10 s after kill -9");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int code = process.exitValue();
        appendToLog("==== e2e: kill -9 " + pid + " at " + Instant.now() + ", exit code " + code);
        if (code != 128 + 9) {
            throw new IllegalStateException(name + " exited with " + code + " after kill -9, expected 137 (SIGKILL)");
        }
    }

    /** Starts again on the same data directory and port. */
    public Duration restart() {
        if (isAlive()) {
            stop();
        }
        return start();
    }

    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireRunning() {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " at " + baseUrl() + " (data " + dataDir + ", log " + logFile + ")";
    }
}
