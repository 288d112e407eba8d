package com.lightningpos.e2e.bench;

import com.lightningpos.e2e.support.AppProcess;
import com.lightningpos.e2e.support.E2e;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A till or the hub started for a measurement: the same {@code java -jar} as the e2e harness, but with the
 * JVM a shop or head office would run (full JIT, the default collector) instead of the quick-start test flags
 * (C1 only, serial GC), so throughput figures are not capped by the test settings.
 */
final class BenchProcess extends AppProcess {

    static final List<String> TILL_JVM = List.of("-Xmx512m");
    static final List<String> HUB_JVM = List.of("-Xmx1g");

    private final List<String> jvm;
    private final List<String> app;

    private BenchProcess(String name, Path jar, Path dataDir, Path log, int port, List<String> jvm, List<String> app,
                         List<String> extra) {
        super(name, jar, dataDir, log, port, extra);
        this.jvm = jvm;
        this.app = app;
    }

    static BenchProcess till(Path root, String name, String... extra) {
        Path dir = dir(root, name);
        return new BenchProcess(name, E2e.posJar(), dir, root.resolve(name + ".log"), E2e.freePort(), TILL_JVM,
                List.of("--server.address=127.0.0.1", "--pos.data-dir=" + dir, "--pos.demo-data=true"), List.of(extra));
    }

    static BenchProcess hub(Path root, String adminPassword, int dbPort, String... extra) {
        Path dir = dir(root, "hub");
        return new BenchProcess("hub", E2e.hubJar(), dir, root.resolve("hub.log"), E2e.freePort(), HUB_JVM,
                List.of("--hub.data-dir=" + dir, "--hub.admin.username=admin", "--hub.admin.password=" + adminPassword,
                        "--hub.demo-data=true", "--hub.embedded-db-port=" + dbPort), List.of(extra));
    }

    private static Path dir(Path root, String name) {
        try {
            return Files.createDirectories(root.resolve(name + "-data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jvmFlags() {
        return String.join(" ", jvm);
    }

    @Override
    protected List<String> jvmArgs() {
        return jvm;
    }

    @Override
    protected List<String> appArgs() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port());
        args.addAll(app);
        return args;
    }

    /** {@code VmHWM} (peak resident set) of this JVM in KiB, from /proc. */
    long peakRssKb() {
        return ProcStatus.kb(pid(), "VmHWM");
    }

    long rssKb() {
        return ProcStatus.kb(pid(), "VmRSS");
    }
}
