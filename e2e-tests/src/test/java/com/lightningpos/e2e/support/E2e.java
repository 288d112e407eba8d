package com.lightningpos.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Where the jars are, where artifacts go, and free ports: the settings surefire passes in. */
public final class E2e {

    private E2e() {
    }

    public static Path posJar() {
        return jar("pos.jar", "../local-pos-server/target/local-pos-server.jar");
    }

    public static Path hubJar() {
        return jar("hub.jar", "../admin-console/target/admin-console.jar");
    }

    private static Path jar(String property, String fallback) {
        Path jar = Paths.get(System.getProperty(property, fallback)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar at " + jar + " (system property " + property
                    + "); build it first, e.g. ./mvnw -B -o -pl local-pos-server,admin-console package -DskipTests");
        }
        return jar;
    }

    private static final Set<String> CLEANED = ConcurrentHashMap.newKeySet();

    /**
     * {@code artifacts.dir}/{@code sub}, created: logs, screenshots and data dirs of one test class. What an
     * earlier run left there is deleted on first use in this JVM, so the directory shows this run only.
     */
    public static Path artifacts(String sub) {
        Path root = Paths.get(System.getProperty("artifacts.dir", "target/e2e-artifacts")).toAbsolutePath().normalize();
        Path dir = root.resolve(sub);
        try {
            if (CLEANED.add(sub) && Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, empty directory under {@code artifacts.dir}/{@code sub}: a process's data dir. */
    public static Path freshDir(String sub, String prefix) {
        try {
            return Files.createTempDirectory(artifacts(sub), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on right now (the OS picks it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
