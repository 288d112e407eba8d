package com.lightningpos.e2e.support;

import java.nio.file.Path;
import java.util.List;

/**
 * The hub ({@code admin-console.jar}) as a real process with its embedded PostgreSQL in a fresh data dir:
 * {@code java -jar admin-console.jar --server.port=<free> --hub.data-dir=<dir> --hub.admin.password=<pw> <extra>}.
 */
public final class HubProcess extends AppProcess {

    public static final String ADMIN_USER = "admin";

    private final String adminPassword;

    private HubProcess(String name, Path dataDir, Path logFile, int port, String adminPassword, List<String> extraArgs) {
        super(name, E2e.hubJar(), dataDir, logFile, port, extraArgs);
        this.adminPassword = adminPassword;
    }

    public static HubProcess create(String testName, String... extraArgs) {
        return new HubProcess("hub", E2e.freshDir(testName, "hub-data-"), E2e.artifacts(testName).resolve("hub.log"),
                E2e.freePort(), newAdminPassword(), List.of(extraArgs));
    }

    /**
     * A hub instance named {@code name} (log {@code <name>.log}) on a given data dir and admin password:
     * several instances sharing one external PostgreSQL and one replica directory.
     */
    public static HubProcess instance(String testName, String name, Path dataDir, String adminPassword,
                                      String... extraArgs) {
        return new HubProcess(name, dataDir, E2e.artifacts(testName).resolve(name + ".log"), E2e.freePort(),
                adminPassword, List.of(extraArgs));
    }

    public static String newAdminPassword() {
        return "e2e-" + Long.toHexString(System.nanoTime());
    }

    public static HubProcess start(String testName, String... extraArgs) {
        HubProcess hub = create(testName, extraArgs);
        hub.start();
        return hub;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** The admin API client, logged in as the first HEAD_OFFICE user. */
    public JsonHttp admin() {
        return http().withBasicAuth(ADMIN_USER, adminPassword);
    }

    @Override
    protected List<String> jvmArgs() {
        return List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Override
    protected List<String> appArgs() {
        return List.of("--server.port=" + port(), "--hub.data-dir=" + dataDir(),
                "--hub.admin.username=" + ADMIN_USER, "--hub.admin.password=" + adminPassword);
    }
}
